package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.VersionControlException;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * {@code git stash pop --index} for one entry, made safe: before anything is written, the entry is merged with
 * {@code HEAD} in memory (its working tree and its index); when either merge conflicts, or a path it would change has
 * local changes (staged, unstaged, or an untracked file where the entry has one), it is refused with those paths and
 * nothing changes. Only then is it applied (untracked files included) and dropped.
 */
// implements feature-008/FR-011
final class StashPop {

    private final GitContext context;
    private final Repository repo;
    private final JGitStatus status;
    private final JGitSnapshots snapshots;

    StashPop(GitContext context, JGitStatus status, JGitSnapshots snapshots) {
        this.context = context;
        this.repo = context.repo;
        this.status = status;
        this.snapshots = snapshots;
    }

    void pop(String commit) {
        Objects.requireNonNull(commit, "commit");
        String wanted = commit.strip().toLowerCase(Locale.ROOT);
        int n = index(wanted);
        if (n < 0) {
            throw new VersionControlException("there is no stash entry " + commit + "; list them with git stash list");
        }
        RepositoryState state = status.state();
        if (state.operation() != RepositoryState.Operation.NONE || !state.conflicted().isEmpty()) {
            throw new VersionControlException("will not give back stash@{" + n + "} in the middle of a "
                    + JGitStatus.operationName(state.operation()) + (state.conflicted().isEmpty() ? ""
                    : " with conflicts in " + String.join(", ", state.conflicted()))
                    + "; finish or abort it first");
        }
        if (state.head().isEmpty()) {
            throw new VersionControlException("will not give back stash@{" + n + "}: the repository has no commit");
        }
        try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit stash = walk.parseCommit(ObjectId.fromString(wanted));
            RevCommit head = walk.parseCommit(repo.resolve(Constants.HEAD));
            RevCommit base = walk.parseCommit(stash.getParent(0));
            Set<String> touched = new TreeSet<>();
            touched.addAll(merged(base, head, stash, "stash@{" + n + "}: its changes"));
            if (stash.getParentCount() > 1) {
                touched.addAll(merged(base, head, walk.parseCommit(stash.getParent(1)),
                        "stash@{" + n + "}: its staged changes"));
            }
            Set<String> inTheWay = new TreeSet<>();
            if (stash.getParentCount() > 2) {
                RevCommit untracked = walk.parseCommit(stash.getParent(2));
                for (String path : paths(untracked, null, reader)) {
                    touched.add(path);
                    if (Files.exists(context.workTree().resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                        inTheWay.add(path);
                    }
                }
            }
            WorkingTreeStatus now = status.status();
            for (WorkingTreeStatus.Entry e : now.entries()) {
                if (touched.contains(e.path())) {
                    inTheWay.add(e.path());
                }
            }
            if (!inTheWay.isEmpty()) {
                throw new VersionControlException("will not give back stash@{" + n + "}: it would overwrite local"
                        + " changes to " + String.join(", ", inTheWay) + "; commit or move them first (nothing was"
                        + " changed)");
            }
        } catch (IOException e) {
            throw context.failure("cannot read stash@{" + n + "}", e);
        }
        try {
            context.git.stashApply().setStashRef(wanted).setRestoreIndex(true).setRestoreUntracked(true)
                    .ignoreRepositoryState(false).call();
        } catch (GitAPIException | JGitInternalException e) {
            throw context.failure("cannot give back stash@{" + n + "} (it is still in git stash list; look at git"
                    + " status before trying again)", e);
        }
        snapshots.dropStash(wanted);
    }

    /** Merges {@code theirs} into {@code head} in memory; returns the paths that change, or refuses on a conflict. */
    private Set<String> merged(RevCommit base, RevCommit head, RevCommit theirs, String what) throws IOException {
        ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
        merger.setBase(base);
        if (!merger.merge(head, theirs)) {
            Set<String> conflicts = new TreeSet<>(merger.getUnmergedPaths());
            throw new VersionControlException("will not give back " + what + " conflict with the current commit"
                    + (conflicts.isEmpty() ? ""
                    : " in " + String.join(", ", conflicts)) + "; nothing was changed. Give it back by hand"
                    + " (git stash pop) and resolve the conflicts");
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            return paths(head, merger.getResultTreeId(), reader);
        }
    }

    /** The paths that differ between {@code from}'s tree and {@code to} (every path of {@code from} when null). */
    private Set<String> paths(RevCommit from, ObjectId to, ObjectReader reader) throws IOException {
        Set<String> paths = new TreeSet<>();
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.setRecursive(true);
            walk.addTree(from.getTree());
            if (to != null) {
                walk.addTree(to);
                walk.setFilter(TreeFilter.ANY_DIFF);
            }
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths;
    }

    private int index(String commit) {
        try {
            Ref stash = repo.exactRef(Constants.R_STASH);
            if (stash == null) {
                return -1;
            }
            ReflogReader reflog = repo.getRefDatabase().getReflogReader(stash);
            List<ReflogEntry> entries = reflog == null ? List.of() : reflog.getReverseEntries();
            for (int n = 0; n < entries.size(); n++) {
                if (entries.get(n).getNewId().name().equals(commit)) {
                    return n;
                }
            }
            return -1;
        } catch (IOException e) {
            throw context.failure("cannot read the stash entries", e);
        }
    }
}
