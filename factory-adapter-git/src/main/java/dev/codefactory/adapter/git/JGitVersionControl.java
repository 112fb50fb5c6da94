package dev.codefactory.adapter.git;

import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.Identity;
import dev.codefactory.port.vcs.PullResult;
import dev.codefactory.port.vcs.PushResult;
import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.api.CheckoutResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.CannotDeleteCurrentBranchException;
import org.eclipse.jgit.api.errors.CheckoutConflictException;
import org.eclipse.jgit.api.errors.EmptyCommitException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRefNameException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.NotMergedException;
import org.eclipse.jgit.api.errors.RefAlreadyExistsException;
import org.eclipse.jgit.api.errors.RefNotFoundException;
import org.eclipse.jgit.api.errors.UnmergedPathsException;
import org.eclipse.jgit.api.errors.WrongRepositoryStateException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * {@link VersionControl} on a JGit {@link Repository}. Every JGit failure is turned into a
 * {@link VersionControlException} whose message says what went wrong and what to do; no JGit type leaves this class.
 *
 * <p>Configuration (user identity, {@code core.excludesFile}, the XDG {@code git/ignore}) is read as git reads it:
 * repository, then global, then system; the global files are those the environment names when the repository was
 * opened with one ({@link EnvironmentRepository}), else JGit's {@link org.eclipse.jgit.util.SystemReader}'s.
 */
final class JGitVersionControl implements VersionControl {

    private static final String HEADS = Constants.R_HEADS;

    private final Repository repo;
    private final Git git;
    private final Snapshots snapshots;

    JGitVersionControl(Repository repo, Clock clock) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.git = Git.wrap(repo);
        this.snapshots = new Snapshots(repo, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Path workTree() {
        return repo.getWorkTree().toPath();
    }

    // ---------------------------------------------------------------- state

    @Override
    public RepositoryState state() {
        try {
            Optional<String> head = headId().map(ObjectId::name);
            Optional<String> branch = head.isPresent() ? symbolicBranch().map(Repository::shortenRefName)
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
            throw failure("cannot read the state of the repository", e);
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
            IndexDiff diff = new IndexDiff(repo, Constants.HEAD, new FileTreeIterator(repo));
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
            throw failure("cannot read the status of the working tree", e);
        }
    }

    private static char[] code(Map<String, char[]> codes, String path) {
        return codes.computeIfAbsent(path, p -> new char[] {' ', ' '});
    }

    // ---------------------------------------------------------------- add and commit

    @Override
    public void add(List<String> paths) {
        List<String> checked = checkPaths(paths);
        if (checked.isEmpty()) {
            return;
        }
        try {
            if (!checked.contains(".")) {
                refuseIgnored(checked); // "." is the whole working tree: ignored files are simply skipped
            }
            var add = git.add().setAll(true);
            checked.forEach(add::addFilepattern);
            add.call();
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw failure("cannot stage " + String.join(", ", checked), e);
        }
    }

    /** {@code git add} refuses a path that is ignored and not tracked; so do we, naming it. */
    private void refuseIgnored(List<String> paths) throws IOException {
        DirCache index = repo.readDirCache();
        List<String> ignored = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> named = new HashSet<>(paths);
        Set<String> seen = new HashSet<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(new FileTreeIterator(repo));
            walk.addTree(new DirCacheIterator(index));
            walk.setFilter(PathFilterGroup.createFromStrings(paths));
            walk.setRecursive(false);
            while (walk.next()) {
                String path = walk.getPathString();
                WorkingTreeIterator file = walk.getTree(0, WorkingTreeIterator.class);
                DirCacheIterator cached = walk.getTree(1, DirCacheIterator.class);
                if (named.contains(path)) {
                    seen.add(path);
                    if (file != null && cached == null && file.isEntryIgnored()) {
                        ignored.add(path);
                        continue;
                    }
                }
                if (walk.isSubtree() && !named.contains(path)) {
                    walk.enterSubtree();
                }
            }
        }
        for (String p : paths) {
            if (!seen.contains(p)) {
                unknown.add(p);
            }
        }
        if (!unknown.isEmpty()) {
            throw new VersionControlException("cannot stage " + String.join(", ", unknown)
                    + ": no such file in the working tree or the index; check the path (relative to "
                    + repo.getWorkTree() + ")");
        }
        if (!ignored.isEmpty()) {
            throw new VersionControlException("cannot stage " + String.join(", ", ignored)
                    + ": ignored by .gitignore, .git/info/exclude or the global excludes file; remove the pattern"
                    + " or stage it with git add -f");
        }
    }

    private List<String> checkPaths(List<String> paths) {
        Objects.requireNonNull(paths, "paths");
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            String path = p.replace('\\', '/');
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            while (path.endsWith("/") || path.endsWith("/.")) {
                path = path.substring(0, path.lastIndexOf('/'));
            }
            if (path.isEmpty() || path.startsWith("/") || path.equals("..") || path.startsWith("../")
                    || path.contains("/../") || path.endsWith("/..") || path.equals(".git")
                    || path.startsWith(".git/")) {
                throw new VersionControlException("invalid path " + p + ": paths are relative to the working tree "
                        + repo.getWorkTree() + ", use / as separator and stay inside it");
            }
            out.add(path);
        }
        return out;
    }

    @Override
    public CommitInfo commit(CommitRequest request) {
        Objects.requireNonNull(request, "request");
        PersonIdent committer = configuredIdentity();
        PersonIdent author = request.author() == null ? committer
                : new PersonIdent(request.author().name(), request.author().email(), committer.getWhenAsInstant(),
                        committer.getZoneId());
        String message = message(request.message(), request.signOff() ? committer : null);
        try {
            RevCommit commit = request.only().isEmpty()
                    ? commitIndex(message, author, committer, request.allowEmpty())
                    : new OnlyCommit(repo).commit(checkPaths(request.only()), message, author, committer,
                            request.allowEmpty());
            return info(commit);
        } catch (EmptyCommitException e) {
            throw nothingToCommit();
        } catch (UnmergedPathsException e) {
            throw new VersionControlException("cannot commit: there are unresolved conflicts in "
                    + String.join(", ", state().conflicted()) + "; resolve them and stage the files first", e);
        } catch (WrongRepositoryStateException e) {
            throw new VersionControlException("cannot commit in the repository's current state ("
                    + repo.getRepositoryState().getDescription() + "); finish or abort that operation first", e);
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw failure("cannot commit", e);
        }
    }

    static VersionControlException nothingToCommit() {
        return new VersionControlException("nothing to commit: the commit would record no change; stage changes"
                + " first (add) or allow an empty commit");
    }

    private RevCommit commitIndex(String message, PersonIdent author, PersonIdent committer, boolean allowEmpty)
            throws GitAPIException, IOException {
        if (!allowEmpty && headId().isEmpty() && repo.readDirCache().getEntryCount() == 0) {
            throw nothingToCommit();
        }
        return git.commit().setMessage(message).setAuthor(author).setCommitter(committer).setAllowEmpty(allowEmpty)
                .call();
    }

    @Override
    public Optional<Identity> identity() {
        UserConfig user = repo.getConfig().get(UserConfig.KEY);
        return user.isAuthorNameImplicit() || user.isAuthorEmailImplicit() ? Optional.empty()
                : Optional.of(new Identity(user.getAuthorName(), user.getAuthorEmail()));
    }

    /** The committer git config names (repository, global, system), or a message telling how to set it. */
    private PersonIdent configuredIdentity() {
        UserConfig user = repo.getConfig().get(UserConfig.KEY);
        if (user.isCommitterNameImplicit() || user.isCommitterEmailImplicit()) {
            throw new VersionControlException("cannot commit: git does not know who you are; tell it with"
                    + " git config --global user.name 'Your Name' and git config --global user.email"
                    + " you@example.com (or without --global for this repository only)");
        }
        return new PersonIdent(user.getCommitterName(), user.getCommitterEmail());
    }

    /** The message as {@code git commit -m} stores it, with a {@code Signed-off-by} trailer when asked. */
    static String message(String raw, PersonIdent signer) {
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\r?\n", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String body = String.join("\n", lines);
        if (signer != null) {
            String trailer = "Signed-off-by: " + signer.getName() + " <" + signer.getEmailAddress() + ">";
            int lastPara = body.lastIndexOf("\n\n");
            boolean trailerBlock = lastPara >= 0 && body.substring(lastPara + 2).lines()
                    .allMatch(l -> l.matches("[A-Za-z0-9-]+: .*"));
            if (!body.lines().reduce((a, b) -> b).orElse("").equals(trailer)) {
                body = body + (trailerBlock ? "\n" : "\n\n") + trailer;
            }
        }
        return body + "\n";
    }

    // ---------------------------------------------------------------- branches

    @Override
    public Optional<String> currentBranch() {
        try {
            return headId().isPresent() ? symbolicBranch().map(Repository::shortenRefName) : Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read HEAD", e);
        }
    }

    @Override
    public boolean branchExists(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return repo.exactRef(HEADS + name) != null;
        } catch (IOException e) {
            throw failure("cannot read branch " + name, e);
        }
    }

    @Override
    public void createBranch(String name, String startPoint) {
        Objects.requireNonNull(name, "name");
        String start = startPoint == null ? Constants.HEAD : startPoint;
        try {
            if (revision(start).isEmpty()) {
                throw new VersionControlException("cannot create branch " + name + ": " + unknownRef(start));
            }
            git.branchCreate().setName(name).setStartPoint(start).call();
        } catch (RefAlreadyExistsException e) {
            throw new VersionControlException("branch " + name + " already exists; choose another name or switch to"
                    + " it", e);
        } catch (InvalidRefNameException e) {
            throw new VersionControlException("invalid branch name " + name + "; see git check-ref-format", e);
        } catch (RefNotFoundException e) {
            throw new VersionControlException("cannot create branch " + name + ": " + unknownRef(start), e);
        } catch (GitAPIException | JGitInternalException e) {
            throw failure("cannot create branch " + name, e);
        }
    }

    @Override
    public void switchBranch(String name) {
        Objects.requireNonNull(name, "name");
        if (!branchExists(name)) {
            throw new VersionControlException("cannot switch to branch " + name + ": there is no such branch; create"
                    + " it first (git branch " + name + ")");
        }
        var checkout = git.checkout().setName(name);
        try {
            checkout.call();
        } catch (CheckoutConflictException e) {
            throw conflicts(name, e.getConflictingPaths(), e);
        } catch (GitAPIException e) {
            CheckoutResult result = checkout.getResult();
            if (result != null && result.getStatus() == CheckoutResult.Status.CONFLICTS) {
                throw conflicts(name, result.getConflictList(), e);
            }
            throw failure("cannot switch to branch " + name, e);
        } catch (JGitInternalException e) {
            throw failure("cannot switch to branch " + name, e);
        }
    }

    private static VersionControlException conflicts(String name, List<String> paths, Exception cause) {
        return new VersionControlException("cannot switch to branch " + name + ": your local changes to "
                + String.join(", ", paths) + " would be overwritten; commit them or stash them (git stash) first",
                cause);
    }

    @Override
    public void deleteBranch(String name, boolean force) {
        Objects.requireNonNull(name, "name");
        if (!branchExists(name)) {
            throw new VersionControlException("cannot delete branch " + name + ": there is no such branch");
        }
        try {
            git.branchDelete().setBranchNames(HEADS + name).setForce(force).call();
        } catch (CannotDeleteCurrentBranchException e) {
            throw new VersionControlException("cannot delete branch " + name + ": it is checked out; switch to"
                    + " another branch first", e);
        } catch (NotMergedException e) {
            throw new VersionControlException("cannot delete branch " + name + ": it is not fully merged into "
                    + currentBranch().orElse("HEAD") + "; merge it first, or force the deletion to drop its commits",
                    e);
        } catch (GitAPIException | JGitInternalException e) {
            throw failure("cannot delete branch " + name, e);
        }
    }

    // ---------------------------------------------------------------- history and diffs

    @Override
    public List<CommitInfo> log(String ref, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        String from = ref == null ? Constants.HEAD : ref;
        try (RevWalk walk = new RevWalk(repo)) {
            Optional<ObjectId> start = revision(from + "^{commit}");
            if (start.isEmpty()) {
                if (ref == null) {
                    return List.of(); // no commit yet
                }
                throw new VersionControlException("cannot show the log of " + ref + ": " + unknownRef(ref));
            }
            walk.markStart(walk.parseCommit(start.get()));
            List<CommitInfo> out = new ArrayList<>();
            for (RevCommit c : walk) {
                if (out.size() >= max) {
                    break;
                }
                out.add(info(c));
            }
            return out;
        } catch (IOException e) {
            throw failure("cannot read the log of " + from, e);
        }
    }

    @Override
    public String diff(String fromRef, String toRef) {
        Objects.requireNonNull(fromRef, "fromRef");
        Objects.requireNonNull(toRef, "toRef");
        try {
            ObjectId from = revision(fromRef + "^{tree}")
                    .orElseThrow(() -> new VersionControlException("cannot diff: " + unknownRef(fromRef)));
            ObjectId to = revision(toRef + "^{tree}")
                    .orElseThrow(() -> new VersionControlException("cannot diff: " + unknownRef(toRef)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repo);
                formatter.setDetectRenames(detectRenames());
                formatter.format(from, to);
                formatter.flush();
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure("cannot diff " + fromRef + " and " + toRef, e);
        }
    }

    @Override
    public String diffWorkingTree() {
        try (ObjectReader reader = repo.newObjectReader()) {
            Optional<ObjectId> head = revision("HEAD^{tree}");
            AbstractTreeIterator old = head.isPresent() ? new CanonicalTreeParser(null, reader, head.get())
                    : new EmptyTreeIterator();
            DirCache index = repo.readDirCache();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repo);
                formatter.setDetectRenames(false);
                FileTreeIterator files = new FileTreeIterator(repo);
                List<DiffEntry> entries = new ArrayList<>();
                for (DiffEntry e : formatter.scan(old, files)) {
                    // untracked (and ignored) files are not part of git diff HEAD
                    if (e.getChangeType() != DiffEntry.ChangeType.ADD || index.findEntry(e.getNewPath()) >= 0) {
                        entries.add(e);
                    }
                }
                if (detectRenames()) {
                    RenameDetector renames = new RenameDetector(repo);
                    renames.addAll(entries);
                    entries = renames.compute(new ContentSource.Pair(ContentSource.create(reader),
                            ContentSource.create(new FileTreeIterator(repo))), NullProgressMonitor.INSTANCE);
                }
                formatter.format(entries);
                formatter.flush();
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | GitAPIException e) {
            throw failure("cannot diff the working tree against HEAD", e);
        }
    }

    /** git detects renames in diffs unless {@code diff.renames} says otherwise; JGit does not by default. */
    private boolean detectRenames() {
        String renames = repo.getConfig().getString("diff", null, "renames");
        return renames == null
                || !List.of("false", "no", "off", "0").contains(renames.toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- remotes

    @Override
    public Optional<String> remoteUrl(String name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(repo.getConfig().getString("remote", name, "url"));
    }

    @Override
    public PushResult push(String remote, String branch, Secret token) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(branch, "branch");
        requireRemote(remote);
        if (!branchExists(branch)) {
            throw new VersionControlException("cannot push " + branch + ": there is no such local branch");
        }
        requireSafeTransport(remote, token);
        String ref = HEADS + branch;
        PushCommand push = git.push().setRemote(remote).setRefSpecs(new RefSpec(ref + ":" + ref))
                .setCredentialsProvider(credentials(token));
        try {
            for (org.eclipse.jgit.transport.PushResult result : push.call()) {
                RemoteRefUpdate update = result.getRemoteUpdate(ref);
                if (update == null) {
                    continue;
                }
                switch (update.getStatus()) {
                    case OK:
                    case UP_TO_DATE:
                        break;
                    case REJECTED_NONFASTFORWARD:
                        throw new VersionControlException("the remote " + remote + " refused the push of " + branch
                                + ": it has commits you do not have; pull first, then push again");
                    default:
                        throw new VersionControlException(masked("the remote " + remote + " refused the push of "
                                + branch + " (" + update.getStatus() + (update.getMessage() == null ? ""
                                : ": " + update.getMessage()) + "); check your access rights and branch protection",
                                token));
                }
                boolean created = result.getAdvertisedRef(ref) == null;
                setUpstream(branch, remote, ref);
                return new PushResult(remote, ref, update.getNewObjectId().name(), created);
            }
            throw new VersionControlException("the remote " + remote + " did not report on the push of " + branch
                    + "; check with git ls-remote " + remote);
        } catch (GitAPIException | IOException | JGitInternalException e) {
            if (GitLocks.isLockFailure(e)) {
                throw failure("cannot push " + branch + " to " + remote, e);
            }
            throw new VersionControlException(masked("cannot push " + branch + " to " + remote + ": "
                    + e.getMessage() + "; check the remote URL, your network and your token", token));
        }
    }

    private void setUpstream(String branch, String remote, String ref) throws IOException {
        StoredConfig config = repo.getConfig();
        config.setString("branch", branch, "remote", remote);
        config.setString("branch", branch, "merge", ref);
        config.save();
    }

    @Override
    public PullResult pull(String remote, Secret token) {
        Objects.requireNonNull(remote, "remote");
        requireRemote(remote);
        String branch = currentBranch().orElseThrow(() -> new VersionControlException(
                "cannot pull: HEAD is not on a branch with commits; switch to a branch first"));
        BranchConfig upstream = new BranchConfig(repo.getConfig(), branch);
        String merge = upstream.getMerge();
        if (merge == null) {
            throw new VersionControlException("cannot pull: branch " + branch + " has no upstream; push it first or"
                    + " run git branch --set-upstream-to=" + remote + "/" + branch);
        }
        requireSafeTransport(remote, token);
        try {
            FetchResult fetched = git.fetch().setRemote(remote).setCredentialsProvider(credentials(token)).call();
            Ref tracking = trackingRef(remote, merge, fetched);
            if (tracking == null) {
                throw new VersionControlException("cannot pull: the remote " + remote + " has no branch "
                        + Repository.shortenRefName(merge) + "; push it first");
            }
            String url = remoteUrl(remote).orElse(remote).replaceFirst("://[^/@]*@", "://");
            MergeResult result = git.merge().include(tracking).setFastForward(MergeCommand.FastForwardMode.FF)
                    .setCommit(true)
                    .setMessage("Merge branch '" + Repository.shortenRefName(merge) + "' of " + url + "\n").call();
            String head = headId().map(ObjectId::name).orElse("");
            switch (result.getMergeStatus()) {
                case ALREADY_UP_TO_DATE:
                    return new PullResult("up-to-date", head, List.of());
                case FAST_FORWARD:
                    return new PullResult("fast-forward", head, List.of());
                case MERGED:
                    return new PullResult("merged", head, List.of());
                case CONFLICTING:
                    return new PullResult("conflicting", head, List.copyOf(new TreeSet<>(result.getConflicts()
                            .keySet())));
                case FAILED:
                    throw new VersionControlException("cannot pull: your local changes to " + String.join(", ",
                            new TreeSet<>(result.getFailingPaths().keySet())) + " would be overwritten; commit them"
                            + " or stash them (git stash) first");
                case CHECKOUT_CONFLICT:
                    throw new VersionControlException("cannot pull: your local changes to " + String.join(", ",
                            result.getCheckoutConflicts()) + " would be overwritten; commit them or stash them"
                            + " (git stash) first");
                default:
                    throw new VersionControlException("cannot pull: the merge ended as " + result.getMergeStatus()
                            + "; look at git status and finish it by hand");
            }
        } catch (GitAPIException | IOException | JGitInternalException e) {
            if (GitLocks.isLockFailure(e)) {
                throw failure("cannot pull from " + remote, e);
            }
            throw new VersionControlException(masked("cannot pull from " + remote + ": " + e.getMessage()
                    + "; check the remote URL, your network and your token", token));
        }
    }

    private Ref trackingRef(String remote, String merge, FetchResult fetched) throws IOException {
        try {
            for (RefSpec spec : new RemoteConfig(repo.getConfig(), remote).getFetchRefSpecs()) {
                if (spec.matchSource(merge)) {
                    Ref ref = repo.exactRef(spec.expandFromSource(merge).getDestination());
                    if (ref != null) {
                        return ref;
                    }
                }
            }
        } catch (URISyntaxException e) {
            throw new VersionControlException("the URL of remote " + remote + " is invalid: " + e.getMessage()
                    + "; fix it with git remote set-url", e);
        }
        return fetched.getAdvertisedRef(merge) == null ? null : repo.exactRef(Constants.FETCH_HEAD);
    }

    private void requireRemote(String remote) {
        if (remoteUrl(remote).isEmpty()) {
            throw new VersionControlException("there is no remote named " + remote + "; add it with git remote add "
                    + remote + " <url>");
        }
    }

    /** A token is a password: it is never sent in clear text, except to this machine (tests, local proxies). */
    private void requireSafeTransport(String remote, Secret token) {
        if (token == null) {
            return;
        }
        for (String key : List.of("url", "pushurl")) {
            String url = repo.getConfig().getString("remote", remote, key);
            if (url == null) {
                continue;
            }
            try {
                URI uri = new URI(url);
                String host = uri.getHost() == null ? "" : uri.getHost();
                boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                        || host.equals("::1");
                if ("http".equalsIgnoreCase(uri.getScheme()) && !loopback) {
                    throw new VersionControlException("will not send a token to remote " + remote + " over"
                            + " unencrypted HTTP (" + url.replaceFirst("://[^/@]*@", "://") + "); use an https://"
                            + " URL (git remote set-url " + remote + " https://...)");
                }
            } catch (URISyntaxException e) {
                // not a URL (a path or scp-like ssh address): no token is sent there
            }
        }
    }

    private static CredentialsProvider credentials(Secret token) {
        return token == null ? null : new UsernamePasswordCredentialsProvider("x-access-token", token.value());
    }

    private static String masked(String message, Secret token) {
        return token == null ? message : message.replace(token.value(), "****");
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    public Snapshot snapshot(String label) {
        return snapshots.take(label);
    }

    @Override
    public void restore(Snapshot snapshot) {
        snapshots.restore(snapshot);
    }

    @Override
    public List<Snapshot> snapshots() {
        return snapshots.list();
    }

    @Override
    public void dropSnapshot(Snapshot snapshot) {
        snapshots.drop(snapshot);
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
        RepositoryState s = state();
        if (s.empty()) {
            throw new VersionControlException("cannot stash: the repository has no commit yet; commit first (a stash"
                    + " is recorded on top of HEAD)");
        }
        if (!s.conflicted().isEmpty()) {
            throw new VersionControlException("cannot stash: there are unresolved conflicts in "
                    + String.join(", ", s.conflicted()) + "; resolve them and stage the files first"
                    + (s.operation() == RepositoryState.Operation.NONE ? ""
                            : ", or abort the " + operationName(s.operation())));
        }
        if (s.operation() != RepositoryState.Operation.NONE) {
            throw new VersionControlException("cannot stash in the middle of a " + operationName(s.operation())
                    + " (" + repo.getRepositoryState().getDescription() + "); finish or abort it first");
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
            throw failure("cannot stash the changes; check git status and git stash list", e);
        } finally {
            listener.remove();
            removeEmptyFolders(deleted);
        }
    }

    static String operationName(RepositoryState.Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A {@link java.text.MessageFormat} pattern (what JGit formats the stash message with) that yields {@code text}. */
    static String literalFormat(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The folders that held only the files just deleted, as git removes them; never the working tree itself. */
    private void removeEmptyFolders(Set<String> deleted) {
        Path root = workTree().toAbsolutePath().normalize();
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
            throw failure("cannot drop the stash entry " + commit + "; check git stash list", e);
        }
    }

    /** The commit {@code ref} names ({@code ref^{commit}}), empty for anything that names no commit. */
    @Override
    public Optional<String> resolve(String ref) {
        Objects.requireNonNull(ref, "ref");
        if (ref.isBlank()) {
            return Optional.empty();
        }
        try {
            // REV:PATH names the file (or folder) at PATH in REV; anything else names a commit
            return revision(ref.indexOf(':') > 0 ? ref : ref + "^{commit}").map(ObjectId::name);
        } catch (IllegalArgumentException e) { // JGit's InvalidObjectIdException and the like: names nothing
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        repo.close();
    }

    // ---------------------------------------------------------------- helpers

    private Optional<ObjectId> headId() throws IOException {
        return revision("HEAD^{commit}");
    }

    private Optional<String> symbolicBranch() throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic()) {
            return Optional.empty();
        }
        return Optional.of(head.getTarget().getName());
    }

    private Optional<ObjectId> revision(String revision) {
        try {
            return Optional.ofNullable(repo.resolve(revision));
        } catch (RevisionSyntaxException | IOException e) {
            return Optional.empty();
        }
    }

    private static String unknownRef(String ref) {
        return "unknown revision " + ref + "; check the branch name or commit id (git branch -a, git log)";
    }

    /** A commit as the port shows it; its time is the author's, as {@code git log} shows. */
    private CommitInfo info(RevCommit c) {
        PersonIdent a = c.getAuthorIdent();
        PersonIdent m = c.getCommitterIdent();
        return new CommitInfo(c.getName(), c.getShortMessage(), c.getFullMessage(),
                new Identity(a.getName(), a.getEmailAddress()), new Identity(m.getName(), m.getEmailAddress()),
                a.getWhenAsInstant());
    }

    /** {@code what} failed: a lock file git was left with is named, with what to do (see {@link GitLocks}). */
    private VersionControlException failure(String what, Exception e) {
        return GitLocks.failure(repo, what, e);
    }

}
