package dev.codefactory.adapter.git;

import static dev.codefactory.adapter.git.GitContext.HEADS;

import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.vcs.LockFile;
import dev.codefactory.port.vcs.Recovery;
import dev.codefactory.port.vcs.StashEntry;
import dev.codefactory.port.vcs.UpstreamStatus;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.BranchTrackingStatus;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@link Recovery} on JGit: what RESCUE reads (lock files, the upstream, branches, stash entries) and its careful
 * repairs (a stale lock removed, a stash given back, an operation aborted: {@link OperationAbort}). Nothing here
 * resets, cleans or force-pushes.
 */
final class JGitRecovery implements Recovery {

    private final GitContext context;
    private final Repository repo;
    private final JGitRemotes remotes;
    private final JGitSnapshots snapshots;
    private final JGitStatus status;
    private final Clock system;

    /**
     * @param system the system's clock: lock files' times come from the file system, which a test clock does not
     *               move (see {@link LockHolders})
     */
    JGitRecovery(GitContext context, JGitStatus status, JGitRemotes remotes, JGitSnapshots snapshots, Clock system) {
        this.context = context;
        this.repo = context.repo;
        this.status = status;
        this.remotes = remotes;
        this.snapshots = snapshots;
        this.system = Objects.requireNonNull(system, "system");
    }

    // implements feature-008/FR-004
    @Override
    public List<LockFile> lockFiles() {
        List<String> present = GitLocks.present(repo);
        if (present.isEmpty()) {
            return List.of();
        }
        boolean gitRuns = new LockHolders(repo).gitRunsHere();
        Instant now = system.instant();
        List<LockFile> locks = new ArrayList<>();
        for (String path : present) {
            try {
                Instant modified = Files.getLastModifiedTime(Path.of(path), LinkOption.NOFOLLOW_LINKS).toInstant();
                locks.add(new LockFile(path, modified, LockHolders.held(modified, now, gitRuns)));
            } catch (IOException e) {
                // gone since it was listed: its git finished
            }
        }
        return List.copyOf(locks);
    }

    // implements feature-008/FR-011
    @Override
    public void removeStaleLock(String path) {
        Objects.requireNonNull(path, "path");
        Path wanted = Path.of(path).toAbsolutePath().normalize();
        LockFile lock = lockFiles().stream().filter(l -> Path.of(l.path()).normalize().equals(wanted)).findFirst()
                .orElseThrow(() -> new VersionControlException("will not remove " + path + ": it is not one of git's"
                        + " lock files in this repository (" + (GitLocks.present(repo).isEmpty() ? "there are none"
                        : String.join(", ", GitLocks.present(repo))) + ")"));
        if (lock.held()) {
            throw new VersionControlException("will not remove " + path + ": a git process may still hold it (a git"
                    + " command runs in this repository, or the lock is younger than " + LockHolders.YOUNG.toSeconds()
                    + " s); wait for it to finish, or stop it, and try again");
        }
        try {
            Files.deleteIfExists(wanted);
        } catch (IOException e) {
            throw new VersionControlException("cannot remove " + path + ": " + e.getMessage() + "; check its"
                    + " permissions and remove it by hand (rm " + path + ")", e);
        }
    }

    // implements feature-008/FR-004
    @Override
    public Optional<UpstreamStatus> upstream() {
        try {
            Optional<String> branch = context.symbolicBranch();
            if (branch.isEmpty() || context.headId().isEmpty()) {
                return Optional.empty();
            }
            String name = Repository.shortenRefName(branch.get());
            BranchTrackingStatus tracking = BranchTrackingStatus.of(repo, name);
            if (tracking == null) {
                return Optional.empty();
            }
            return Optional.of(new UpstreamStatus(name, Repository.shortenRefName(tracking.getRemoteTrackingBranch()),
                    tracking.getAheadCount(), tracking.getBehindCount()));
        } catch (IOException | RuntimeException e) {
            throw context.failure("cannot compare the branch with its upstream; check git status -sb", e);
        }
    }

    // implements feature-008/FR-004
    @Override
    public void fetch(String remote, Secret token) {
        remotes.fetch(remote, token);
    }

    // implements feature-008/FR-005
    @Override
    public List<String> branches(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        try {
            List<String> names = new ArrayList<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(HEADS + prefix)) {
                names.add(ref.getName().substring(HEADS.length()));
            }
            names.sort(null);
            return List.copyOf(names);
        } catch (IOException e) {
            throw context.failure("cannot list the branches", e);
        }
    }

    /** The entries as {@code git stash list} shows them; a message is the stash commit's subject, as git shows it. */
    // implements feature-008/FR-005
    @Override
    public List<StashEntry> stashes() {
        try {
            if (repo.exactRef(org.eclipse.jgit.lib.Constants.R_STASH) == null) {
                return List.of();
            }
            List<StashEntry> entries = new ArrayList<>();
            int n = 0;
            for (RevCommit c : context.git.stashList().call()) {
                entries.add(new StashEntry(n++, c.getName(), c.getShortMessage()));
            }
            return List.copyOf(entries);
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw context.failure("cannot list the stash entries; check git stash list", e);
        }
    }

    // implements feature-008/FR-011
    @Override
    public void popStash(String commit) {
        new StashPop(context, status, snapshots).pop(commit);
    }

    // implements feature-008/FR-011
    @Override
    public void abortOperation() {
        new OperationAbort(context).abort();
    }
}
