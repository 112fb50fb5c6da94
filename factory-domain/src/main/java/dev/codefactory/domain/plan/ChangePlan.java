package dev.codefactory.domain.plan;

import dev.codefactory.domain.spec.SpecId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a change request will do, for a person to approve before anything is written.
 *
 * @param id        short id, used in the branch name {@code factory/change-<id>}
 * @param request   the request as the person wrote it
 * @param specs     the specifications it affects
 * @param changes   the files it touches; no path twice
 * @param rationale why these files, in words
 */
public record ChangePlan(String id, String request, List<SpecId> specs, List<FileChange> changes,
                         String rationale, PlanStatus status) {

    public ChangePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        specs = List.copyOf(specs);
        changes = List.copyOf(changes);
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(status, "status");
        Set<String> seen = new HashSet<>();
        for (FileChange c : changes) {
            if (!seen.add(c.path())) {
                throw new IllegalArgumentException(c.path() + " appears twice in change plan " + id);
            }
        }
    }

    public String branchName() {
        return "factory/change-" + id;
    }

    /** The same plan moved to {@code next}, if the move is allowed. */
    public ChangePlan moveTo(PlanStatus next) {
        return new ChangePlan(id, request, specs, changes, rationale, status.moveTo(next, "change " + id));
    }
}
