package dev.codefactory.port.vcs;

import dev.codefactory.port.secret.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project's git repository, used side by side with the {@code git} command line on the same files: what one
 * writes the other sees. Paths are relative to {@link #workTree()} with {@code /} separators. Failures are
 * {@link dev.codefactory.port.vcs.VersionControlException}s that say what went wrong and what to do; nothing is
 * ever written into {@code .git} except through git's own data structures.
 */
public interface VersionControl extends AutoCloseable {

    /** The root of the working tree (the folder that holds {@code .git}, or a linked worktree's root). */
    Path workTree();

    /** What state the repository is in: branch, operation in progress, conflicts, shallow, worktree. */
    RepositoryState state();

    /** The working tree and index compared with {@code HEAD}, as {@code git status --porcelain} reports them. */
    WorkingTreeStatus status();

    /**
     * Stages {@code paths} as {@code git add -A -- paths} would: new and modified files are added, deleted ones
     * removed; ignored files are refused unless already tracked.
     */
    void add(List<String> paths);

    /**
     * Commits what is staged (or, with {@link CommitRequest#only()}, only those paths). Author and committer come
     * from git config ({@code user.name}, {@code user.email}) unless the request names them.
     */
    CommitInfo commit(CommitRequest request);

    /** Who git would record as the author of a commit here ({@code user.name}, {@code user.email}), if set. */
    Optional<Identity> identity();

    /** The current branch's short name, empty when {@code HEAD} is detached or the repository is empty. */
    Optional<String> currentBranch();

    boolean branchExists(String name);

    /** Creates branch {@code name} at {@code startPoint} (a ref or commit id; {@code HEAD} when null). */
    void createBranch(String name, String startPoint);

    /** Checks out branch {@code name}; refused when that would overwrite uncommitted changes. */
    void switchBranch(String name);

    /** Deletes a branch that is not checked out; {@code force} deletes one that is not merged. */
    void deleteBranch(String name, boolean force);

    /** Up to {@code max} commits reachable from {@code ref} ({@code HEAD} when null), newest first. */
    List<CommitInfo> log(String ref, int max);

    /** A unified diff from {@code fromRef} to {@code toRef} ({@code git diff FROM TO}). */
    String diff(String fromRef, String toRef);

    /** A unified diff of the working tree and index against {@code HEAD} ({@code git diff HEAD}), untracked excluded. */
    String diffWorkingTree();

    /** The URL of remote {@code name} ({@code origin}), empty when there is none. */
    Optional<String> remoteUrl(String name);

    /**
     * Pushes {@code branch} to {@code remote}, setting its upstream; over HTTPS with {@code token} when given
     * (sent as the password of user {@code x-access-token}, never written to git config or a URL).
     */
    PushResult push(String remote, String branch, Secret token);

    /** Fetches {@code remote} and merges the current branch's upstream (fast-forward or merge, never a rebase). */
    PullResult pull(String remote, Secret token);

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

    /**
     * The commit {@code ref} names: a branch, a full ref ({@code refs/remotes/origin/main}), a commit id; or, for
     * {@code REV:PATH}, the id of the file or folder at {@code PATH} in {@code REV}. Empty when it names none.
     */
    Optional<String> resolve(String ref);

    @Override
    void close();
}
