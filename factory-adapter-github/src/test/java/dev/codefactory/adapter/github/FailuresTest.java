package dev.codefactory.adapter.github;

import static dev.codefactory.testsupport.FakeGitHub.Reply.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.CodeHostException.Kind;
import dev.codefactory.port.codehost.DeviceAuthorization;
import dev.codefactory.port.codehost.IssueDraft;
import dev.codefactory.port.codehost.PullRequestDraft;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.testsupport.FakeGitHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailuresTest {
    private static final RepositoryRef ACME = RestCallsTest.ACME;
    private static final String GITHUB_SHAPED = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private static final String DEVICE_CODE = "devicecode-0123456789abcdef";
    private FakeGitHub fake;
    private CodeHost host;

    @BeforeEach
    void start() throws IOException {
        fake = FakeGitHub.start();
        host = Hosts.on(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String everything(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return e + "\n" + out;
    }

    @Test
    void rejected_token_is_unauthorized_and_says_to_sign_in_again() {
        fake.on("GET", "/user", json(401, "{\"message\":\"Bad credentials\",\"documentation_url\":"
                + "\"https://docs.github.com/rest\"}"));

        CodeHostException e = assertThrows(CodeHostException.class, host::currentUser);

        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertTrue(e.getMessage().startsWith("the GitHub token was rejected"), e.getMessage());
        assertTrue(e.getMessage().contains("Bad credentials"), e.getMessage());
        assertTrue(e.getMessage().contains("sign in again with `factory auth login github`"), e.getMessage());
    }

    @Test
    void used_up_rate_limit_retries_at_the_reset_epoch_and_says_when() {
        long reset = Hosts.NOW.plusSeconds(12 * 60).getEpochSecond();
        fake.on("GET", "/repos/acme/rocket", json(403, "{\"message\":\"API rate limit exceeded for user ID 1.\"}")
                .with("x-ratelimit-limit", "5000").with("x-ratelimit-remaining", "0")
                .with("x-ratelimit-reset", Long.toString(reset)));

        CodeHostException e = assertThrows(CodeHostException.class, () -> host.repository(ACME));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Optional.of(java.time.Instant.ofEpochSecond(reset)), e.retryAt());
        assertTrue(e.getMessage().contains("retry at 10:12 (in 12 minutes)"), e.getMessage());
        assertTrue(e.getMessage().contains("API rate limit exceeded"), e.getMessage());
    }

    @Test
    void too_many_requests_with_retry_after_retries_that_many_seconds_from_now() {
        fake.on("POST", "/repos/acme/rocket/issues", json(429, "{\"message\":\"You have exceeded a secondary rate "
                + "limit.\"}").with("Retry-After", "30"));

        CodeHostException e = assertThrows(CodeHostException.class,
                () -> host.createIssue(ACME, new IssueDraft("t", "b", List.of())));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Optional.of(Hosts.NOW.plusSeconds(30)), e.retryAt());
        assertTrue(e.getMessage().contains("retry at 10:00 (in 30 seconds)"), e.getMessage());
    }

    @Test
    void forbidden_without_a_rate_limit_names_the_scopes_github_wants() {
        fake.on("POST", "/repos/acme/rocket/pulls", json(403, "{\"message\":\"Resource not accessible by "
                + "integration\"}").with("X-Accepted-OAuth-Scopes", "repo").with("X-OAuth-Scopes", "read:org")
                .with("x-ratelimit-remaining", "4999"));

        CodeHostException e = assertThrows(CodeHostException.class, () -> host.createPullRequest(ACME,
                new PullRequestDraft("t", "", "x", "main", List.of(), false)));

        assertEquals(Kind.FORBIDDEN, e.kind());
        assertEquals(Optional.empty(), e.retryAt());
        assertTrue(e.getMessage().contains("Resource not accessible by integration"), e.getMessage());
        assertTrue(e.getMessage().contains("one of the scopes repo (the token has read:org)"), e.getMessage());
    }

    @Test
    void missing_repository_is_not_found_naming_it_and_the_repo_scope() {
        CodeHostException e = assertThrows(CodeHostException.class, () -> host.repository(ACME));

        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("repository acme/rocket"), e.getMessage());
        assertTrue(e.getMessage().contains("`repo` scope"), e.getMessage());
        assertTrue(e.getMessage().contains("Not Found"), e.getMessage());
    }

    @Test
    void server_error_is_unavailable() {
        fake.on("GET", "/repos/acme/rocket", json(502, "{\"message\":\"Server Error\"}"));

        CodeHostException e = assertThrows(CodeHostException.class, () -> host.repository(ACME));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
    }

    @Test
    void answer_that_is_not_json_is_unavailable_without_a_feign_type_escaping() {
        fake.on("GET", "/repos/acme/rocket", new FakeGitHub.Reply(200, java.util.Map.of(), "<html>proxy</html>",
                false));

        CodeHostException e = assertThrows(CodeHostException.class, () -> host.repository(ACME));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("could not be read"), e.getMessage());
    }

    @Test
    void refused_connection_is_unavailable_naming_the_url_and_the_setting() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        CodeHost unreachable = Hosts.create(nowhere, nowhere, Optional.of(Hosts.TOKEN), Duration.ofSeconds(2));

        CodeHostException e = assertThrows(CodeHostException.class, unreachable::currentUser);

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains(nowhere + "/user"), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(e.getMessage().contains("github.api-url"), e.getMessage());
    }

    @Test
    void server_that_never_answers_times_out_as_unavailable() {
        fake.on("GET", "/repos/acme/rocket", FakeGitHub.Reply.hanging());
        CodeHost impatient = Hosts.create(fake.base(), fake.base(), Optional.of(Hosts.TOKEN),
                Duration.ofMillis(300));
        long started = System.nanoTime();

        CodeHostException e = assertThrows(CodeHostException.class, () -> impatient.repository(ACME));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        assertTrue(e.getMessage().contains(fake.base() + "/repos/acme/rocket"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
    }

    @Test
    void device_flow_host_unreachable_names_the_web_url_setting() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        CodeHost unreachable = Hosts.create(fake.base(), nowhere, Optional.empty(), Duration.ofSeconds(2));

        CodeHostException e = assertThrows(CodeHostException.class,
                () -> unreachable.startDeviceFlow(java.util.Set.of("repo")));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("github.web-url"), e.getMessage());
    }

    // ---- no secret in any failure ----------------------------------------------------------------------------

    /** GitHub (or a proxy in front of it) echoing every secret it saw. */
    private static String echoing(String... secrets) {
        String all = String.join(" and ", secrets);
        return "{\"message\":\"token " + all + " refused\",\"errors\":[{\"message\":\"not " + all + "\"}],"
                + "\"error\":\"incorrect_device_code\",\"error_description\":\"bad " + all + "\"}";
    }

    static Stream<Arguments> failures() {
        String body = echoing(Hosts.TOKEN, GITHUB_SHAPED);
        // the device code is a secret only to the flow that started with it: echoed only there
        String deviceBody = echoing(Hosts.TOKEN, GITHUB_SHAPED, DEVICE_CODE);
        long reset = Hosts.NOW.plusSeconds(60).getEpochSecond();
        Function<CodeHost, Object> user = CodeHost::currentUser;
        Function<CodeHost, Object> repo = h -> h.repository(ACME);
        Function<CodeHost, Object> pull = h -> h.createPullRequest(ACME,
                new PullRequestDraft("t", "", "x", "main", List.of("l"), false));
        Function<CodeHost, Object> poll = h -> h.pollDeviceFlow(new DeviceAuthorization(DEVICE_CODE, "U",
                "http://x", Hosts.NOW.plusSeconds(60), Duration.ofSeconds(5)));
        return Stream.of(
                Arguments.of("401", Kind.UNAUTHORIZED, (Consumer<FakeGitHub>) f -> f.on("GET", "/user",
                        json(401, body)), user),
                Arguments.of("403 rate limit", Kind.RATE_LIMITED, (Consumer<FakeGitHub>) f -> f.on("GET", "/user",
                        json(403, body).with("x-ratelimit-remaining", "0").with("x-ratelimit-reset", "" + reset)),
                        user),
                Arguments.of("429", Kind.RATE_LIMITED, (Consumer<FakeGitHub>) f -> f.on("GET", "/repos/acme/rocket",
                        json(429, body).with("retry-after", "5")), repo),
                Arguments.of("403", Kind.FORBIDDEN, (Consumer<FakeGitHub>) f -> f.on("GET", "/repos/acme/rocket",
                        json(403, body).with("X-Accepted-OAuth-Scopes", "repo")), repo),
                Arguments.of("404", Kind.NOT_FOUND, (Consumer<FakeGitHub>) f -> f.on("GET", "/repos/acme/rocket",
                        json(404, body)), repo),
                Arguments.of("422", Kind.INVALID, (Consumer<FakeGitHub>) f -> f.on("POST",
                        "/repos/acme/rocket/pulls", json(422, body)), pull),
                Arguments.of("500", Kind.UNAVAILABLE, (Consumer<FakeGitHub>) f -> f.on("GET", "/repos/acme/rocket",
                        json(500, body)), repo),
                Arguments.of("labels after creation", Kind.FORBIDDEN, (Consumer<FakeGitHub>) f -> f
                        .on("POST", "/repos/acme/rocket/pulls", json(201, RestCallsTest.PULL))
                        .on("POST", "/repos/acme/rocket/issues/42/labels", json(403, body)), pull),
                Arguments.of("not json", Kind.UNAVAILABLE, (Consumer<FakeGitHub>) f -> f.on("GET",
                        "/repos/acme/rocket", new FakeGitHub.Reply(200, java.util.Map.of(), "<" + body, false)),
                        repo),
                Arguments.of("timeout", Kind.UNAVAILABLE, (Consumer<FakeGitHub>) f -> f.on("GET",
                        "/repos/acme/rocket", FakeGitHub.Reply.hanging()), repo),
                Arguments.of("device code rejected", Kind.INVALID, (Consumer<FakeGitHub>) f -> f.on("POST",
                        "/login/oauth/access_token", json(200, deviceBody)), poll),
                Arguments.of("device flow 400", Kind.INVALID, (Consumer<FakeGitHub>) f -> f.on("POST",
                        "/login/oauth/access_token", json(400, deviceBody)), poll));
    }

    // covers feature-004/NFR-003
    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void no_token_or_device_code_appears_in_any_failure(String name, Kind kind, Consumer<FakeGitHub> script,
                                                         Function<CodeHost, Object> action) {
        script.accept(fake);
        // only the server that never answers is waited for briefly: every other failure gets all the time it needs
        Duration timeout = name.equals("timeout") ? Duration.ofMillis(500) : Hosts.PATIENT;
        CodeHost host = Hosts.create(fake.base(), fake.base(), Optional.of(Hosts.TOKEN), timeout);

        CodeHostException e = assertThrows(CodeHostException.class, () -> action.apply(host));

        assertEquals(kind, e.kind(), e.getMessage());
        String shown = everything(e);
        assertFalse(shown.contains(Hosts.TOKEN), shown);
        assertFalse(shown.contains(GITHUB_SHAPED), shown);
        assertFalse(shown.contains(DEVICE_CODE), shown);
    }

    @Test
    void refused_connection_with_a_token_does_not_show_it() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        CodeHost unreachable = Hosts.create(nowhere, nowhere, Optional.of(Hosts.TOKEN), Duration.ofSeconds(2));

        CodeHostException e = assertThrows(CodeHostException.class, () -> unreachable.repository(ACME));

        assertFalse(everything(e).contains(Hosts.TOKEN), everything(e));
    }
}
