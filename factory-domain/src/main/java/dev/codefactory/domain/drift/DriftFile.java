package dev.codefactory.domain.drift;

import dev.codefactory.domain.trace.RequirementId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of a spec that changed since the spec was reconciled (feature-010, FR-011).
 *
 * @param path         project-relative, as it is named now
 * @param renamedFrom  its name at the reconciled commit, when it was renamed since
 * @param deleted      true when it is gone
 * @param linked       true when it links to the spec ({@code implements}/{@code covers}); false when review's
 *                     matching found it
 * @param added        lines added since
 * @param removed      lines removed since
 * @param commits      the full ids of the commits that changed it, newest first
 * @param requirements the spec's requirements whose linked lines in this file changed
 */
public record DriftFile(String path, Optional<String> renamedFrom, boolean deleted, boolean linked, int added,
                        int removed, List<String> commits, List<RequirementId> requirements) {
    public DriftFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(renamedFrom, "renamedFrom");
        commits = List.copyOf(commits);
        requirements = List.copyOf(requirements);
    }
}
