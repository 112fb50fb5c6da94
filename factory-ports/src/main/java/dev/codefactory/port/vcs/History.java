package dev.codefactory.port.vcs;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commits: reading them (log, diffs, revisions) and recording new ones (stage, commit). */
public interface History {

    /** The root of the working tree, to which every path given here is relative. */
    Path workTree();

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

    /** Up to {@code max} commits reachable from {@code ref} ({@code HEAD} when null), newest first. */
    List<CommitInfo> log(String ref, int max);

    /**
     * Up to {@code max} commits reachable from {@code ref} ({@code HEAD} when null) that changed the file
     * {@code path}, newest first, as {@code git log --follow -- PATH} lists them (renames followed by git's rename
     * detection). Empty when the file has no history or there is no commit yet.
     */
    List<CommitInfo> log(String ref, String path, int max);

    /**
     * The texts each of {@code paths} had in the commits that changed it, oldest first, from {@code HEAD} along
     * first parents (a merge counts as one change of the main line), looking at no more than {@code maxCommits}
     * commits. A file renamed in that history is followed to its older name (git's rename detection); a commit that
     * deleted it adds no version, and versions larger than {@code maxBytes} are left out. A path without history
     * (new, untracked, no commit yet) has an empty list; a shallow clone gives what it holds.
     */
    Map<String, List<FileVersion>> versions(Collection<String> paths, int maxCommits, long maxBytes);

    /** A unified diff from {@code fromRef} to {@code toRef} ({@code git diff FROM TO}). */
    String diff(String fromRef, String toRef);

    /** A unified diff of the working tree and index against {@code HEAD} ({@code git diff HEAD}), untracked excluded. */
    String diffWorkingTree();

    /**
     * The commit {@code ref} names: a branch, a full ref ({@code refs/remotes/origin/main}), a commit id; or, for
     * {@code REV:PATH}, the id of the file or folder at {@code PATH} in {@code REV}. Empty when it names none.
     */
    Optional<String> resolve(String ref);

    /**
     * What changed from the commit {@code fromCommit} to {@code HEAD}, as {@code git log --stat --follow} and
     * {@code git diff --stat FROM HEAD} tell it (feature-010, FR-011): each file changed, named as at {@code HEAD}
     * (renames followed, by git's rename detection unless {@code diff.renames} turns it off), with the commits that
     * changed it, the lines added and removed and the line ranges of {@code HEAD}'s file that changed.
     *
     * @param fromCommit a commit id (or any name {@link #resolve} accepts)
     * @throws VersionControlException when {@code fromCommit} names no commit here (see {@link #shallow()} for why)
     */
    ChangesSince changesSince(String fromCommit);

    /**
     * The text of {@code path} in the commit {@code ref} ({@code git show REF:PATH}), decoded as UTF-8; empty when
     * the commit has no such file, or {@code ref} names no commit.
     */
    Optional<String> textAt(String ref, String path);

    /**
     * True when this is a shallow clone ({@code git rev-parse --is-shallow-repository}): commits beyond its
     * boundary are not here, so a commit id that names nothing may still exist upstream.
     */
    boolean shallow();
}
