package dev.codefactory.port.vcs;

import java.util.List;
import java.util.Optional;

/** Ways back: snapshots of the whole working state (the factory's own undo) and git stash entries. */
public interface Snapshots {

    /**
     * Records the exact state of {@code HEAD}, the index and the working tree (tracked and untracked files, not
     * ignored ones) without changing any of them, under {@code refs/factory/snapshots/<id>}.
     */
    Snapshot snapshot(String label);

    /**
     * Puts back exactly what {@code snapshot} recorded: the branch (or detached commit) checked out, the index, and
     * every tracked and untracked file byte for byte; files created since that were neither tracked nor ignored are
     * removed. Ignored files are never touched.
     */
    void restore(Snapshot snapshot);

    /** Snapshots still recorded, newest first. */
    List<Snapshot> snapshots();

    /** Forgets a snapshot (its ref is deleted; git collects its objects later). */
    void dropSnapshot(Snapshot snapshot);

    /**
     * Stashes the staged, unstaged and untracked (not ignored) changes as {@code git stash push --include-untracked
     * -m MESSAGE} does, leaving the index and working tree as {@code HEAD} has them; the stash shows in
     * {@code git stash list}. Returns the stash commit, or empty when there was nothing to stash.
     */
    Optional<String> stash(String message);

    /**
     * Removes the stash entry whose commit is {@code commit} ({@code git stash drop stash@{n}} for its n); false
     * when no entry holds it any more.
     */
    boolean dropStash(String commit);
}
