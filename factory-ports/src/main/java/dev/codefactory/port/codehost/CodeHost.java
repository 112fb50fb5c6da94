package dev.codefactory.port.codehost;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the project's repository is hosted (GitHub, GitHub Enterprise): sign-in through the OAuth device flow, and
 * the pull requests and issues Code-Factory opens. Failures are
 * {@link dev.codefactory.port.codehost.CodeHostException}s that say what to do (sign in, wait until a time, check a
 * name); no token ever appears in one.
 */
public interface CodeHost {

    /** The provider's id: {@code github}. */
    String id();

    /** Starts the device flow: the code the person types at the verification address. */
    DeviceAuthorization startDeviceFlow(Set<String> scopes);

    /**
     * Asks once whether the person has entered the code. The caller waits {@link DeviceAuthorization#interval()}
     * (or the longer interval a {@link TokenPoll.SlowDown} gives) between calls.
     */
    TokenPoll pollDeviceFlow(DeviceAuthorization authorization);

    /** The signed-in user, with the token given when the host was created. */
    HostUser currentUser();

    /**
     * The repository a git remote URL names on this host ({@code https://github.com/o/r.git},
     * {@code git@github.com:o/r.git}, {@code ssh://git@github.com/o/r}), empty when the URL is another host's.
     */
    Optional<RepositoryRef> repositoryOf(String remoteUrl);

    /** Looks a repository up: its default branch and whether the token can push to it. */
    HostRepository repository(RepositoryRef ref);

    PullRequest createPullRequest(RepositoryRef ref, PullRequestDraft draft);

    Issue createIssue(RepositoryRef ref, IssueDraft draft);

    /** Issues of the repository carrying {@code label}, open and closed, newest first, at most {@code max}. */
    List<ExistingIssue> issues(RepositoryRef ref, String label, int max);
}
