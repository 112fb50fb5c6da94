package dev.codefactory.adapter.git;

import static dev.codefactory.adapter.git.GitContext.HEADS;

import dev.codefactory.port.secret.Secret;
import dev.codefactory.port.vcs.PullResult;
import dev.codefactory.port.vcs.PushResult;
import dev.codefactory.port.vcs.Remotes;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** {@link Remotes} on JGit: push and pull over the transports JGit speaks, with a token as HTTPS password. */
// implements feature-004/NFR-003
final class JGitRemotes implements Remotes {

    private final GitContext context;
    private final Repository repo;
    private final Git git;
    private final JGitBranches branches;

    JGitRemotes(GitContext context, JGitBranches branches) {
        this.context = context;
        this.repo = context.repo;
        this.git = context.git;
        this.branches = branches;
    }

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
        if (!branches.branchExists(branch)) {
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
                throw context.failure("cannot push " + branch + " to " + remote, e);
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
        String branch = branches.currentBranch().orElseThrow(() -> new VersionControlException(
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
            String head = context.headId().map(ObjectId::name).orElse("");
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
                throw context.failure("cannot pull from " + remote, e);
            }
            throw new VersionControlException(masked("cannot pull from " + remote + ": " + e.getMessage()
                    + "; check the remote URL, your network and your token", token));
        }
    }

    /** {@code git fetch REMOTE}: the remote's branches into its tracking refs, nothing merged. */
    // implements feature-008/FR-004
    void fetch(String remote, Secret token) {
        Objects.requireNonNull(remote, "remote");
        requireRemote(remote);
        requireSafeTransport(remote, token);
        try {
            git.fetch().setRemote(remote).setCredentialsProvider(credentials(token)).call();
        } catch (GitAPIException | JGitInternalException e) {
            if (GitLocks.isLockFailure(e)) {
                throw context.failure("cannot fetch from " + remote, e);
            }
            throw new VersionControlException(masked("cannot fetch from " + remote + ": " + e.getMessage()
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
}
