package dev.codefactory.port.vcs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded state of a repository, from {@link VersionControl#snapshot(String)}.
 *
 * @param id        unique, usable in a ref name
 * @param label     what it was taken for: {@code before change 12}
 * @param branch    the branch checked out then; empty when detached (or empty repository)
 * @param head      the commit {@code HEAD} pointed at; empty in an empty repository
 * @param commit    the snapshot commit (its tree is the working tree, its second parent holds the index)
 */
public record Snapshot(String id, String label, Optional<String> branch, Optional<String> head, String commit,
                       Instant created) {
    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(created, "created");
    }
}
