package dev.codefactory.adapter.git;

import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.vcs.ChangesSince;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.FileVersion;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.Identity;
import dev.codefactory.port.vcs.LockFile;
import dev.codefactory.port.vcs.PullResult;
import dev.codefactory.port.vcs.PushResult;
import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.StashEntry;
import dev.codefactory.port.vcs.UpstreamStatus;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * {@link VersionControl} on a JGit {@link Repository}: one object per role of the port ({@link JGitStatus},
 * {@link JGitHistory}, {@link JGitBranches}, {@link JGitRemotes}, {@link JGitSnapshots}, {@link JGitRecovery}),
 * sharing one {@link GitContext}. Every JGit failure is turned into a {@link VersionControlException} whose message
 * says what went wrong and what to do; no JGit type leaves this package.
 *
 * <p>Configuration (user identity, {@code core.excludesFile}, the XDG {@code git/ignore}) is read as git reads it:
 * repository, then global, then system; the global files are those the environment names when the repository was
 * opened with one ({@link EnvironmentRepository}), else JGit's {@link org.eclipse.jgit.util.SystemReader}'s.
 */
// implements feature-004/FR-001
final class JGitVersionControl implements VersionControl {

    private final GitContext context;
    private final JGitStatus status;
    private final JGitHistory history;
    private final JGitBranches branches;
    private final JGitRemotes remotes;
    private final JGitSnapshots snapshots;
    private final JGitRecovery recovery;

    JGitVersionControl(Repository repo, Clock clock) {
        this.context = new GitContext(repo);
        this.status = new JGitStatus(context);
        this.history = new JGitHistory(context, status);
        this.branches = new JGitBranches(context);
        this.remotes = new JGitRemotes(context, branches);
        this.snapshots = new JGitSnapshots(context, status,
                new SnapshotStore(repo, Objects.requireNonNull(clock, "clock")));
        this.recovery = new JGitRecovery(context, status, remotes, snapshots, Clock.systemUTC());
    }

    @Override
    public Path workTree() {
        return context.workTree();
    }

    @Override
    public RepositoryState state() {
        return status.state();
    }

    @Override
    public WorkingTreeStatus status() {
        return status.status();
    }

    @Override
    public void add(List<String> paths) {
        history.add(paths);
    }

    @Override
    public CommitInfo commit(CommitRequest request) {
        return history.commit(request);
    }

    @Override
    public Optional<Identity> identity() {
        return history.identity();
    }

    @Override
    public List<CommitInfo> log(String ref, int max) {
        return history.log(ref, max);
    }

    @Override
    public List<CommitInfo> log(String ref, String path, int max) {
        return history.log(ref, path, max);
    }

    @Override
    public Map<String, List<FileVersion>> versions(Collection<String> paths, int maxCommits, long maxBytes) {
        return history.versions(paths, maxCommits, maxBytes);
    }

    @Override
    public String diff(String fromRef, String toRef) {
        return history.diff(fromRef, toRef);
    }

    @Override
    public String diffWorkingTree() {
        return history.diffWorkingTree();
    }

    @Override
    public Optional<String> resolve(String ref) {
        return history.resolve(ref);
    }

    @Override
    public ChangesSince changesSince(String fromCommit) {
        return history.changesSince(fromCommit);
    }

    @Override
    public Optional<String> textAt(String ref, String path) {
        return history.textAt(ref, path);
    }

    @Override
    public boolean shallow() {
        return history.shallow();
    }

    @Override
    public Optional<String> currentBranch() {
        return branches.currentBranch();
    }

    @Override
    public boolean branchExists(String name) {
        return branches.branchExists(name);
    }

    @Override
    public void createBranch(String name, String startPoint) {
        branches.createBranch(name, startPoint);
    }

    @Override
    public void switchBranch(String name) {
        branches.switchBranch(name);
    }

    @Override
    public void deleteBranch(String name, boolean force) {
        branches.deleteBranch(name, force);
    }

    @Override
    public Optional<String> remoteUrl(String name) {
        return remotes.remoteUrl(name);
    }

    @Override
    public PushResult push(String remote, String branch, Secret token) {
        return remotes.push(remote, branch, token);
    }

    @Override
    public PullResult pull(String remote, Secret token) {
        return remotes.pull(remote, token);
    }

    @Override
    public Snapshot snapshot(String label) {
        return snapshots.snapshot(label);
    }

    @Override
    public void restore(Snapshot snapshot) {
        snapshots.restore(snapshot);
    }

    @Override
    public List<Snapshot> snapshots() {
        return snapshots.snapshots();
    }

    @Override
    public void dropSnapshot(Snapshot snapshot) {
        snapshots.dropSnapshot(snapshot);
    }

    @Override
    public Optional<String> stash(String message) {
        return snapshots.stash(message);
    }

    @Override
    public boolean dropStash(String commit) {
        return snapshots.dropStash(commit);
    }

    @Override
    public List<LockFile> lockFiles() {
        return recovery.lockFiles();
    }

    @Override
    public void removeStaleLock(String path) {
        recovery.removeStaleLock(path);
    }

    @Override
    public Optional<UpstreamStatus> upstream() {
        return recovery.upstream();
    }

    @Override
    public void fetch(String remote, Secret token) {
        recovery.fetch(remote, token);
    }

    @Override
    public List<String> branches(String prefix) {
        return recovery.branches(prefix);
    }

    @Override
    public List<StashEntry> stashes() {
        return recovery.stashes();
    }

    @Override
    public void popStash(String commit) {
        recovery.popStash(commit);
    }

    @Override
    public void abortOperation() {
        recovery.abortOperation();
    }

    @Override
    public void close() {
        context.close();
    }
}
