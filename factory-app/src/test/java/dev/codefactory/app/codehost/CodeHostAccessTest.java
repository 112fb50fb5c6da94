package dev.codefactory.app.codehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
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
import dev.codefactory.port.codehost.spi.CodeHostProvider;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device flow's waiting loop against a scripted host (the other side of the {@code CodeHost} port is GitHub,
 * which these tests do not own; the GitHub adapter has its own tests against a loopback server).
 */
// covers feature-004/FR-005
class CodeHostAccessTest {
    private static final String TOKEN = "gho_scripted_token_0001";
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path tmp;

    /** A clock the sleeper moves forward. */
    private static final class ManualClock extends Clock {
        Instant now = START;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Answers polls from a script and records what it was asked. */
    private final class ScriptedHost implements CodeHost {
        final Optional<String> token;

        ScriptedHost(Optional<String> token) {
            this.token = token;
        }

        @Override
        public String id() {
            return "github";
        }

        @Override
        public DeviceAuthorization startDeviceFlow(Set<String> scopes) {
            askedScopes.add(String.join(",", scopes));
            return new DeviceAuthorization("device-code-secret", "WDJB-MJHT", "https://github.com/login/device",
                    START.plus(expiresIn), Duration.ofSeconds(5));
        }

        @Override
        public TokenPoll pollDeviceFlow(DeviceAuthorization authorization) {
            pollTimes.add(clock.instant());
            return answers.isEmpty() ? new TokenPoll.Pending() : answers.removeFirst();
        }

        @Override
        public HostUser currentUser() {
            if (token.isEmpty()) {
                throw new CodeHostException(CodeHostException.Kind.UNAUTHORIZED, "not signed in", null);
            }
            if (!token.get().equals(TOKEN)) {
                throw new CodeHostException(CodeHostException.Kind.UNAUTHORIZED, "the GitHub token was rejected",
                        null);
            }
            return new HostUser("octocat", "The Octocat", "https://github.com/octocat", "repo");
        }

        @Override
        public Optional<RepositoryRef> repositoryOf(String remoteUrl) {
            return Optional.empty();
        }

        @Override
        public HostRepository repository(RepositoryRef ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PullRequest createPullRequest(RepositoryRef ref, PullRequestDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Issue createIssue(RepositoryRef ref, IssueDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ExistingIssue> issues(RepositoryRef ref, String label, int max) {
            throw new UnsupportedOperationException();
        }
    }

    /** Registered through the builder, replacing any discovered {@code github} provider. */
    public final class ScriptedHostProvider implements CodeHostProvider {
        @Override
        public String id() {
            return "github";
        }

        @Override
        public String displayName() {
            return "scripted GitHub";
        }

        @Override
        public CodeHost create(CodeHostSettings settings) {
            created.add(settings);
            return new ScriptedHost(settings.token());
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Deque<TokenPoll> answers = new ArrayDeque<>();
    private final List<Instant> pollTimes = new ArrayList<>();
    private final List<String> askedScopes = new ArrayList<>();
    private final List<CodeHostSettings> created = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private Duration expiresIn = Duration.ofMinutes(15);
    private CodeFactory factory;
    private Map<String, String> env;

    private final Sleeper sleeper = d -> {
        waits.add(d);
        clock.now = clock.now.plus(d);
    };

    @BeforeEach
    void open() throws Exception {
        env = Map.of("HOME", tmp.toString(), "FACTORY_MASTER_KEY", "master", "PATH", "");
        factory = build(env);
    }

    private CodeFactory build(Map<String, String> environment) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve(".factory"));
        return CodeFactory.builder().projectRoot(project).environment(environment).clock(clock)
                .userConfigDir(tmp.resolve("cfg")).addProvider(new ScriptedHostProvider()).build();
    }

    private static final DeviceFlowListener SILENT = auth -> { };

    @Test
    void login_waits_the_interval_between_polls_stores_the_token_and_says_who_signed_in() {
        answers.add(new TokenPoll.Pending());
        answers.add(new TokenPoll.Pending());
        answers.add(new TokenPoll.Granted(TOKEN, "repo"));
        List<String> shown = new ArrayList<>();

        CodeHostAccess.Login login = factory.codeHosts().login("github",
                auth -> shown.add(auth.userCode() + " at " + auth.verificationUri()), sleeper);

        assertEquals(List.of("WDJB-MJHT at https://github.com/login/device"), shown);
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), waits);
        assertEquals(List.of(START.plusSeconds(5), START.plusSeconds(10), START.plusSeconds(15)), pollTimes);
        assertEquals("octocat", login.user().login());
        assertEquals("repo", login.scopes());
        assertEquals(List.of("repo"), askedScopes);
        assertEquals(TOKEN, factory.secrets().get("github.oauth.token").orElseThrow().value());
        assertTrue(login.storedIn().endsWith("secrets.enc"), login.storedIn());
        assertEquals(Optional.empty(), login.overriddenBy());
    }

    @Test
    void slow_down_lengthens_the_interval_for_every_later_poll() {
        answers.add(new TokenPoll.Pending());
        answers.add(new TokenPoll.SlowDown(Duration.ofSeconds(10)));
        answers.add(new TokenPoll.Pending());
        answers.add(new TokenPoll.SlowDown(Duration.ofSeconds(10)));
        answers.add(new TokenPoll.Granted(TOKEN, "repo"));

        factory.codeHosts().login("github", SILENT, sleeper);

        assertEquals(List.of(5L, 5L, 10L, 10L, 15L), waits.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void an_expired_code_stops_the_wait_and_stores_nothing() {
        expiresIn = Duration.ofSeconds(12);

        CodeHostException e = assertThrows(CodeHostException.class,
                () -> factory.codeHosts().login("github", SILENT, sleeper));

        assertEquals(CodeHostException.Kind.EXPIRED, e.kind());
        assertTrue(e.getMessage().contains("factory auth login github"), e.getMessage());
        assertEquals(2, pollTimes.size(), "polls at 5 s and 10 s, none after the code expired at 12 s");
        assertEquals(List.of(5L, 5L, 2L), waits.stream().map(Duration::toSeconds).toList());
        assertTrue(factory.secrets().get("github.oauth.token").isEmpty());
    }

    @Test
    void the_host_saying_expired_or_denied_ends_the_login_with_that_reason() {
        answers.add(new TokenPoll.Expired());
        assertEquals(CodeHostException.Kind.EXPIRED, assertThrows(CodeHostException.class,
                () -> factory.codeHosts().login("github", SILENT, sleeper)).kind());

        answers.add(new TokenPoll.Pending());
        answers.add(new TokenPoll.Denied());
        CodeHostException denied = assertThrows(CodeHostException.class,
                () -> factory.codeHosts().login("github", SILENT, sleeper));
        assertEquals(CodeHostException.Kind.DENIED, denied.kind());
        assertTrue(denied.getMessage().contains("refused"), denied.getMessage());
        assertTrue(factory.secrets().get("github.oauth.token").isEmpty());
    }

    @Test
    void an_interrupted_wait_stores_nothing_and_keeps_the_interrupt() {
        Sleeper interrupted = d -> {
            throw new InterruptedException();
        };
        assertThrows(CodeHostException.class, () -> factory.codeHosts().login("github", SILENT, interrupted));
        assertTrue(Thread.interrupted());
        assertTrue(factory.secrets().get("github.oauth.token").isEmpty());
    }

    @Test
    void the_host_is_created_from_configuration_with_the_stored_token() {
        factory.setConfig("github.api-url", "http://127.0.0.1:9/api/v3", dev.codefactory.app.config.ConfigScope.PROJECT);
        factory.setConfig("github.client-id", "Iv1.abc", dev.codefactory.app.config.ConfigScope.PROJECT);
        factory.secrets().put("github", TOKEN);

        factory.codeHosts().host();

        CodeHostSettings settings = created.get(created.size() - 1);
        assertEquals("http://127.0.0.1:9/api/v3", settings.apiUrl().toString());
        assertEquals("https://github.com", settings.webUrl().toString());
        assertEquals("Iv1.abc", settings.clientId());
        assertEquals(Optional.of(TOKEN), settings.token());
        assertEquals(Duration.ofSeconds(30), settings.timeout());
        assertFalse(settings.toString().contains(TOKEN));
    }

    @Test
    void a_malformed_api_url_is_named_with_where_it_came_from() {
        factory.setConfig("github.api-url", "api.github.com", dev.codefactory.app.config.ConfigScope.PROJECT);
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> factory.codeHosts().host());
        assertTrue(e.getMessage().startsWith("github.api-url: 'api.github.com'"), e.getMessage());
    }

    @Test
    void status_says_where_the_token_comes_from_and_whose_it_is() throws Exception {
        CodeHostAccess.Status none = factory.codeHosts().status(true);
        assertEquals(Optional.empty(), none.source());
        assertEquals(Optional.empty(), none.user());

        factory.secrets().put("github", TOKEN);
        CodeHostAccess.Status stored = factory.codeHosts().status(true);
        assertTrue(stored.source().orElseThrow().contains("secrets.enc"), stored.source().toString());
        assertEquals("octocat", stored.user().orElseThrow().login());

        Map<String, String> withEnv = new java.util.HashMap<>(env);
        withEnv.put("GITHUB_TOKEN", "ghp_rejected");
        try (CodeFactory f = build(withEnv)) {
            CodeHostAccess.Status fromEnv = f.codeHosts().status(true);
            assertEquals(Optional.of("environment variable GITHUB_TOKEN"), fromEnv.source());
            assertEquals(Optional.empty(), fromEnv.user());
            assertTrue(fromEnv.problem().orElseThrow().contains("rejected"));
        }
    }

    @Test
    void logout_deletes_the_stored_token_and_reports_an_overriding_variable() throws Exception {
        factory.secrets().put("github", TOKEN);
        assertTrue(factory.codeHosts().logout("github").changed());
        assertTrue(factory.secrets().get("github.oauth.token").isEmpty());
        assertFalse(factory.codeHosts().logout("github").changed());

        Map<String, String> withEnv = new java.util.HashMap<>(env);
        withEnv.put("GITHUB_TOKEN", "ghp_from_env");
        try (CodeFactory f = build(withEnv)) {
            assertEquals(Optional.of("GITHUB_TOKEN"), f.codeHosts().logout("github").overriddenBy());
        }
    }

    @Test
    void an_unknown_host_is_refused_naming_the_known_one() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> factory.codeHosts().login("gitlab", SILENT, sleeper));
        assertEquals("unknown code host 'gitlab'; known: github", e.getMessage());
    }
}
