package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.RepositoryStatus;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/** {@link RepositoryStatus} on JGit: the repository's state and the porcelain status. */
// implements feature-004/FR-002
final class JGitStatus implements RepositoryStatus {

    private final GitContext context;

    JGitStatus(GitContext context) {
        this.context = context;
    }

    @Override
    public Path workTree() {
        return context.workTree();
    }

    @Override
    public RepositoryState state() {
        Repository repo = context.repo;
        try {
            Optional<String> head = context.headId().map(ObjectId::name);
            Optional<String> branch = head.isPresent() ? context.symbolicBranch().map(Repository::shortenRefName)
                    : Optional.empty();
            Set<String> conflicted = new TreeSet<>();
            DirCache index = repo.readDirCache();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                if (e.getStage() != DirCacheEntry.STAGE_0) {
                    conflicted.add(e.getPathString());
                }
            }
            File common = repo.getCommonDirectory();
            boolean shallow = new File(common, "shallow").exists();
            Path gitDir = repo.getDirectory().toPath().toAbsolutePath().normalize();
            boolean linked = gitDir.startsWith(common.toPath().toAbsolutePath().normalize().resolve("worktrees"));
            return new RepositoryState(branch, head, operation(repo.getRepositoryState()), List.copyOf(conflicted),
                    shallow, linked, GitLocks.present(repo));
        } catch (IOException e) {
            throw context.failure("cannot read the state of the repository", e);
        }
    }

    static RepositoryState.Operation operation(org.eclipse.jgit.lib.RepositoryState state) {
        switch (state) {
            case MERGING:
            case MERGING_RESOLVED:
                return RepositoryState.Operation.MERGE;
            case REBASING:
            case REBASING_REBASING:
            case REBASING_MERGE:
            case REBASING_INTERACTIVE:
                return RepositoryState.Operation.REBASE;
            case CHERRY_PICKING:
            case CHERRY_PICKING_RESOLVED:
                return RepositoryState.Operation.CHERRY_PICK;
            case REVERTING:
            case REVERTING_RESOLVED:
                return RepositoryState.Operation.REVERT;
            case BISECTING:
                return RepositoryState.Operation.BISECT;
            case APPLY:
                return RepositoryState.Operation.APPLY_MAILBOX;
            default:
                return RepositoryState.Operation.NONE;
        }
    }

    /** How a message names {@code operation}: {@code cherry-pick}, {@code merge}... */
    static String operationName(RepositoryState.Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The porcelain v1 status, as {@code git -c status.renames=false status --porcelain --untracked-files=all}: renames
     * are not detected (a renamed file shows as a deletion and an addition, which is stable whatever the user's
     * {@code status.renames} says), every untracked file is listed (not just its folder), ignored files are left out.
     * Unlike git, which lists untracked files after the tracked ones, all entries are sorted by path (a path removed
     * from the index but present on disk has its {@code D} entry before its {@code ??} entry).
     */
    @Override
    public WorkingTreeStatus status() {
        try {
            IndexDiff diff = new IndexDiff(context.repo, Constants.HEAD, new FileTreeIterator(context.repo));
            diff.diff();
            Map<String, char[]> tracked = new TreeMap<>();
            diff.getAdded().forEach(p -> code(tracked, p)[0] = 'A');
            diff.getChanged().forEach(p -> code(tracked, p)[0] = 'M');
            diff.getRemoved().forEach(p -> code(tracked, p)[0] = 'D');
            diff.getModified().forEach(p -> code(tracked, p)[1] = 'M');
            diff.getMissing().forEach(p -> code(tracked, p)[1] = 'D');
            diff.getConflictingStageStates().forEach((path, stage) -> {
                String xy;
                switch (stage) {
                    case BOTH_DELETED: xy = "DD"; break;
                    case ADDED_BY_US: xy = "AU"; break;
                    case DELETED_BY_THEM: xy = "UD"; break;
                    case ADDED_BY_THEM: xy = "UA"; break;
                    case DELETED_BY_US: xy = "DU"; break;
                    case BOTH_ADDED: xy = "AA"; break;
                    default: xy = "UU"; break;
                }
                tracked.put(path, xy.toCharArray());
            });
            List<WorkingTreeStatus.Entry> entries = new ArrayList<>();
            tracked.forEach((p, c) -> entries.add(new WorkingTreeStatus.Entry(c[0], c[1], p)));
            for (String p : new TreeSet<>(diff.getUntracked())) {
                entries.add(new WorkingTreeStatus.Entry('?', '?', p));
            }
            entries.sort((a, b) -> a.path().compareTo(b.path())); // stable: tracked before untracked
            return new WorkingTreeStatus(entries);
        } catch (IOException e) {
            throw context.failure("cannot read the status of the working tree", e);
        }
    }

    private static char[] code(Map<String, char[]> codes, String path) {
        return codes.computeIfAbsent(path, p -> new char[] {' ', ' '});
    }
}
