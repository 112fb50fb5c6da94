package dev.codefactory.adapter.github;

import static dev.codefactory.testsupport.FakeGitHub.Reply.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.HostCall;
import dev.codefactory.port.codehost.RepositoryRef;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import dev.codefactory.testsupport.FakeGitHub;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP request the GitHub adapter sends is told to {@link CodeHostSettings#calls()} (what the application
 * writes to the audit log), answered or not, with its method, path, status and duration, and nothing of its headers,
 * body or query.
 */
// covers feature-004/FR-007
class HostCallsTest {
    private static final String DEVICE_CODE = "3584d83530557fdd1f46af8289938c8ef79f9dc5";
    private static final String GRANTED_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";

    private final List<HostCall> calls = new CopyOnWriteArrayList<>();
    /** Each reading of the clock is 25 ms after the one before. */
    private final Clock ticking = new Clock() {
        private Instant now = Hosts.NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            Instant was = now;
            now = now.plusMillis(25);
            return was;
        }
    };
    private FakeGitHub fake;

    @BeforeEach
    void start() throws IOException {
        fake = FakeGitHub.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CodeHost host(URI base) {
        return new GitHubCodeHostProvider().create(new CodeHostSettings(base, base, Hosts.CLIENT_ID,
                Optional.of(Hosts.TOKEN), Hosts.PATIENT, ticking, calls::add));
    }

    @Test
    void each_request_is_told_with_method_path_status_and_duration() {
        fake.on("GET", "/user", json(200, RestCallsTest.USER));
        fake.on("GET", "/repos/acme/rocket", json(404, "{\"message\":\"Not Found\"}"));
        fake.on("GET", "/repos/acme/rocket/issues", json(200, "[]"));
        CodeHost host = host(fake.base());

        host.currentUser();
        assertThrows(CodeHostException.class, () -> host.repository(new RepositoryRef("acme", "rocket")));
        host.issues(new RepositoryRef("acme", "rocket"), "code-factory", 10);

        assertEquals(List.of(new HostCall("GET", "/user", 200, Duration.ofMillis(25)),
                new HostCall("GET", "/repos/acme/rocket", 404, Duration.ofMillis(25)),
                new HostCall("GET", "/repos/acme/rocket/issues", 200, Duration.ofMillis(25))), calls);
        assertEquals(List.of("ok", "error", "ok"), calls.stream().map(HostCall::outcome).toList());
        assertEquals(3, fake.received().size(), "one call told per request sent");
        assertTrue(fake.received().get(2).query().contains("labels=code-factory"), "the query went to GitHub");
    }

    // covers feature-004/NFR-003
    @Test
    void the_device_flow_is_told_without_the_device_code_or_the_token() {
        fake.on("POST", "/login/device/code", json(200, "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":"
                + "\"WDJB-MJHT\",\"verification_uri\":\"https://github.com/login/device\",\"expires_in\":900,"
                + "\"interval\":5}"));
        fake.on("POST", "/login/oauth/access_token", json(200, "{\"access_token\":\"" + GRANTED_TOKEN + "\","
                + "\"token_type\":\"bearer\",\"scope\":\"repo\"}"));
        CodeHost host = host(fake.base());

        host.pollDeviceFlow(host.startDeviceFlow(Set.of("repo")));

        assertEquals(List.of("POST /login/device/code 200", "POST /login/oauth/access_token 200"),
                calls.stream().map(c -> c.method() + " " + c.path() + " " + c.status()).toList());
        String told = calls.toString();
        assertFalse(told.contains(DEVICE_CODE) || told.contains(GRANTED_TOKEN) || told.contains(Hosts.TOKEN), told);
    }

    @Test
    void a_request_that_gets_no_answer_is_told_with_status_zero() {
        CodeHost host = host(URI.create("http://127.0.0.1:9/api/v3"));

        assertThrows(CodeHostException.class, host::currentUser);

        assertEquals(1, calls.size(), calls.toString());
        assertEquals("/api/v3/user", calls.get(0).path());
        assertEquals(0, calls.get(0).status());
        assertEquals("no-answer", calls.get(0).outcome());
    }

    @Test
    void the_path_never_carries_a_query_or_user_information() {
        assertEquals("/repos/o/r/issues", ReportingClient.path("https://u:p@api.example.com/repos/o/r/issues?a=1#x"));
        assertEquals("/", ReportingClient.path("https://api.example.com"));
    }
}
