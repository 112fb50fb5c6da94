package dev.codefactory.domain.change;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A change plan as the person sees it before approving: what the request means, the specs it affects, the files it
 * will touch, and the impact of touching them.
 *
 * @param id      the change's id ({@code factory/change-<id>}; a RESCUE fix's begins with {@code rescue-}, see
 *                {@link #branchOf})
 * @param request the request as the person wrote it
 * @param summary what will be done, in a few sentences
 * @param specs   the specs it affects, with the reason each was chosen
 * @param files   the files it touches, no path twice
 * @param impact  dependents, tests, effort and risk of touching {@code files}
 */
public record ChangePlan(String id, String request, String summary, List<SpecRef> specs, List<PlannedFile> files,
                         Impact.Result impact) {

    /** A spec the change affects. */
    public record SpecRef(String id, String title, String reason) {
        public SpecRef {
            Objects.requireNonNull(id, "id");
            title = title == null ? "" : title;
            reason = reason == null ? "" : reason.strip();
        }
    }

    public ChangePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        summary = summary == null ? "" : summary.strip();
        specs = List.copyOf(specs);
        files = List.copyOf(files);
        Objects.requireNonNull(impact, "impact");
        Set<String> seen = new HashSet<>();
        for (PlannedFile f : files) {
            if (!seen.add(f.path())) {
                throw new IllegalArgumentException(f.path() + " appears twice in change plan " + id);
            }
        }
    }

    /** How the id of a RESCUE fix begins (a change order its diagnosis prepared the plan of). */
    public static final String RESCUE_PREFIX = "rescue-";

    /**
     * The branch a change is applied on: {@code factory/change-<id>}, or {@code factory/<id>} for a RESCUE fix (its id
     * begins with {@link #RESCUE_PREFIX}, so the branch is {@code factory/rescue-<day>-<hex>}). The one place this
     * rule is written.
     */
    // implements feature-008/FR-010
    public static String branchOf(String id) {
        return id.startsWith(RESCUE_PREFIX) ? "factory/" + id : "factory/change-" + id;
    }

    /** The paths of {@link #files()}. */
    public Set<String> paths() {
        Set<String> out = new java.util.LinkedHashSet<>();
        files.forEach(f -> out.add(f.path()));
        return out;
    }

    public ChangePlan withImpact(Impact.Result next) {
        return new ChangePlan(id, request, summary, specs, files, next);
    }
}
