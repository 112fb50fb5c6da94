package dev.codefactory.adapter.github;

import static dev.codefactory.testsupport.FakeGitHub.Reply.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.port.codehost.CodeHost;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.codehost.DeviceAuthorization;
import dev.codefactory.port.codehost.TokenPoll;
import dev.codefactory.port.codehost.spi.CodeHostSettings;
import dev.codefactory.testsupport.FakeGitHub;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// covers feature-004/FR-004
class DeviceFlowTest {
    private static final String DEVICE_CODE = "3584d83530557fdd1f46af8289938c8ef79f9dc5";
    private static final String GRANTED_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String DEVICE_CODE_ANSWER = "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":"
            + "\"WDJB-MJHT\",\"verification_uri\":\"https://github.com/login/device\",\"expires_in\":900,"
            + "\"interval\":5}";
    private final ObjectMapper json = new ObjectMapper();
    private FakeGitHub fake;
    private CodeHost host;

    @BeforeEach
    void start() throws IOException {
        fake = FakeGitHub.start();
        host = Hosts.withoutToken(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private DeviceAuthorization authorization() {
        return new DeviceAuthorization(DEVICE_CODE, "WDJB-MJHT", "https://github.com/login/device",
                Hosts.NOW.plusSeconds(900), Duration.ofSeconds(5));
    }

    private TokenPoll pollAnswering(String body) {
        fake.on("POST", "/login/oauth/access_token", json(200, body));
        return host.pollDeviceFlow(authorization());
    }

    @Test
    void start_posts_client_id_and_scopes_as_json_asking_for_json() throws IOException {
        fake.on("POST", "/login/device/code", json(200, DEVICE_CODE_ANSWER));

        host.startDeviceFlow(new LinkedHashSet<>(List.of("repo", "read:org")));

        FakeGitHub.Received request = fake.only();
        assertEquals("/login/device/code", request.path());
        assertEquals("application/json", request.header("Accept"));
        assertEquals("code-factory", request.header("User-Agent"));
        assertEquals(null, request.header("Authorization"));
        JsonNode body = json.readTree(request.body());
        assertEquals(Hosts.CLIENT_ID, body.get("client_id").asText());
        assertEquals("read:org repo", body.get("scope").asText());
    }

    @Test
    void start_returns_the_codes_with_expiry_from_the_clock_and_the_interval() {
        fake.on("POST", "/login/device/code", json(200, DEVICE_CODE_ANSWER.replace("\"interval\":5",
                "\"interval\":7")));

        DeviceAuthorization started = host.startDeviceFlow(java.util.Set.of("repo"));

        assertEquals(DEVICE_CODE, started.deviceCode());
        assertEquals("WDJB-MJHT", started.userCode());
        assertEquals("https://github.com/login/device", started.verificationUri());
        assertEquals(Hosts.NOW.plusSeconds(900), started.expiresAt());
        assertEquals(Duration.ofSeconds(7), started.interval());
    }

    @Test
    void start_defaults_the_interval_to_five_seconds() {
        fake.on("POST", "/login/device/code", json(200, DEVICE_CODE_ANSWER.replace(",\"interval\":5", "")));

        assertEquals(Duration.ofSeconds(5), host.startDeviceFlow(java.util.Set.of("repo")).interval());
    }

    @Test
    void start_without_a_client_id_says_how_to_set_one_and_sends_nothing() {
        CodeHost unconfigured = new GitHubCodeHostProvider().create(new CodeHostSettings(fake.base(), fake.base(),
                " ", Optional.empty(), Duration.ofSeconds(5), Hosts.CLOCK));

        CodeHostException e = assertThrows(CodeHostException.class,
                () -> unconfigured.startDeviceFlow(java.util.Set.of("repo")));

        assertEquals(CodeHostException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("github.client-id"), e.getMessage());
        assertTrue(e.getMessage().contains("`factory config set github.client-id ID`"), e.getMessage());
        assertTrue(e.getMessage().contains("device flow enabled"), e.getMessage());
        assertEquals(List.of(), fake.received());
    }

    @Test
    void start_refused_because_the_app_has_no_device_flow_says_to_enable_it() {
        fake.on("POST", "/login/device/code", json(400, "{\"error\":\"device_flow_disabled\","
                + "\"error_description\":\"Device Flow must be explicitly enabled for this App\"}"));

        CodeHostException e = assertThrows(CodeHostException.class,
                () -> host.startDeviceFlow(java.util.Set.of("repo")));

        assertEquals(CodeHostException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("Enable \"Device Flow\" in the OAuth app's settings"), e.getMessage());
    }

    @Test
    void poll_posts_client_id_device_code_and_grant_type() throws IOException {
        pollAnswering("{\"error\":\"authorization_pending\"}");

        FakeGitHub.Received request = fake.only();
        assertEquals("POST", request.method());
        assertEquals("/login/oauth/access_token", request.path());
        assertEquals("application/json", request.header("Accept"));
        JsonNode body = json.readTree(request.body());
        assertEquals(Hosts.CLIENT_ID, body.get("client_id").asText());
        assertEquals(DEVICE_CODE, body.get("device_code").asText());
        assertEquals("urn:ietf:params:oauth:grant-type:device_code", body.get("grant_type").asText());
    }

    @Test
    void poll_while_the_code_is_not_entered_is_pending() {
        assertInstanceOf(TokenPoll.Pending.class, pollAnswering("{\"error\":\"authorization_pending\","
                + "\"error_description\":\"The authorization request is still pending.\"}"));
    }

    @Test
    void poll_too_often_slows_down_to_githubs_new_interval() {
        TokenPoll poll = pollAnswering("{\"error\":\"slow_down\",\"interval\":10}");

        assertEquals(new TokenPoll.SlowDown(Duration.ofSeconds(10)), poll);
    }

    @Test
    void slow_down_without_an_interval_adds_five_seconds() {
        assertEquals(new TokenPoll.SlowDown(Duration.ofSeconds(10)), pollAnswering("{\"error\":\"slow_down\"}"));
    }

    @Test
    void poll_after_the_code_expired_is_expired() {
        assertInstanceOf(TokenPoll.Expired.class, pollAnswering("{\"error\":\"expired_token\"}"));
    }

    @Test
    void poll_past_expires_at_is_expired_without_asking() {
        DeviceAuthorization old = new DeviceAuthorization(DEVICE_CODE, "WDJB-MJHT", "https://github.com/login/device",
                Hosts.NOW, Duration.ofSeconds(5));

        assertInstanceOf(TokenPoll.Expired.class, host.pollDeviceFlow(old));
        assertEquals(List.of(), fake.received());
    }

    @Test
    void poll_after_the_person_refused_is_denied() {
        assertInstanceOf(TokenPoll.Denied.class, pollAnswering("{\"error\":\"access_denied\"}"));
    }

    @Test
    void poll_after_sign_in_is_granted_with_token_and_scopes_and_hides_the_token() {
        TokenPoll poll = pollAnswering("{\"access_token\":\"" + GRANTED_TOKEN + "\",\"token_type\":\"bearer\","
                + "\"scope\":\"repo,read:org\"}");

        TokenPoll.Granted granted = assertInstanceOf(TokenPoll.Granted.class, poll);
        assertEquals(GRANTED_TOKEN, granted.token());
        assertEquals("repo,read:org", granted.scopes());
        assertFalse(granted.toString().contains(GRANTED_TOKEN), granted.toString());
    }

    @Test
    void poll_when_device_flow_is_disabled_says_to_enable_it_in_the_app_settings() {
        CodeHostException e = assertThrows(CodeHostException.class,
                () -> pollAnswering("{\"error\":\"device_flow_disabled\"}"));

        assertEquals(CodeHostException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("Device Flow"), e.getMessage());
        assertTrue(e.getMessage().contains("OAuth app's settings"), e.getMessage());
    }

    @Test
    void poll_with_an_unknown_device_code_says_to_start_again_without_showing_it() {
        CodeHostException e = assertThrows(CodeHostException.class,
                () -> pollAnswering("{\"error\":\"incorrect_device_code\",\"error_description\":\"The device_code "
                        + DEVICE_CODE + " is not valid\"}"));

        assertEquals(CodeHostException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("factory auth login github"), e.getMessage());
        assertFalse(e.getMessage().contains(DEVICE_CODE), e.getMessage());
    }

    @Test
    void poll_with_an_unsupported_grant_type_fails_naming_it() {
        CodeHostException e = assertThrows(CodeHostException.class,
                () -> pollAnswering("{\"error\":\"unsupported_grant_type\"}"));

        assertEquals(CodeHostException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("grant type"), e.getMessage());
    }
}
