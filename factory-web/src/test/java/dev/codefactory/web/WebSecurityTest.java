package dev.codefactory.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;
import dev.codefactory.web.page.Layout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's security over real HTTP (hand-written requests, so that Host, method and path are exactly as an
 * attacker would send them): headers, CORS, the token and its cookie, the Host check, path traversal.
 */
class WebSecurityTest {
    private static final String TOKEN = "s3cret-T0ken_for-tests-only-0123456789abcdef";

    @TempDir
    Path temp;
    private WebProject project;
    private final Router routes = new Router()
            .get("/", r -> Response.html(Layout.page("Catalog", Layout.Section.CATALOG, "<p>catalog</p>")))
            .get("/specs/{id}", r -> Response.html("<p>" + r.pathParam("id").length() + "</p>"))
            .get("/api/v1/specs", r -> Response.json("{\"items\":[]}"));

    @BeforeEach
    void project() throws IOException {
        project = WebProject.create(Files.createDirectory(temp.resolve("home")),
                Files.createDirectory(temp.resolve("repo")));
        project.commit("secrets", "notes.txt", "top-secret-notes");
        Files.writeString(project.root().resolve(".factory/leak.txt"), "factory-private-state");
    }

    @AfterEach
    void close() {
        project.close();
    }

    private static boolean bindable(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private WebServer serve(ServeOptions options) {
        return WebServer.start(project.factory(), options, routes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/specs", "/static/style.css", "/nowhere", "/api/v1/nowhere"})
    // covers feature-012/FR-010
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        try (WebServer server = serve(ServeOptions.loopback(0))) {
            RawHttp.Answer a = RawHttp.get(server.address(), path);
            assertEquals(Guard.CSP, a.header("content-security-policy"), path);
            assertTrue(a.header("content-security-policy").contains("script-src 'self'"));
            assertFalse(a.header("content-security-policy").contains("unsafe-inline"));
            assertEquals("nosniff", a.header("x-content-type-options"));
            assertEquals("no-referrer", a.header("referrer-policy"));
            assertEquals("DENY", a.header("x-frame-options"));
            assertEquals("no-cache", a.header("cache-control"));
        }
    }

    @Test
    // covers feature-012/FR-009
    void noCorsHeadersUnlessTheOriginIsConfigured() {
        try (WebServer server = serve(ServeOptions.loopback(0))) {
            RawHttp.Answer a = RawHttp.get(server.address(), "/api/v1/specs", "Origin: https://evil.example");
            assertEquals(200, a.status());
            assertTrue(a.headers().keySet().stream().noneMatch(h -> h.startsWith("access-control-")), a.headers()
                    .toString());
        }
        ServeOptions cors = new ServeOptions("127.0.0.1", 0, Optional.empty(), List.of("https://ok.example"));
        try (WebServer server = serve(cors)) {
            RawHttp.Answer ok = RawHttp.get(server.address(), "/api/v1/specs", "Origin: https://ok.example");
            assertEquals("https://ok.example", ok.header("access-control-allow-origin"));
            assertEquals("Origin", ok.header("vary"));
            RawHttp.Answer other = RawHttp.get(server.address(), "/api/v1/specs", "Origin: https://evil.example");
            assertNull(other.header("access-control-allow-origin"));
        }
    }

    @Test
    // covers feature-012/FR-009
    void aGivenTokenIsNeededOnEveryRequest() {
        ServeOptions options = new ServeOptions("127.0.0.1", 0, Optional.of(TOKEN), List.of());
        try (WebServer server = serve(options)) {
            URI at = server.address();
            assertEquals(Optional.of(TOKEN), server.token());
            for (String path : new String[] {"/", "/api/v1/specs", "/static/style.css"}) {
                RawHttp.Answer none = RawHttp.get(at, path);
                assertEquals(401, none.status(), path);
                assertFalse(none.body().contains(TOKEN));
                assertEquals(Guard.CSP, none.header("content-security-policy"));
            }
            assertTrue(RawHttp.get(at, "/api/v1/specs").body().startsWith("{\"error\":{\"status\":401"));
            assertTrue(RawHttp.get(at, "/").header("content-type").startsWith("text/html"));
            assertEquals(401, RawHttp.get(at, "/", "Authorization: Bearer wrong").status());
            assertEquals(401, RawHttp.get(at, "/", "Authorization: Bearer " + TOKEN.substring(1)).status());
            assertEquals(401, RawHttp.get(at, "/", "Authorization: Bearer " + TOKEN + "x").status());
            assertEquals(401, RawHttp.get(at, "/", "Authorization: Basic " + TOKEN).status());
            assertEquals(401, RawHttp.get(at, "/", "Cookie: factory_token=nope").status());
            assertEquals(401, RawHttp.get(at, "/", "Cookie: other=" + TOKEN).status());
            assertEquals(200, RawHttp.get(at, "/", "Authorization: Bearer " + TOKEN).status());
            assertEquals(200, RawHttp.get(at, "/api/v1/specs", "Cookie: a=b; factory_token=" + TOKEN).status());
            RawHttp.Answer stream = RawHttp.get(at, "/api/v1/events/stream");
            assertEquals(401, stream.status(), "the live stream is checked before it is handed over");
            assertEquals(421, RawHttp.send(at, "GET", "/api/v1/events/stream", "evil.example:" + at.getPort(),
                    "Authorization: Bearer " + TOKEN).status());
            RawHttp.Answer head = RawHttp.send(at, "HEAD", "/api/v1/events/stream", "127.0.0.1:" + at.getPort(),
                    "Authorization: Bearer " + TOKEN);
            assertEquals(200, head.status());
            assertEquals("text/event-stream", head.header("content-type"));
        }
    }

    @Test
    // covers feature-012/FR-009
    void aTokenInTheUrlSetsTheCookieAndRedirectsWithoutIt() {
        ServeOptions options = new ServeOptions("127.0.0.1", 0, Optional.of(TOKEN), List.of());
        try (WebServer server = serve(options)) {
            URI at = server.address();
            RawHttp.Answer first = RawHttp.get(at, "/specs/feature-001?view=split&token=" + TOKEN + "&x=1");
            assertEquals(303, first.status());
            assertEquals("/specs/feature-001?view=split&x=1", first.header("location"));
            String cookie = first.header("set-cookie");
            assertEquals("factory_token=" + TOKEN + "; HttpOnly; SameSite=Strict; Path=/", cookie);
            assertFalse(first.body().contains(TOKEN));
            assertEquals("/", RawHttp.get(at, "/?token=" + TOKEN).header("location"));
            RawHttp.Answer then = RawHttp.get(at, "/", "Cookie: " + cookie.substring(0, cookie.indexOf(';')));
            assertEquals(200, then.status());
            assertEquals("/?a=1", RawHttp.get(at, "/?%74oken=" + TOKEN + "&a=1").header("location"));
            for (String offsite : new String[] {"//evil.example/?token=", "/%2Fevil.example/?token=",
                "http://evil.example//evil.example/?token="}) {
                String location = RawHttp.get(at, offsite + TOKEN).header("location");
                assertTrue(location == null || location.startsWith("/") && !location.startsWith("//"),
                        offsite + " redirected to " + location);
            }
            RawHttp.Answer wrong = RawHttp.get(at, "/?token=wrong");
            assertEquals(401, wrong.status());
            assertNull(wrong.header("set-cookie"));
        }
    }

    @Test
    // covers feature-012/FR-009
    void anotherHostGetsAGeneratedTokenAndItsNameIsAccepted() {
        // 127.0.0.2 is loopback too (nothing leaves the machine); Linux answers on all of 127/8, macOS may not
        Assumptions.assumeTrue(bindable("127.0.0.2"), "127.0.0.2 is not configured here");
        try (WebServer server = serve(new ServeOptions("127.0.0.2", 0, Optional.empty(), List.of()))) {
            String token = server.token().orElseThrow();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            URI at = server.address();
            assertEquals("127.0.0.2", at.getHost());
            assertEquals(401, RawHttp.get(at, "/").status());
            assertEquals(200, RawHttp.get(at, "/", "Authorization: Bearer " + token).status());
        }
        try (WebServer again = serve(new ServeOptions("127.0.0.2", 0, Optional.empty(), List.of()))) {
            assertNotEquals(Optional.empty(), again.token());
        }
    }

    @Test
    // covers feature-012/FR-009
    void onEveryInterfaceTheInterfacesAddressesAreAccepted() {
        // the tests bind 127.0.0.1 alone: the names WebServer lists for 0.0.0.0 are given here by hand
        Guard guard = new Guard(Optional.of(TOKEN), "0.0.0.0", List.of("192.168.1.5", "fe80::1", "box"), 7070,
                List.of());
        for (String ok : new String[] {"192.168.1.5:7070", "[fe80::1]:7070", "box:7070", "0.0.0.0:7070",
            "localhost:7070"}) {
            assertTrue(guard.hostAccepted(Optional.of(ok)), ok);
        }
        for (String bad : new String[] {"192.168.1.6:7070", "192.168.1.5:7071", "evil.example:7070", "box"}) {
            assertFalse(guard.hostAccepted(Optional.of(bad)), bad);
        }
        assertFalse(guard.hostAccepted(Optional.empty()));
    }

    @Test
    // covers feature-012/FR-009
    void theHostHeaderMustNameTheServer() {
        try (WebServer server = serve(ServeOptions.loopback(0))) {
            URI at = server.address();
            int port = at.getPort();
            for (String good : new String[] {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port,
                "LOCALHOST:" + port}) {
                assertEquals(200, RawHttp.send(at, "GET", "/", good).status(), good);
            }
            for (String bad : new String[] {"evil.example:" + port, "evil.example", "127.0.0.1", "localhost",
                "127.0.0.1:" + (port + 1), "localhost.evil.example:" + port, ""}) {
                RawHttp.Answer a = RawHttp.send(at, "GET", "/api/v1/specs", bad);
                assertTrue(a.status() == 421 || a.status() == 400, bad + ": " + a.status());
                assertFalse(a.body().contains("items"), bad);
            }
            RawHttp.Answer page = RawHttp.send(at, "GET", "/", "rebound.example:" + port);
            assertEquals(421, page.status());
            assertTrue(page.body().contains("DNS rebinding"), page.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/../../pom.xml", "/%2e%2e/", "/%2e%2e/pom.xml", "/static/%2e%2e%2fpom.xml",
        "/specs/..%2F..%2Fpom.xml", "/specs/..%2F..%2Fnotes.txt", "/static/..%5C..%5Cnotes.txt", "/./notes.txt",
        "/specs/%2E%2E", "/static/style.css%00.txt", "/notes.txt", "/.git/config", "/.git/HEAD", "/.factory/",
        "/.factory/leak.txt", "/static/../.factory/leak.txt", "/%2efactory/leak.txt", "/specs/%252e%252e%252fpom",
        "/static/.gitignore", "/static/%2e%2e/%2e%2e/notes.txt"})
    // covers feature-012/FR-011
    void pathsNeverReachTheProjectsFiles(String target) {
        try (WebServer server = serve(ServeOptions.loopback(0))) {
            RawHttp.Answer a = RawHttp.get(server.address(), target);
            assertTrue(a.status() == 400 || a.status() == 404, target + ": " + a.status());
            for (String secret : new String[] {"top-secret-notes", "factory-private-state", "[core]",
                "<artifactId>", "refs/heads"}) {
                assertFalse(a.body().contains(secret), target + " showed " + secret);
            }
        }
    }

    @Test
    // covers feature-012/FR-011
    void encodedDotSegmentsAreRefusedAsBadRequests() {
        try (WebServer server = serve(ServeOptions.loopback(0))) {
            for (String target : new String[] {"/static/../../pom.xml", "/%2e%2e/", "/static/%2e%2e%2fpom.xml",
                "/specs/..%2F..%2Fpom.xml", "/specs/a%5Cb", "/specs/a%00b"}) {
                assertEquals(400, RawHttp.get(server.address(), target).status(), target);
            }
            assertEquals(200, RawHttp.get(server.address(), "/specs/feature-001").status());
        }
    }

    @Test
    // covers feature-012/FR-009
    void theTokenComparisonIsExactAndConstantTime() {
        Guard guard = new Guard(Optional.of(TOKEN), "127.0.0.1", List.of(), 1, List.of());
        assertTrue(guard.matches(TOKEN));
        assertFalse(guard.matches(TOKEN.substring(0, TOKEN.length() - 1)));
        assertFalse(guard.matches(TOKEN + "0"));
        assertFalse(guard.matches(""));
        assertFalse(guard.matches(null));
        assertFalse(new Guard(Optional.empty(), "127.0.0.1", List.of(), 1, List.of()).matches(""));
    }
}
