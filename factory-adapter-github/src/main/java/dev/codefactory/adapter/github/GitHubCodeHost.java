package dev.codefactory.adapter.github;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.CodeHostException.Kind;
import dev.codefactory.port.codehost.DeviceAuthorization;
import dev.codefactory.port.codehost.ExistingIssue;
import dev.codefactory.port.codehost.HostRepository;
import dev.codefactory.port.codehost.HostUser;
import dev.codefactory.port.codehost.Issue;
import dev.codefactory.port.codehost.IssueDraft;
import dev.codefactory.port.codehost.PullRequest;
import dev.codefactory.port.codehost.PullRequestDraft;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.port.codehost.TokenPoll;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.Retryer;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link CodeHost} on GitHub's REST API (version {@value #API_VERSION}) and its OAuth device flow, through two Feign
 * interfaces: {@link GitHubApi} on {@code github.api-url} and {@link GitHubOAuthApi} on {@code github.web-url}.
 * Failures are mapped by {@link GitHubErrors} alone. Nothing is sent until a method is called; every request sent is
 * told to {@link CodeHostSettings#calls()} ({@link ReportingClient}).
 */
// implements feature-004/FR-004
final class GitHubCodeHost implements CodeHost {
    static final String API_VERSION = "2022-11-28";
    static final String USER_AGENT = "code-factory";
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    private static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
    /** GitHub's largest page. */
    static final int PAGE_SIZE = 100;

    private final CodeHostSettings settings;
    private final GitHubErrors errors;
    private final GitHubApi api;
    private final GitHubOAuthApi oauth;
    private final RemoteUrls remotes;
    private final ObjectMapper json;

    GitHubCodeHost(CodeHostSettings settings) {
        this.settings = settings;
        this.json = newMapper();
        this.errors = new GitHubErrors(json, settings.clock(), settings.apiUrl(), settings.token());
        this.remotes = new RemoteUrls(settings.webUrl());
        Optional<String> token = settings.token().filter(t -> !t.isBlank());
        this.api = target(GitHubApi.class, settings.apiUrl(), template -> {
            template.header("Accept", "application/vnd.github+json");
            template.header("X-GitHub-Api-Version", API_VERSION);
            template.header("User-Agent", USER_AGENT);
            token.ifPresent(t -> template.header("Authorization", "Bearer " + t));
        });
        this.oauth = target(GitHubOAuthApi.class, settings.webUrl(), template -> {
            template.header("Accept", "application/json");
            template.header("User-Agent", USER_AGENT);
        });
    }

    /** Explicitly configured: no module discovery, unknown fields tolerated (GitHub adds fields), compact output. */
    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private <T> T target(Class<T> type, URI base, RequestInterceptor headers) {
        long timeout = Math.max(1, settings.timeout().toMillis());
        return Feign.builder()
                .client(new ReportingClient(new Client.Default(null, null), settings.clock(), settings.calls()))
                .encoder(new JacksonEncoder(json))
                .decoder(new JacksonDecoder(json))
                .errorDecoder(errors)
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(timeout, TimeUnit.MILLISECONDS, timeout, TimeUnit.MILLISECONDS, false))
                .requestInterceptor(headers)
                .target(type, withoutTrailingSlash(base));
    }

    static String withoutTrailingSlash(URI base) {
        String url = base.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    @Override
    public String id() {
        return GitHubCodeHostProvider.ID;
    }

    // ---- device flow --------------------------------------------------------------------------------------------

    @Override
    public DeviceAuthorization startDeviceFlow(Set<String> scopes) {
        String clientId = clientId();
        String scope = String.join(" ", new TreeSet<>(scopes));
        Wire.DeviceCode code = call(() -> oauth.deviceCode(new Wire.DeviceCodeRequest(clientId, scope)),
                "github.web-url");
        if (code == null) {
            throw errors.failure(Kind.UNAVAILABLE, "GitHub answered the device flow's start with nothing; check "
                    + "github.web-url points at GitHub, then retry.");
        }
        if (code.error() != null && !code.error().isBlank()) {
            throw errors.deviceFlowError(code.error(), code.errorDescription());
        }
        if (isBlank(code.deviceCode()) || isBlank(code.userCode()) || isBlank(code.verificationUri())) {
            throw errors.failure(Kind.UNAVAILABLE, "GitHub's answer to the device flow's start lacks the code or "
                    + "the verification address; check github.web-url points at GitHub, then retry.");
        }
        errors.addSecret(code.deviceCode());
        Duration expiresIn = code.expiresIn() == null || code.expiresIn() <= 0 ? DEFAULT_EXPIRY
                : Duration.ofSeconds(code.expiresIn());
        Duration interval = code.interval() == null || code.interval() <= 0 ? DEFAULT_INTERVAL
                : Duration.ofSeconds(code.interval());
        return new DeviceAuthorization(code.deviceCode(), code.userCode(), code.verificationUri(),
                settings.clock().instant().plus(expiresIn), interval);
    }

    @Override
    public TokenPoll pollDeviceFlow(DeviceAuthorization authorization) {
        String clientId = clientId();
        errors.addSecret(authorization.deviceCode());
        if (!settings.clock().instant().isBefore(authorization.expiresAt())) {
            return new TokenPoll.Expired();
        }
        Wire.AccessToken answer = call(() -> oauth.accessToken(new Wire.AccessTokenRequest(clientId,
                authorization.deviceCode(), Wire.AccessTokenRequest.DEVICE_CODE_GRANT)), "github.web-url");
        if (answer == null) {
            throw errors.failure(Kind.UNAVAILABLE, "GitHub answered the sign-in poll with nothing; retry.");
        }
        String error = answer.error() == null ? "" : answer.error();
        switch (error) {
            case "":
                if (isBlank(answer.accessToken())) {
                    throw errors.failure(Kind.UNAVAILABLE, "GitHub's answer to the sign-in poll holds neither a "
                            + "token nor an error; check github.web-url points at GitHub, then retry.");
                }
                errors.addSecret(answer.accessToken());
                return new TokenPoll.Granted(answer.accessToken(), answer.scope() == null ? "" : answer.scope());
            case "authorization_pending":
                return new TokenPoll.Pending();
            case "slow_down":
                return new TokenPoll.SlowDown(answer.interval() != null && answer.interval() > 0
                        ? Duration.ofSeconds(answer.interval())
                        : authorization.interval().plus(SLOW_DOWN_STEP));
            case "expired_token":
                return new TokenPoll.Expired();
            case "access_denied":
                return new TokenPoll.Denied();
            default:
                throw errors.deviceFlowError(error, answer.errorDescription());
        }
    }

    /**
     * The configured client id; refused as {@link Kind#INVALID} when empty: it is configuration that is missing, so
     * signing in again (what {@link Kind#UNAUTHORIZED} asks for) cannot help.
     */
    private String clientId() {
        String clientId = settings.clientId().strip();
        if (clientId.isEmpty()) {
            throw errors.failure(Kind.INVALID, "signing in to GitHub needs an OAuth app with the device flow "
                    + "enabled: set its client id as github.client-id (`factory config set github.client-id ID`), "
                    + "or set GITHUB_TOKEN instead.");
        }
        return clientId;
    }

    // ---- REST ---------------------------------------------------------------------------------------------------

    @Override
    public HostUser currentUser() {
        requireToken();
        return call(() -> {
            Response response = api.user();
            if (response.status() / 100 != 2) {
                throw errors.fromStatus(response);
            }
            String scopes = GitHubErrors.header(response.headers(), "x-oauth-scopes").orElse("");
            Wire.User user;
            try (response) {
                if (response.body() == null) {
                    throw errors.failure(Kind.UNAVAILABLE, "GitHub answered " + withoutTrailingSlash(
                            settings.apiUrl()) + "/user with nothing; check github.api-url.");
                }
                user = json.readValue(response.body().asInputStream(), Wire.User.class);
            } catch (IOException e) {
                throw errors.failure(Kind.UNAVAILABLE, "GitHub's answer from " + withoutTrailingSlash(
                        settings.apiUrl()) + "/user could not be read; check github.api-url points at the "
                        + "GitHub API, then retry.");
            }
            if (user == null || isBlank(user.login())) {
                throw errors.failure(Kind.UNAVAILABLE, "GitHub's answer from " + withoutTrailingSlash(
                        settings.apiUrl()) + "/user names no login; check github.api-url points at the GitHub "
                        + "API.");
            }
            return new HostUser(user.login(), user.name() == null ? "" : user.name(),
                    user.htmlUrl() == null ? "" : user.htmlUrl(), scopes);
        }, "github.api-url");
    }

    @Override
    public Optional<RepositoryRef> repositoryOf(String remoteUrl) {
        return remotes.repositoryOf(remoteUrl);
    }

    @Override
    public HostRepository repository(RepositoryRef ref) {
        Wire.Repository repo = call(() -> api.repository(ref.owner(), ref.name()), "github.api-url");
        if (repo == null || isBlank(repo.defaultBranch())) {
            throw errors.failure(Kind.UNAVAILABLE, "GitHub's answer for repository " + ref + " names no default "
                    + "branch; check github.api-url points at the GitHub API.");
        }
        boolean canPush = repo.permissions() != null && repo.permissions().push();
        return new HostRepository(ref, repo.defaultBranch(), repo.htmlUrl() == null ? "" : repo.htmlUrl(), canPush,
                repo.isPrivate());
    }

    @Override
    public PullRequest createPullRequest(RepositoryRef ref, PullRequestDraft draft) {
        requireToken();
        Wire.PullRequest created = call(() -> api.createPullRequest(ref.owner(), ref.name(),
                new Wire.NewPullRequest(draft.title(), draft.body(), draft.head(), draft.base(), draft.draft())),
                "github.api-url");
        if (created == null || created.htmlUrl() == null) {
            throw errors.failure(Kind.UNAVAILABLE, "GitHub's answer to opening a pull request in " + ref
                    + " names no pull request; check on GitHub whether it was opened.");
        }
        PullRequest result = new PullRequest(created.number(), created.htmlUrl(), created.draft());
        if (!draft.labels().isEmpty()) {
            try {
                call(() -> {
                    api.addLabels(ref.owner(), ref.name(), created.number(), new Wire.Labels(draft.labels()));
                    return null;
                }, "github.api-url");
            } catch (CodeHostException e) {
                // the pull request exists: say so, so that nobody opens it twice
                throw new CodeHostException(e.kind(), "pull request #" + result.number() + " was opened ("
                        + result.url() + ") but its labels were not added: " + e.getMessage(),
                        e.retryAt().orElse(null));
            }
        }
        return result;
    }

    @Override
    public Issue createIssue(RepositoryRef ref, IssueDraft draft) {
        requireToken();
        Wire.Issue created = call(() -> api.createIssue(ref.owner(), ref.name(),
                new Wire.NewIssue(draft.title(), draft.body(), draft.labels())), "github.api-url");
        if (created == null || created.htmlUrl() == null) {
            throw errors.failure(Kind.UNAVAILABLE, "GitHub's answer to opening an issue in " + ref
                    + " names no issue; check on GitHub whether it was opened.");
        }
        return new Issue(created.number(), created.htmlUrl());
    }

    /**
     * Pages through {@code GET /repos/{owner}/{repo}/issues} until {@code max} issues or a short page; the pull
     * requests that endpoint lists too are skipped. Works without a token on public repositories.
     */
    @Override
    public List<ExistingIssue> issues(RepositoryRef ref, String label, int max) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            // GitHub would answer every issue for an empty label filter
            throw new IllegalArgumentException("label is blank");
        }
        List<ExistingIssue> found = new ArrayList<>();
        for (int page = 1; found.size() < max; page++) {
            int number = page;
            List<Wire.ListedIssue> items = call(() -> api.issues(ref.owner(), ref.name(), label, PAGE_SIZE, number),
                    "github.api-url");
            if (items == null) {
                break;
            }
            for (Wire.ListedIssue item : items) {
                if (found.size() == max) {
                    break;
                }
                if (item == null || item.isPullRequest()) {
                    continue;
                }
                if (isBlank(item.htmlUrl())) {
                    throw errors.failure(Kind.UNAVAILABLE, "GitHub's list of the issues of " + ref + " holds #"
                            + item.number() + " without an address; check github.api-url points at the GitHub "
                            + "API.");
                }
                found.add(new ExistingIssue(item.number(), item.htmlUrl(), item.title() == null ? "" : item.title(),
                        item.body(), "open".equals(item.state())));
            }
            if (items.size() < PAGE_SIZE) {
                break;
            }
        }
        return List.copyOf(found);
    }

    private void requireToken() {
        if (settings.token().filter(t -> !t.isBlank()).isEmpty()) {
            throw new CodeHostException(Kind.UNAUTHORIZED, "not signed in to GitHub: run " + GitHubErrors.SIGN_IN
                    + " (or set GITHUB_TOKEN).", null);
        }
    }

    /** Runs one request, turning whatever Feign throws into a {@link CodeHostException}. */
    private <T> T call(Supplier<T> request, String configKey) {
        try {
            return request.get();
        } catch (CodeHostException e) {
            throw e;
        } catch (FeignException e) {
            throw errors.fromFeign(e, configKey);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "GitHubCodeHost[" + settings + "]";
    }
}
