package dev.codefactory.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over real HTTP on 127.0.0.1: routes, HEAD, 405, errors, static files, start and stop. */
class WebServerTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path temp;
    private WebProject project;
    private WebServer server;

    @BeforeEach
    void start() throws IOException {
        project = WebProject.create(Files.createDirectory(temp.resolve("home")),
                Files.createDirectory(temp.resolve("repo")));
        Router routes = new Router()
                .get("/hello", r -> Response.html("<p>hello " + r.param("who").orElse("you") + "</p>"))
                .get("/api/v1/hello", r -> Response.json("{\"hello\":true}"))
                .get("/gone/{id}", r -> {
                    throw new SpecNotFoundException(r.pathParam("id"));
                })
                .get("/refused", r -> {
                    throw new FactoryException("that is not allowed here");
                })
                .get("/boom", r -> {
                    throw new IllegalStateException("secret-internal-detail");
                })
                .get("/api/v1/boom", r -> {
                    throw new NullPointerException("secret-internal-detail");
                });
        server = WebServer.start(project.factory(), ServeOptions.loopback(0), routes);
    }

    @AfterEach
    void stop() {
        server.close();
        project.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.address().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheRoutesOnLoopbackOnAFreePort() throws Exception {
        assertEquals("127.0.0.1", server.address().getHost());
        assertTrue(server.address().getPort() > 0);
        assertEquals(Optional.empty(), server.token());
        HttpResponse<String> r = get("/hello?who=Ada");
        assertEquals(200, r.statusCode());
        assertEquals("<p>hello Ada</p>", r.body());
    }

    @Test
    // covers feature-012/FR-008
    void headIsAnsweredAsGetWithoutABody() {
        RawHttp.Answer head = RawHttp.send(server.address(), "HEAD", "/hello", host());
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertTrue(head.header("content-type").startsWith("text/html"));
        assertNotNull(head.header("content-security-policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    // covers feature-012/FR-008
    void everyOtherMethodIsRefusedWith405(String method) {
        for (String path : new String[] {"/hello", "/api/v1/hello", "/static/style.css", "/nowhere"}) {
            RawHttp.Answer answer = RawHttp.send(server.address(), method, path, host());
            assertEquals(405, answer.status(), method + " " + path);
            assertEquals("GET, HEAD", answer.header("allow"));
        }
    }

    @Test
    // covers feature-012/FR-008
    void aPostThroughTheJdkClientIs405Too() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(server.address().resolve("/api/v1/hello"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertTrue(r.body().contains("\"status\":405"), r.body());
    }

    @Test
    void anUnknownPathIsA404PageOrAJsonErrorUnderTheApi() throws Exception {
        HttpResponse<String> page = get("/no/such/page");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("id=\"live-strip\""), "a Layout page");
        HttpResponse<String> api = get("/api/v1/nothing");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(api.body().startsWith("{\"error\":{\"status\":404"), api.body());
    }

    @Test
    void theAppsFailuresBecome404Or400WithTheirMessage() throws Exception {
        HttpResponse<String> gone = get("/gone/feature-999");
        assertEquals(404, gone.statusCode());
        assertTrue(gone.body().contains("feature-999"), gone.body());
        HttpResponse<String> refused = get("/refused");
        assertTrue(refused.statusCode() >= 400, "refused: " + refused.statusCode());
        assertTrue(refused.body().contains("that is not allowed here"));
    }

    @Test
    void otherFailuresAre500WithoutAStackTrace() throws Exception {
        for (String path : new String[] {"/boom", "/api/v1/boom"}) {
            HttpResponse<String> r = get(path);
            assertEquals(500, r.statusCode(), path);
            assertFalse(r.body().contains("secret-internal-detail"), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
            assertFalse(r.body().contains("at dev.codefactory"), r.body());
            assertNotNull(r.headers().firstValue("Content-Security-Policy").orElse(null));
        }
    }

    @Test
    // covers feature-012/FR-011
    void staticFilesComeFromTheClasspathWithTheirTypeAndAnETag() throws Exception {
        HttpResponse<String> css = get("/static/style.css");
        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
        String tag = css.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> js = get("/static/live.js");
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElseThrow());
        RawHttp.Answer again = RawHttp.get(server.address(), "/static/style.css", "If-None-Match: " + tag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(404, get("/static/missing.css").statusCode());
        assertEquals(404, get("/static/WebServer.class").statusCode());
        assertEquals(404, get("/static/").statusCode());
    }

    @Test
    // covers feature-012/NFR-001
    void startsInUnderASecondAndCloseFreesThePort() throws Exception {
        long begin = System.nanoTime();
        WebServer another = WebServer.start(project.factory(), ServeOptions.loopback(0));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        int port = another.address().getPort();
        assertTrue(millis < 1000, "started in " + millis + " ms");
        assertEquals(200, RawHttp.get(another.address(), "/static/style.css").status());
        long closing = System.nanoTime();
        another.close();
        assertTrue((System.nanoTime() - closing) / 1_000_000 < 1500, "closed within about a second");
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    // covers feature-012/FR-012
    void aTakenPortIsAClearFailure() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> WebServer.start(project.factory(), ServeOptions.loopback(taken.getLocalPort())));
            assertEquals(taken.getLocalPort(), e.port());
            assertTrue(e.getMessage().contains("--port"), e.getMessage());
        }
    }

    @Test
    void answersOnDaemonThreadsOfItsOwn() throws Exception {
        Router routes = new Router().get("/thread", r -> Response.json(
                "{\"name\":\"" + Thread.currentThread().getName() + "\",\"daemon\":" + Thread.currentThread().isDaemon()
                        + "}"));
        try (WebServer own = WebServer.start(project.factory(), ServeOptions.loopback(0), routes)) {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(own.address().resolve("/thread")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().matches("\\{\"name\":\"factory-web-\\d+\",\"daemon\":true}"), r.body());
        }
    }

    private String host() {
        return "127.0.0.1:" + server.address().getPort();
    }
}
