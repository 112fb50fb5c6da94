package dev.codefactory.port.vcs;

import java.nio.file.Path;

/**
 * The project's git repository, used side by side with the {@code git} command line on the same files: what one
 * writes the other sees. Paths are relative to {@link #workTree()} with {@code /} separators. Failures are
 * {@link dev.codefactory.port.vcs.VersionControlException}s that say what went wrong and what to do; nothing is
 * ever written into {@code .git} except through git's own data structures.
 *
 * <p>This is what a {@link dev.codefactory.port.vcs.spi.VersionControlProvider} opens: every role of the repository
 * in one object that is closed when done. A use case that needs only one role depends on that role:
 * {@link RepositoryStatus} (state and status), {@link History} (log, diffs, revisions, staging and commits),
 * {@link Branches}, {@link Remotes} (push and pull), {@link Snapshots} (snapshots and stash entries), {@link Recovery} (what RESCUE reads and repairs).
 */
public interface VersionControl extends RepositoryStatus, History, Branches, Remotes, Snapshots, Recovery,
        AutoCloseable {

    /** The root of the working tree (the folder that holds {@code .git}, or a linked worktree's root). */
    @Override
    Path workTree();

    @Override
    void close();
}
