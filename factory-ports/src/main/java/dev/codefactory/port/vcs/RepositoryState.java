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
 * @param locks       git's lock files that are there ({@code .git/index.lock} and the like), absolute paths, sorted:
 *                    another git process is at work, or one was killed and left them; git refuses to write until
 *                    they are gone
 */
public record RepositoryState(Optional<String> branch, Optional<String> head, Operation operation,
                              List<String> conflicted, boolean shallow, boolean linkedWorktree, List<String> locks) {

    /** An operation git is in the middle of, as {@code git status} says it. */
    public enum Operation { NONE, MERGE, REBASE, CHERRY_PICK, REVERT, BISECT, APPLY_MAILBOX }

    public RepositoryState {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(operation, "operation");
        conflicted = List.copyOf(conflicted);
        locks = List.copyOf(locks);
    }

    /** A state without lock files. */
    public RepositoryState(Optional<String> branch, Optional<String> head, Operation operation,
                           List<String> conflicted, boolean shallow, boolean linkedWorktree) {
        this(branch, head, operation, conflicted, shallow, linkedWorktree, List.of());
    }

    /** No commit yet. */
    public boolean empty() {
        return head.isEmpty();
    }

    /** {@code HEAD} points at a commit, not at a branch. */
    public boolean detached() {
        return branch.isEmpty() && head.isPresent();
    }

    /** Nothing in progress, no conflict, no lock file, on a branch with at least one commit. */
    public boolean healthy() {
        return operation == Operation.NONE && conflicted.isEmpty() && locks.isEmpty() && branch.isPresent()
                && head.isPresent();
    }
}
