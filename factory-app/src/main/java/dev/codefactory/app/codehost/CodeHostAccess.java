package dev.codefactory.app.codehost;

import dev.codefactory.app.config.ConfigKey;
import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.app.provider.ProviderRegistry;
import dev.codefactory.app.secret.SecretService;
import dev.codefactory.app.secret.SecretService.ResolvedSecret;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.port.audit.AuditLog;
import dev.codefactory.port.audit.HostCallEntry;
import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.CodeHostException.Kind;
import dev.codefactory.port.codehost.DeviceAuthorization;
import dev.codefactory.port.codehost.HostUser;
import dev.codefactory.port.codehost.PullRequest;
import dev.codefactory.port.codehost.PullRequestDraft;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.port.codehost.TokenPoll;
import dev.codefactory.port.codehost.spi.CodeHostProvider;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import dev.codefactory.port.vcs.PushResult;
import dev.codefactory.port.vcs.Remotes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Signing in to the code host (GitHub) and the client for it. The token lives in the {@link SecretService} under
 * {@code github.token-ref} ({@code github.oauth.token}; {@code GITHUB_TOKEN} overrides it) and nowhere else. Every
 * request the client sends is recorded in the {@link AuditLog} (method, path, status, duration; never the token). The device
 * flow's waiting loop is here, not in the adapter: it honours the host's interval, lengthens it on {@code slow_down},
 * and stops at the code's expiry.
 */
// implements feature-004/FR-005, feature-004/FR-006, feature-004/FR-007
public final class CodeHostAccess {
    /** The only host there is today. */
    public static final String GITHUB = "github";
    /** The remote pull requests are pushed to. */
    public static final String ORIGIN = "origin";
    /** Transient failures of the device flow's poll in a row that are waited out before the sign-in gives up. */
    static final int MAX_POLL_FAILURES = 3;

    private final ProviderRegistry registry;
    private final Supplier<FactoryConfig> config;
    private final Supplier<SecretService> secrets;
    private final Supplier<AuditLog> audit;
    private final Clock clock;

    /** @param audit where every request to the host is recorded, as model calls are */
    public CodeHostAccess(ProviderRegistry registry, Supplier<FactoryConfig> config, Supplier<SecretService> secrets,
                          Supplier<AuditLog> audit, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * After a successful sign-in.
     *
     * @param storedIn where the token was stored
     * @param overriddenBy an environment variable that will still win over the stored token
     */
    public record Login(HostUser user, String scopes, String storedIn, Optional<String> overriddenBy) {
        public Login {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(storedIn, "storedIn");
            Objects.requireNonNull(overriddenBy, "overriddenBy");
        }
    }

    /**
     * Whether a token is there and whose it is.
     *
     * @param source  where the token comes from; empty when there is none
     * @param user    who it belongs to, when {@code check} was asked and the host answered
     * @param problem why the host could not say (the token was rejected, the host is unreachable)
     */
    public record Status(String host, String tokenName, Optional<String> source, Optional<HostUser> user,
                         Optional<String> problem) {
        public Status {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(tokenName, "tokenName");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** The client for the configured host, with the stored token if there is one. */
    public CodeHost host() {
        return create(token().map(ResolvedSecret::value));
    }

    /** The secret name of the token: {@code github.token-ref}. */
    public String tokenName() {
        return config.get().text("github.token-ref");
    }

    /** The token and where it comes from, when there is one. */
    public Optional<ResolvedSecret> token() {
        return secrets.get().get(tokenName());
    }

    /**
     * Signs in with the device flow: checks first that the token could be stored, shows the code through
     * {@code listener}, waits for the person to enter it (a poll that fails transiently, such as a 502, is asked again
     * at the next interval, up to {@value #MAX_POLL_FAILURES} times in a row), stores the token, and says who it
     * belongs to.
     *
     * @throws CodeHostException {@link Kind#EXPIRED} or {@link Kind#DENIED} when the person did not authorise in
     *                           time, or when the host refuses
     */
    public Login login(String host, DeviceFlowListener listener, Sleeper sleeper) {
        requireKnown(host);
        // the token must be storable before GitHub is asked anything: a granted token that cannot be kept is lost
        try {
            secrets.get().requireWritable();
        } catch (FactoryException cannotStore) {
            throw new FactoryException("nothing was sent to GitHub: the token of a sign-in could not be stored,"
                    + " because " + cannotStore.getMessage() + "; or set GITHUB_TOKEN instead of signing in.",
                    cannotStore);
        }
        CodeHost anonymous = create(Optional.empty());
        DeviceAuthorization auth = anonymous.startDeviceFlow(scopes());
        listener.codeReady(auth);
        Instant started = clock.instant();
        Duration interval = auth.interval().isNegative() || auth.interval().isZero() ? Duration.ofSeconds(5)
                : auth.interval();
        int failures = 0;
        while (true) {
            Instant now = clock.instant();
            if (!now.isBefore(auth.expiresAt())) {
                throw expired();
            }
            Duration left = Duration.between(now, auth.expiresAt());
            listener.waiting(Duration.between(started, now), left);
            try {
                sleeper.sleep(interval.compareTo(left) < 0 ? interval : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CodeHostException(Kind.DENIED, "sign-in interrupted: nothing was stored.", null);
            }
            if (!clock.instant().isBefore(auth.expiresAt())) {
                throw expired();
            }
            TokenPoll poll;
            try {
                poll = anonymous.pollDeviceFlow(auth);
                failures = 0;
            } catch (CodeHostException e) {
                // a 5xx, a timeout or a dropped connection while the person is typing the code: ask again at the
                // next interval rather than lose the sign-in, unless it keeps failing
                if (e.kind() != Kind.UNAVAILABLE || ++failures > MAX_POLL_FAILURES) {
                    throw e;
                }
                continue;
            }
            if (poll instanceof TokenPoll.SlowDown) {
                Duration asked = ((TokenPoll.SlowDown) poll).interval();
                interval = asked.compareTo(interval) > 0 ? asked : interval.plusSeconds(5);
            } else if (poll instanceof TokenPoll.Expired) {
                throw expired();
            } else if (poll instanceof TokenPoll.Denied) {
                throw new CodeHostException(Kind.DENIED, "the authorization was refused on GitHub: nothing was"
                        + " stored. Run `factory auth login github` again to retry.", null);
            } else if (poll instanceof TokenPoll.Granted) {
                TokenPoll.Granted granted = (TokenPoll.Granted) poll;
                HostUser user = create(Optional.of(granted.token())).currentUser();
                SecretService.Change change = secrets.get().put(tokenName(), granted.token());
                return new Login(user, granted.scopes(), change.location(), change.overriddenBy());
            }
        }
    }

    /** The project's repository on the host, from the {@code origin} remote; empty when origin is elsewhere. */
    public Optional<RepositoryRef> repositoryOf(Remotes remotes) {
        return remotes.remoteUrl(ORIGIN).flatMap(url -> host().repositoryOf(url));
    }

    /**
     * Checks, without asking the host, that a pull request could be opened from this repository: an {@code origin}
     * on the configured host, and a token. Returns the repository and the token.
     *
     * @throws ProjectStateException when there is no {@code origin} or it is not on the configured host
     * @throws CodeHostException     {@link Kind#UNAUTHORIZED} when not signed in
     */
    public PullRequestTarget pullRequestTarget(Remotes remotes) {
        Checked checked = check(remotes, "", "to push to", "or open the pull request by hand", "so nothing was pushed");
        return new PullRequestTarget(checked.host, checked.repository, checked.token);
    }

    /**
     * Checks, without asking the host, that {@code review --issues} could open issues in this repository: an
     * {@code origin} on the configured host, and a token; so that a review stops before its first model call.
     *
     * @throws ProjectStateException when there is no {@code origin} or it is not on the configured host
     * @throws CodeHostException     {@link Kind#UNAUTHORIZED} when not signed in
     */
    public IssueTarget issueTarget(Remotes remotes) {
        Checked checked = check(remotes, "--issues: ", "to open issues in", "or review without --issues",
                "so nothing was reviewed");
        return new IssueTarget(checked.host, checked.repository);
    }

    /** Where issues go: the host (with the token) and the repository on it. */
    public record IssueTarget(CodeHost host, RepositoryRef repository) {
        public IssueTarget {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(repository, "repository");
        }
    }

    private static final class Checked {
        final CodeHost host;
        final RepositoryRef repository;
        final ResolvedSecret token;

        Checked(CodeHost host, RepositoryRef repository, ResolvedSecret token) {
            this.host = host;
            this.repository = repository;
            this.token = token;
        }
    }

    /** Origin on the configured host, and a token; the messages start with {@code prefix} and say what stopped. */
    private Checked check(Remotes remotes, String prefix, String purpose, String otherwise, String nothingDone) {
        String url = remotes.remoteUrl(ORIGIN).orElseThrow(() -> new ProjectStateException(prefix + "this repository"
                + " has no origin remote " + purpose + "; add one with `git remote add origin URL`."));
        Optional<ResolvedSecret> token = token();
        CodeHost host = create(token.map(ResolvedSecret::value));
        RepositoryRef ref = host.repositoryOf(url).orElseThrow(() -> new ProjectStateException(prefix + "origin ("
                + withoutCredentials(url) + ") is not on " + config.get().text("github.web-url")
                + "; point github.web-url and github.api-url at its host, " + otherwise
                + "."));
        if (token.isEmpty()) {
            throw new CodeHostException(Kind.UNAUTHORIZED, prefix + "not signed in to GitHub, " + nothingDone
                    + ": run `factory auth login github` (or set GITHUB_TOKEN), then try again.", null);
        }
        return new Checked(host, ref, token.get());
    }

    /** Where a pull request goes: the host, the repository on it, and the token to push and open it with. */
    public record PullRequestTarget(CodeHost host, RepositoryRef repository, ResolvedSecret token) {
        public PullRequestTarget {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * Pushes the branch to {@code origin} with the stored token and opens a pull request for it (into the
     * repository's default branch unless the command names one).
     *
     * @throws ProjectStateException when there is no {@code origin} or it is not on the configured host
     * @throws CodeHostException     {@link Kind#UNAUTHORIZED} when not signed in (before anything is pushed)
     */
    public OpenedPullRequest openPullRequest(Remotes remotes, OpenPullRequestCommand command) {
        PullRequestTarget target = pullRequestTarget(remotes);
        CodeHost host = target.host();
        RepositoryRef ref = target.repository();
        PushResult pushed = remotes.push(ORIGIN, command.branch(), target.token().secret());
        String base = command.base() != null ? command.base() : host.repository(ref).defaultBranch();
        PullRequest pr = host.createPullRequest(ref, new PullRequestDraft(command.title(), command.body(),
                command.branch(), base, command.labels(), command.draft()));
        return new OpenedPullRequest(ref, pushed, base, pr);
    }

    /**
     * What {@link #openPullRequest} did.
     *
     * @param base the branch the pull request merges into
     */
    public record OpenedPullRequest(RepositoryRef repository, PushResult push, String base, PullRequest pullRequest) {
        public OpenedPullRequest {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(push, "push");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(pullRequest, "pullRequest");
        }
    }

    /** {@code url} without a {@code user:password@} part, for messages. */
    static String withoutCredentials(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    /** Forgets the stored token (an environment variable that provides one is left alone, and reported). */
    public SecretService.Change logout(String host) {
        requireKnown(host);
        return secrets.get().delete(tokenName());
    }

    /** Where the token comes from and, when {@code check}, whose it is according to the host. */
    public Status status(boolean check) {
        Optional<ResolvedSecret> token = token();
        Optional<HostUser> user = Optional.empty();
        Optional<String> problem = Optional.empty();
        if (check && token.isPresent()) {
            try {
                user = Optional.of(create(token.map(ResolvedSecret::value)).currentUser());
            } catch (CodeHostException e) {
                problem = Optional.of(e.getMessage());
            }
        }
        return new Status(GITHUB, tokenName(), token.map(ResolvedSecret::source), user, problem);
    }

    private CodeHost create(Optional<String> token) {
        FactoryConfig c = config.get();
        CodeHostSettings settings = new CodeHostSettings(
                uri(c, "github.api-url"),
                uri(c, "github.web-url"),
                c.get("github.client-id").orElse(""), token, c.duration("github.timeout"), clock,
                call -> audit.get().append(new HostCallEntry(clock.instant(), GITHUB, call.method(), call.path(),
                        call.status(), call.duration(), call.outcome())));
        return registry.select(CodeHostProvider.class, GITHUB, GITHUB).create(settings);
    }

    private Set<String> scopes() {
        String listed = config.get().text("github.scopes");
        Set<String> scopes = new LinkedHashSet<>();
        Arrays.stream(listed.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(scopes::add);
        return scopes;
    }

    private static URI uri(FactoryConfig c, String key) {
        String value = c.text(key);
        String fallback = ConfigKey.KNOWN.get(key).defaultValue();
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException("not an http(s) address");
            }
            return uri;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new InvalidCommandException(key + ": '" + value + "' (from " + c.value(key).origin()
                    + ") is not an http(s) address such as " + fallback + "; fix it with `factory config set " + key
                    + " URL`");
        }
    }

    private static void requireKnown(String host) {
        if (!GITHUB.equals(host)) {
            throw new InvalidCommandException("unknown code host '" + host + "'; known: " + GITHUB);
        }
    }

    private static CodeHostException expired() {
        return new CodeHostException(Kind.EXPIRED, "the code expired before it was entered: nothing was stored."
                + " Run `factory auth login github` again and enter the new code within its time.", null);
    }
}
