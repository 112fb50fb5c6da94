package dev.codefactory.domain.adopt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An adoption in progress, kept in {@code .factory/drafts/adopt/<id>.json} at every step so that an interrupted one
 * resumes where it stopped (feature-011, FR-009).
 *
 * @param id       lowercase, {@code adopt-20261207-1432}
 * @param scope    the path adopted ("" for the whole project)
 * @param plan     the plan as the person left it
 * @param accepted the drafts accepted so far, by capability key, in order (not yet written to {@code contracts/})
 * @param skipped  the capability keys skipped so far
 * @param started  when it started
 * @param updated  when it was last saved
 */
// implements feature-011/FR-009
public record AdoptionDraft(String id, String scope, AdoptionPlan plan, Map<String, String> accepted,
                            List<String> skipped, Instant started, Instant updated) {
    public AdoptionDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(plan, "plan");
        accepted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accepted));
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(updated, "updated");
    }

    /** The draft as JSON. */
    public String toJson() {
        throw new UnsupportedOperationException("skeleton: AdoptionDraft.toJson");
    }

    /** The draft {@link #toJson} wrote. */
    public static AdoptionDraft fromJson(String json) {
        throw new UnsupportedOperationException("skeleton: AdoptionDraft.fromJson");
    }
}
