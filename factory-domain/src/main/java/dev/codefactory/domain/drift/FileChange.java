package dev.codefactory.domain.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one file changed since a commit, as drift is told it (from git's history).
 *
 * @param path        project-relative, as it is named now
 * @param renamedFrom its earlier name, when it was renamed since
 * @param deleted     true when it is gone
 * @param added       lines added
 * @param removed     lines removed
 * @param commits     the full ids of the commits that changed it, newest first
 * @param changed     the changed line ranges of the file as it is now
 */
public record FileChange(String path, Optional<String> renamedFrom, boolean deleted, int added, int removed,
                         List<String> commits, List<Lines> changed) {
    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(renamedFrom, "renamedFrom");
        commits = List.copyOf(commits);
        changed = List.copyOf(changed);
    }

    /** True when a changed range overlaps lines {@code from} to {@code to}. */
    public boolean touches(int from, int to) {
        return changed.stream().anyMatch(r -> r.first() <= to && from <= r.last());
    }

    /** Lines {@code first} to {@code last}, 1-based, inclusive. */
    public record Lines(int first, int last) {
        public Lines {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("not a line range: " + first + "-" + last);
            }
        }
    }
}
