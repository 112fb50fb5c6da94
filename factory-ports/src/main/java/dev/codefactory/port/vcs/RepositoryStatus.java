package dev.codefactory.port.vcs;

import java.nio.file.Path;

/** Where the repository is and what state it is in: read only, nothing is written. */
public interface RepositoryStatus {

    /** The root of the working tree (the folder that holds {@code .git}, or a linked worktree's root). */
    Path workTree();

    /** What state the repository is in: branch, operation in progress, conflicts, shallow, worktree. */
    RepositoryState state();

    /** The working tree and index compared with {@code HEAD}, as {@code git status --porcelain} reports them. */
    WorkingTreeStatus status();
}
