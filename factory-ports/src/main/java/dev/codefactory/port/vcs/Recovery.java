package dev.codefactory.port.vcs;

import dev.codefactory.port.secret.Secret;

import java.util.List;
import java.util.Optional;

/**
 * What RESCUE reads and the few careful repairs it makes. Nothing here resets, cleans or force-pushes; a repair
 * that would lose work refuses with why.
 */
public interface Recovery {

    /**
     * The git lock files that are there, each saying whether a git process may hold it (the adapter says by what
     * rule); sorted by path.
     */
    List<LockFile> lockFiles();

    /**
     * Removes lock file {@code path} (one of {@link #lockFiles()}); refused when it is held or is no lock file of
     * this repository.
     */
    void removeStaleLock(String path);

    /** The current branch against its upstream from what the repository knows; empty without either. */
    Optional<UpstreamStatus> upstream();

    /** Fetches {@code remote} (no merge): the one network call RESCUE makes, and only when asked ({@code --fetch}). */
    void fetch(String remote, Secret token);

    /** Local branches whose short names start with {@code prefix}, sorted. */
    List<String> branches(String prefix);

    /**
     * The stash entries, {@code stash@{0}} first, each message as {@code git stash list} shows it
     * ({@code On main: factory: before change 12}).
     */
    List<StashEntry> stashes();

    /**
     * Applies the stash entry {@code commit} to the working tree and index (untracked files too), then drops it, as
     * {@code git stash pop} does; refused, with nothing changed, when it would conflict with or overwrite changes.
     */
    void popStash(String commit);

    /**
     * Aborts the operation in progress, as {@code git merge --abort}, {@code git rebase --abort},
     * {@code git cherry-pick --abort}, {@code git revert --abort} or {@code git bisect reset} do; the caller takes a
     * snapshot first. Refused when nothing is in progress.
     */
    void abortOperation();
}
