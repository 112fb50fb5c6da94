package dev.codefactory.port.vcs;

import dev.codefactory.port.secret.Secret;

import java.util.List;
import java.util.Optional;

/**
 * What RESCUE reads and the few careful repairs it makes. Nothing here resets, cleans or force-pushes; a repair
 * that would lose work refuses with why. (The defaults are the skeleton's; the JGit adapter implements them.)
 */
public interface Recovery {

    /** The git lock files that are there, each saying whether a git process may hold it; sorted by path. */
    default List<LockFile> lockFiles() {
        throw new UnsupportedOperationException("lockFiles");
    }

    /**
     * Removes lock file {@code path} (one of {@link #lockFiles()}); refused when it is held or is no lock file of
     * this repository.
     */
    default void removeStaleLock(String path) {
        throw new UnsupportedOperationException("removeStaleLock");
    }

    /** The current branch against its upstream from what the repository knows; empty without either. */
    default Optional<UpstreamStatus> upstream() {
        throw new UnsupportedOperationException("upstream");
    }

    /** Fetches {@code remote} (no merge): the one network call RESCUE makes, and only when asked ({@code --fetch}). */
    default void fetch(String remote, Secret token) {
        throw new UnsupportedOperationException("fetch");
    }

    /** Local branches whose short names start with {@code prefix}, sorted. */
    default List<String> branches(String prefix) {
        throw new UnsupportedOperationException("branches");
    }

    /** The stash entries, {@code stash@{0}} first. */
    default List<StashEntry> stashes() {
        throw new UnsupportedOperationException("stashes");
    }

    /**
     * Applies the stash entry {@code commit} to the working tree and index (untracked files too), then drops it, as
     * {@code git stash pop} does; refused, with nothing changed, when it would conflict with or overwrite changes.
     */
    default void popStash(String commit) {
        throw new UnsupportedOperationException("popStash");
    }

    /**
     * Aborts the operation in progress, as {@code git merge --abort}, {@code git rebase --abort},
     * {@code git cherry-pick --abort}, {@code git revert --abort} or {@code git bisect reset} do; the caller takes a
     * snapshot first. Refused when nothing is in progress.
     */
    default void abortOperation() {
        throw new UnsupportedOperationException("abortOperation");
    }
}
