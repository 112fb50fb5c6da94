package dev.codefactory.port.vcs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What RESCUE needs to know about a repository before touching it.
 *
 * @param branch      the checked-out branch's short name; empty when detached or empty
 * @param head        the commit {@code HEAD} points at; empty in an empty repository
 * @param operation   a merge, rebase, cherry-pick, revert or bisect in progress, or {@link Operation#NONE}
 * @param conflicted  paths with unresolved conflicts, sorted
 * @param shallow     a shallow clone ({@code .git/shallow} exists)
 * @param linkedWorktree a worktree added with {@code git worktree add}, not the main one
 */
public record RepositoryState(Optional<String> branch, Optional<String> head, Operation operation,
                              List<String> conflicted, boolean shallow, boolean linkedWorktree) {

    /** An operation git is in the middle of, as {@code git status} says it. */
    public enum Operation { NONE, MERGE, REBASE, CHERRY_PICK, REVERT, BISECT, APPLY_MAILBOX }

    public RepositoryState {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(operation, "operation");
        conflicted = List.copyOf(conflicted);
    }

    /** No commit yet. */
    public boolean empty() {
        return head.isEmpty();
    }

    /** {@code HEAD} points at a commit, not at a branch. */
    public boolean detached() {
        return branch.isEmpty() && head.isPresent();
    }

    /** Nothing in progress, no conflict, on a branch with at least one commit. */
    public boolean healthy() {
        return operation == Operation.NONE && conflicted.isEmpty() && branch.isPresent() && head.isPresent();
    }
}
