package dev.codefactory.port.vcs;

import java.util.List;
import java.util.Objects;

/**
 * The working tree and index against {@code HEAD}, one entry per path as {@code git status --porcelain} (v1) prints
 * it: two status letters (index, working tree) and the path, sorted by path.
 */
public record WorkingTreeStatus(List<Entry> entries) {

    /**
     * One changed path.
     *
     * @param index    {@code ' '}, {@code A}, {@code M}, {@code D}, {@code U} (unmerged) or {@code ?} (untracked)
     * @param workTree {@code ' '}, {@code M}, {@code D}, {@code U} or {@code ?}
     */
    public record Entry(char index, char workTree, String path) {
        public Entry {
            Objects.requireNonNull(path, "path");
        }

        /** The line {@code git status --porcelain} prints for this entry. */
        public String porcelain() {
            return "" + index + workTree + ' ' + path;
        }
    }

    public WorkingTreeStatus {
        entries = List.copyOf(entries);
    }

    /** Nothing staged, modified, deleted, conflicted or untracked. */
    public boolean clean() {
        return entries.isEmpty();
    }

    /** Only untracked files, if anything: nothing a checkout could overwrite or a commit would take. */
    public boolean cleanExceptUntracked() {
        return entries.stream().allMatch(e -> e.index() == '?');
    }

    public List<String> untracked() {
        return entries.stream().filter(e -> e.index() == '?').map(Entry::path).toList();
    }

    /** Paths with something staged. */
    public List<String> staged() {
        return entries.stream().filter(e -> e.index() != ' ' && e.index() != '?' && e.index() != 'U')
                .map(Entry::path).toList();
    }
}
