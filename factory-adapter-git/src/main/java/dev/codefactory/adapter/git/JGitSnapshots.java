package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.UnmergedPathsException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@link dev.codefactory.port.vcs.Snapshots} on JGit: snapshots as commits under {@code refs/factory/snapshots/}
 * ({@link SnapshotStore}), and stash entries as {@code git stash} records them.
 */
// implements feature-004/FR-001
final class JGitSnapshots implements dev.codefactory.port.vcs.Snapshots {

    private final GitContext context;
    private final Repository repo;
    private final Git git;
    private final JGitStatus status;
    private final SnapshotStore store;

    JGitSnapshots(GitContext context, JGitStatus status, SnapshotStore store) {
        this.context = context;
        this.repo = context.repo;
        this.git = context.git;
        this.status = status;
        this.store = store;
    }

    @Override
    public Snapshot snapshot(String label) {
        return store.take(label);
    }

    @Override
    public void restore(Snapshot snapshot) {
        store.restore(snapshot);
    }

    @Override
    public List<Snapshot> snapshots() {
        return store.list();
    }

    @Override
    public void dropSnapshot(Snapshot snapshot) {
        store.drop(snapshot);
    }

    // ---------------------------------------------------------------- stash

    /**
     * {@code git stash push --include-untracked -m MESSAGE}: JGit records the same three commits git does (working
     * tree, index, untracked files), so {@code git stash pop} takes it back. Like git, untracked folders emptied by
     * the stash are removed; ignored files are left alone. A null or blank message gives git's default
     * ({@code WIP on BRANCH: ABBREV SUBJECT}).
     */
    @Override
    public Optional<String> stash(String message) {
        RepositoryState s = status.state();
        if (s.empty()) {
            throw new VersionControlException("cannot stash: the repository has no commit yet; commit first (a stash"
                    + " is recorded on top of HEAD)");
        }
        if (!s.conflicted().isEmpty()) {
            throw new VersionControlException("cannot stash: there are unresolved conflicts in "
                    + String.join(", ", s.conflicted()) + "; resolve them and stage the files first"
                    + (s.operation() == RepositoryState.Operation.NONE ? ""
                            : ", or abort the " + JGitStatus.operationName(s.operation())));
        }
        if (s.operation() != RepositoryState.Operation.NONE) {
            throw new VersionControlException("cannot stash in the middle of a "
                    + JGitStatus.operationName(s.operation()) + " (" + repo.getRepositoryState().getDescription()
                    + "); finish or abort it first");
        }
        var create = git.stashCreate().setIncludeUntracked(true);
        if (message != null && !message.isBlank()) {
            String branch = s.branch().orElse("(no branch)");
            create.setWorkingDirectoryMessage(literalFormat("On " + branch + ": " + message.strip()));
        }
        Set<String> deleted = new TreeSet<>();
        var listener = repo.getListenerList()
                .addWorkingTreeModifiedListener(event -> deleted.addAll(event.getDeleted()));
        try {
            RevCommit stashed = create.call();
            return stashed == null ? Optional.empty() : Optional.of(stashed.getName());
        } catch (UnmergedPathsException e) {
            throw new VersionControlException("cannot stash: there are unresolved conflicts; resolve them and stage"
                    + " the files first", e);
        } catch (GitAPIException | JGitInternalException e) {
            throw context.failure("cannot stash the changes; check git status and git stash list", e);
        } finally {
            listener.remove();
            removeEmptyFolders(deleted);
        }
    }

    /** A {@link java.text.MessageFormat} pattern (what JGit formats stash messages with) that yields {@code text}. */
    static String literalFormat(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The folders that held only the files just deleted, as git removes them; never the working tree itself. */
    private void removeEmptyFolders(Set<String> deleted) {
        Path root = context.workTree().toAbsolutePath().normalize();
        for (String path : deleted) {
            Path dir = root.resolve(path).normalize().getParent();
            while (dir != null && !dir.equals(root) && dir.startsWith(root)) {
                try {
                    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                            || !Files.deleteIfExists(dir)) {
                        break;
                    }
                } catch (IOException e) {
                    break; // not empty (or not ours to remove): git leaves it too
                }
                dir = dir.getParent();
            }
        }
    }

    /**
     * {@code git stash drop stash@{n}} for the entry of {@code refs/stash}'s reflog that holds {@code commit}; the
     * other entries keep their order.
     */
    @Override
    public boolean dropStash(String commit) {
        Objects.requireNonNull(commit, "commit");
        String wanted = commit.strip().toLowerCase(Locale.ROOT);
        try {
            Ref stash = repo.exactRef(Constants.R_STASH);
            if (stash == null) {
                return false;
            }
            ReflogReader reflog = repo.getRefDatabase().getReflogReader(stash);
            List<ReflogEntry> entries = reflog == null ? List.of() : reflog.getReverseEntries();
            for (int n = 0; n < entries.size(); n++) {
                if (entries.get(n).getNewId().name().equals(wanted)) {
                    git.stashDrop().setStashRef(n).call();
                    return true;
                }
            }
            return false;
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw context.failure("cannot drop the stash entry " + commit + "; check git stash list", e);
        }
    }
}
