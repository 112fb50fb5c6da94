package dev.codefactory.domain.rescue;

import java.util.Objects;

/**
 * A deterministic fix: no model, explained before it runs, run only with the person's yes ({@code --yes} counts for
 * all but {@link Kind#ABORT_OPERATION}, which always asks).
 *
 * @param kind        what it does
 * @param target      what it acts on: the lock file, the change id, the stash commit, the operation
 * @param title       one line: what it will do
 * @param explanation why it is safe, and how to take it back
 */
// implements feature-008/FR-011
public record Repair(Kind kind, String target, String title, String explanation) {

    /** The deterministic fixes. */
    public enum Kind {
        /** Removes a git lock file that no git process holds. */
        REMOVE_STALE_LOCK,
        /** Puts back the state before an interrupted change order (its snapshot, its stash). */
        UNDO_INTERRUPTED_CHANGE,
        /** Gives back a stash a change made and never gave back. */
        RETURN_STASH,
        /** Aborts a merge, rebase, cherry-pick or revert in progress, after a snapshot of the working tree. */
        ABORT_OPERATION
    }

    public Repair {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** True when {@code --yes} may not stand for the person's explicit word. */
    public boolean needsExplicitYes() {
        return kind == Kind.ABORT_OPERATION;
    }
}
