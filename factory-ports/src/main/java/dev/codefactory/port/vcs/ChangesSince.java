package dev.codefactory.port.vcs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed from one commit to {@code HEAD} ({@link History#changesSince}).
 *
 * @param from     the full id of the commit the changes are counted from
 * @param to       the full id of {@code HEAD}
 * @param ancestor true when {@code from} is in {@code HEAD}'s history; false after history was rewritten (a rebase,
 *                 an amend) and the commit survives only in the reflog or another branch: the changes are then
 *                 counted from it all the same
 * @param commits  the commits of {@code from..HEAD}, newest first
 * @param files    every file changed, in path order
 */
public record ChangesSince(String from, String to, boolean ancestor, List<CommitInfo> commits,
                           List<ChangedFile> files) {
    public ChangesSince {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        commits = List.copyOf(commits);
        files = List.copyOf(files);
    }

    /** The file named {@code path} at {@code HEAD} (or, for a deleted file, at {@code from}), if it changed. */
    public Optional<ChangedFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /**
     * One file changed since a commit.
     *
     * @param path        its path at {@code HEAD}; for a deleted file, its last path
     * @param renamedFrom its path at {@code from}, when it was renamed since (through any number of renames)
     * @param deleted     true when it is no longer at {@code HEAD}
     * @param added       lines added from {@code from} to {@code HEAD} (0 for a binary file)
     * @param removed     lines removed
     * @param commits     the ids of the commits of {@code from..HEAD} that changed it, newest first
     * @param changed     the line ranges of the file at {@code HEAD} that are new or changed, or next to removed
     *                    lines, in order
     */
    public record ChangedFile(String path, Optional<String> renamedFrom, boolean deleted, int added, int removed,
                              List<String> commits, List<LineRange> changed) {
        public ChangedFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(renamedFrom, "renamedFrom");
            commits = List.copyOf(commits);
            changed = List.copyOf(changed);
        }
    }

    /**
     * Lines {@code first} to {@code last} (1-based, inclusive). A removal between two lines is the range of the line
     * after it ({@code first == last}), or of the last line at the end of the file.
     */
    public record LineRange(int first, int last) {
        public LineRange {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("not a line range: " + first + "-" + last);
            }
        }

        public boolean contains(int line) {
            return line >= first && line <= last;
        }

        public boolean overlaps(int from, int to) {
            return first <= to && from <= last;
        }
    }
}
