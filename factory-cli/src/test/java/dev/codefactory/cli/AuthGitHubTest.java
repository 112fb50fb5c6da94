package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import dev.codefactory.testsupport.FakeGitHub;
import dev.codefactory.testsupport.FakeGitHub.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory auth login|status|logout github} end to end: the real GitHub adapter against a loopback server that
 * answers the device flow and {@code /user} the way GitHub does (web endpoints at the root, the API under
 * {@code /api/v3}, as on GitHub Enterprise).
 */
// covers feature-004/FR-005
class AuthGitHubTest {
    private static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    /** A poll answer that makes the fake answer 502 Bad Gateway instead. */
    private static final String BAD_GATEWAY = "502";
    private static final String DENIED = "{\"error\":\"access_denied\"}";

    @TempDir
    Path tmp;
    TestProject project;
    FakeGitHub server;
    final Deque<String> pollAnswers = new ArrayDeque<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = FakeGitHub.start().on("POST", "/login/device/code", request -> {
            requests.add("POST /login/device/code " + request.body());
            return Reply.json(200, "{\"device_code\":\"3584d83530557fdd1f46af8289938c8ef79f9dc5\",\"user_code\":"
                    + "\"WDJB-MJHT\",\"verification_uri\":\"https://github.com/login/device\",\"expires_in\":900,"
                    + "\"interval\":1}");
        }).on("POST", "/login/oauth/access_token", request -> {
            requests.add("POST /login/oauth/access_token " + request.body());
            String answer = pollAnswers.isEmpty() ? "{\"error\":\"authorization_pending\"}" : pollAnswers.removeFirst();
            if (answer.equals(BAD_GATEWAY)) {
                return Reply.json(502, "{\"message\":\"Bad Gateway\"}");
            }
            return Reply.json(200, answer);
        }).on("GET", "/api/v3/user", request -> {
            String auth = request.header("Authorization");
            authorizations.add(String.valueOf(auth));
            if (!("Bearer " + TOKEN).equals(auth)) {
                return Reply.json(401, "{\"message\":\"Bad credentials\",\"documentation_url\":"
                        + "\"https://docs.github.com\"}");
            }
            return Reply.json(200, "{\"login\":\"octocat\",\"name\":\"The Octocat\",\"html_url\":"
                    + "\"https://github.com/octocat\"}").with("X-OAuth-Scopes", "repo");
        }).otherwise(request -> {
            requests.add(request.method() + " " + request.path() + (request.query() == null ? "" : "?" + request.query())
                    + " (unexpected)");
            return Reply.json(404, "{\"message\":\"Not Found\"}");
        });
        String base = server.base().toString();
        project = TestProject.gitRepository(Files.createDirectories(tmp.resolve("project")));
        project.env.put("HOME", tmp.toString());
        project.env.put("FACTORY_MASTER_KEY", "a long master passphrase");
        project.env.put("FACTORY_GITHUB_WEB_URL", base);
        project.env.put("FACTORY_GITHUB_API_URL", base + "/api/v3");
        project.env.put("FACTORY_GITHUB_CLIENT_ID", "Iv1.8a61f9b3a7aba766");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void neverShowsTheToken(Result... results) {
        for (Result r : results) {
            assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN), "token shown: " + r);
        }
    }

    @Test
    void login_shows_the_code_waits_for_it_stores_the_token_and_says_who_signed_in() {
        pollAnswers.add("{\"error\":\"authorization_pending\"}");
        pollAnswers.add("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"repo\"}");

        Result login = project.run("auth", "login", "github");

        assertEquals(0, login.exit(), login.err());
        assertTrue(login.out().startsWith("Open https://github.com/login/device and enter the code WDJB-MJHT (valid"
                + " until "), login.out());
        assertTrue(login.out().contains("Signed in to GitHub as octocat (The Octocat), scopes: repo. Token stored"
                + " in ~/project/.xdg-config/factory/secrets.enc."), login.out());
        assertEquals(3, requests.size(), requests.toString());
        assertTrue(requests.get(0).contains("Iv1.8a61f9b3a7aba766") && requests.get(0).contains("repo"),
                requests.get(0));
        assertTrue(requests.get(2).contains("3584d83530557fdd1f46af8289938c8ef79f9dc5"), requests.get(2));
        assertEquals(List.of("Bearer " + TOKEN), authorizations);

        Result status = project.run("auth", "status");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("GitHub: signed in as octocat (token from entry github.oauth.token in"
                + " ~/project/.xdg-config/factory/secrets.enc), scopes: repo."), status.out());

        Result logout = project.run("auth", "logout", "github");
        assertEquals(0, logout.exit(), logout.err());
        assertTrue(logout.out().startsWith("Signed out of GitHub: deleted github.oauth.token"), logout.out());
        Result after = project.run("auth", "status");
        assertTrue(after.out().contains("GitHub: not signed in; run `factory auth login github`"), after.out());
        neverShowsTheToken(login, status, logout, after);
    }

    // covers feature-004/FR-007, feature-004/NFR-003
    @Test
    void every_github_request_of_a_sign_in_is_in_the_audit_log_without_the_token() throws IOException {
        pollAnswers.add("{\"error\":\"authorization_pending\"}");
        pollAnswers.add("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"repo\"}");
        Result login = project.run("auth", "login", "github");
        assertEquals(0, login.exit(), login.err());
        project.env.put("GITHUB_TOKEN", "ghp_revoked0000000000000000000000000000");
        project.run("auth", "status");

        Path log = project.root.resolve(".factory/audit.jsonl");
        List<String> lines = Files.readAllLines(log);
        List<String> calls = new ArrayList<>();
        for (String line : lines) {
            JsonNode entry = new ObjectMapper().readTree(line);
            assertEquals("github", entry.get("host").asText(), line);
            assertTrue(entry.get("durationMs").isIntegralNumber() && entry.get("durationMs").asLong() >= 0, line);
            assertTrue(entry.hasNonNull("time"), line);
            calls.add(entry.get("method").asText() + " " + entry.get("path").asText() + " "
                    + entry.get("status").asInt() + " " + entry.get("outcome").asText());
        }
        assertEquals(List.of("POST /login/device/code 200 ok", "POST /login/oauth/access_token 200 ok",
                "POST /login/oauth/access_token 200 ok", "GET /api/v3/user 200 ok", "GET /api/v3/user 401 error"),
                calls);
        String file = Files.readString(log);
        assertFalse(file.contains(TOKEN), "the token is not in the audit log");
        assertFalse(file.contains("ghp_revoked"), "nor the rejected one");
        assertFalse(file.contains("3584d83530557fdd1f46af8289938c8ef79f9dc5"), "nor the device code");
    }

    @Test
    void login_as_json_prints_who_signed_in_and_keeps_the_code_on_standard_error() throws IOException {
        pollAnswers.add("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"repo\"}");

        Result login = project.run("auth", "login", "github", "--json");

        assertEquals(0, login.exit(), login.err());
        JsonNode json = new ObjectMapper().readTree(login.out());
        assertEquals("octocat", json.get("login").asText());
        assertEquals("repo", json.get("scopes").asText());
        assertTrue(login.err().contains("WDJB-MJHT"), login.err());
        neverShowsTheToken(login);
    }

    @Test
    void a_refused_authorization_stores_nothing_and_says_so() {
        pollAnswers.add("{\"error\":\"access_denied\",\"error_description\":\"The user has denied your app\"}");

        Result login = project.run("auth", "login", "github");

        assertEquals(3, login.exit(), login.err());
        assertTrue(login.err().contains("refused"), login.err());
        assertTrue(login.err().contains("nothing was stored"), login.err());
        assertTrue(project.run("auth", "status", "--offline").out().contains("GitHub: not signed in"));
    }

    @Test
    void without_a_client_id_login_says_which_setting_to_make() {
        project.env.remove("FACTORY_GITHUB_CLIENT_ID");

        Result login = project.run("auth", "login", "github");

        assertTrue(login.exit() != 0, login.toString());
        assertTrue(login.err().contains("github.client-id"), login.err());
        assertTrue(requests.isEmpty(), requests.toString());
    }

    // covers feature-004/FR-006
    @Test
    void without_a_store_that_can_keep_the_token_login_sends_nothing_and_says_to_set_the_master_key() {
        project.env.remove("FACTORY_MASTER_KEY");
        // were the flow started after all, it would end at the first poll instead of waiting for the code's expiry
        pollAnswers.add(DENIED);

        Result login = project.run("auth", "login", "github");

        assertEquals(3, login.exit(), login.toString());
        assertTrue(login.err().contains("nothing was sent to GitHub"), login.err());
        assertTrue(login.err().contains("set FACTORY_MASTER_KEY"), login.err());
        assertTrue(login.err().contains("or set GITHUB_TOKEN"), login.err());
        assertFalse(login.out().contains("WDJB-MJHT") || login.err().contains("WDJB-MJHT"), "no code was shown");
        assertEquals(List.of(), requests, "GitHub saw no request");
        assertEquals(List.of(), authorizations);
    }

    @Test
    void with_a_master_key_that_does_not_open_the_secrets_file_login_sends_nothing() {
        pollAnswers.add("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"repo\"}");
        assertEquals(0, project.run("auth", "login", "github").exit());
        requests.clear();
        authorizations.clear();
        project.env.put("FACTORY_MASTER_KEY", "another passphrase altogether");
        pollAnswers.add(DENIED);

        Result login = project.run("auth", "login", "github");

        assertEquals(3, login.exit(), login.toString());
        assertTrue(login.err().contains("the master key does not match"), login.err());
        assertEquals(List.of(), requests, "GitHub saw no request");
        assertEquals(List.of(), authorizations);
    }

    // covers feature-004/FR-006
    @Test
    void a_single_bad_gateway_while_waiting_for_the_code_is_asked_again_and_the_sign_in_succeeds() {
        pollAnswers.add("{\"error\":\"authorization_pending\"}");
        pollAnswers.add(BAD_GATEWAY);
        pollAnswers.add("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"repo\"}");

        Result login = project.run("auth", "login", "github");

        assertEquals(0, login.exit(), login.err());
        assertTrue(login.out().contains("Signed in to GitHub as octocat"), login.out());
        assertEquals(3, requests.stream().filter(r -> r.startsWith("POST /login/oauth/access_token")).count(),
                requests.toString());
        assertTrue(project.run("auth", "status", "--offline").out().contains("token from entry github.oauth.token"));
    }

    // covers feature-004/FR-006
    @Test
    void polls_that_keep_failing_end_the_sign_in_with_githubs_failure() {
        for (int i = 0; i < 4; i++) {
            pollAnswers.add(BAD_GATEWAY);
        }
        pollAnswers.add("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"repo\"}");

        Result login = project.run("auth", "login", "github");

        assertEquals(3, login.exit(), login.err());
        assertTrue(login.err().contains("HTTP 502"), login.err());
        assertEquals(4, requests.stream().filter(r -> r.startsWith("POST /login/oauth/access_token")).count(),
                requests.toString());
        assertTrue(project.run("auth", "status", "--offline").out().contains("GitHub: not signed in"));
    }

    @Test
    void status_with_a_rejected_token_fails_and_says_to_sign_in_again() {
        project.env.put("GITHUB_TOKEN", "ghp_revoked0000000000000000000000000000");

        Result status = project.run("auth", "status");

        assertEquals(3, status.exit(), status.err());
        assertTrue(status.out().contains("GitHub: the token could not be checked (token from environment variable"
                + " GITHUB_TOKEN)."), status.out());
        assertTrue(status.err().contains("factory auth login github"), status.err());
        assertFalse(status.err().contains("ghp_revoked") || status.out().contains("ghp_revoked"), status.toString());

        Result offline = project.run("auth", "status", "--offline");
        assertEquals(0, offline.exit(), offline.err());
        assertEquals(1, authorizations.size(), "--offline asks GitHub nothing");
    }
}
