package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.json.JsonReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory serve} on a real initialised project: it serves until Ctrl-C, says where, and fails clearly. */
class ServeTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    /** A {@code factory serve} running in a thread of its own, stopped by a Ctrl-C asked for by hand. */
    private static final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Interrupts interrupts = new Interrupts(new PrintWriter(err));
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;

        Running(TestProject p, String... args) {
            Session session = new Session(new PrintWriter(out, true), new PrintWriter(err, true), p.root, p.env,
                    false);
            thread = new Thread(() -> exit.set(Main.run(session, interrupts, args)), "serve-test");
            thread.start();
        }

        /** Standard output once it said all it says at start (the text or the JSON), or the command ended. */
        String started() throws InterruptedException {
            long end = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < end && thread.isAlive() && !out.toString().contains("Ctrl-C stops it.\n")
                    && !out.toString().endsWith("}" + System.lineSeparator())) {
                Thread.sleep(20);
            }
            return out.toString();
        }

        int stop() throws InterruptedException {
            interrupts.request();
            thread.join(10_000);
            assertFalse(thread.isAlive(), "serve stopped at Ctrl-C");
            return exit.get();
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                stop();
            }
        }
    }

    private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI address(String out) {
        int at = out.indexOf(" at http://");
        return URI.create(out.substring(at + 4, out.indexOf('\n', at)).trim());
    }

    @Test
    // covers feature-012/FR-012
    void servesTheProjectUntilCtrlCAndThenFreesThePort() throws Exception {
        TestProject p = TestProject.initialised(Files.createDirectory(tmp.resolve("shop")));
        URI uri;
        try (Running serve = new Running(p, "serve", "--port", "0")) {
            String out = serve.started();
            assertTrue(out.startsWith("Serving shop at http://127.0.0.1:"), out + serve.err);
            uri = address(out);
            HttpResponse<String> page = get(uri);
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(page.body().contains("id=\"live-strip\""), page.body());
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals(200, get(uri.resolve("/static/style.css")).statusCode());
            assertEquals(405, CLIENT.send(HttpRequest.newBuilder(uri).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(serve.out.toString().contains("Ctrl-C stops it."));
            assertEquals(ExitCodes.OK, serve.stop());
            assertTrue(serve.out.toString().contains("Stopped."));
        }
        try (ServerSocket again = new ServerSocket(uri.getPort(), 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(uri.getPort(), again.getLocalPort());
        }
    }

    @Test
    // covers feature-012/FR-012, feature-012/FR-009
    void jsonGivesTheAddressAndTheTokenForScripts() throws Exception {
        TestProject p = TestProject.initialised(Files.createDirectory(tmp.resolve("p")));
        try (Running serve = new Running(p, "serve", "--port", "0", "--json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = (Map<String, Object>) JsonReader.parse(serve.started());
            assertEquals("127.0.0.1", doc.get("host"));
            assertTrue(doc.containsKey("token"));
            assertNull(doc.get("token"));
            URI uri = URI.create((String) doc.get("url"));
            assertEquals(((Number) doc.get("port")).intValue(), uri.getPort());
            assertEquals(200, get(uri.resolve("/static/live.js")).statusCode());
            assertEquals(ExitCodes.OK, serve.stop());
        }
    }

    @Test
    // covers feature-012/FR-009, feature-012/FR-012
    void aTokenIsPrintedAndNeeded() throws Exception {
        TestProject p = TestProject.initialised(Files.createDirectory(tmp.resolve("p")));
        String token = "tok-" + "0123456789abcdef0123456789abcdef";
        try (Running serve = new Running(p, "serve", "--port", "0", "--token", token)) {
            String out = serve.started();
            URI uri = address(out);
            assertTrue(out.contains("Token: " + token), out);
            assertTrue(out.contains("Open:  " + uri + "?token=" + token), out);
            assertEquals(401, get(uri.resolve("/static/style.css")).statusCode());
            assertEquals(200, get(uri.resolve("/static/style.css"), "Authorization", "Bearer " + token)
                    .statusCode());
            assertEquals(ExitCodes.OK, serve.stop());
        }
    }

    @Test
    // covers feature-012/FR-012
    void aPortInUseIsAClearFailureNamingPort() throws Exception {
        TestProject p = TestProject.initialised(Files.createDirectory(tmp.resolve("p")));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = String.valueOf(taken.getLocalPort());
            TestProject.Result r = p.run("serve", "--port", port);
            assertEquals(ExitCodes.FAILURE, r.exit());
            assertTrue(r.err().contains("factory: port " + port + " on 127.0.0.1 is in use: choose another with"
                    + " --port N, or --port 0 for any free port"), r.err());
            TestProject.Result json = p.run("serve", "--port", port, "--json");
            assertEquals(ExitCodes.FAILURE, json.exit());
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = (Map<String, Object>) JsonReader.parse(json.out());
            assertEquals("port-in-use", doc.get("error"));
            assertEquals(ExitCodes.FAILURE, ((Number) doc.get("exitCode")).intValue());
        }
    }

    @Test
    // covers feature-012/FR-012
    void refusesOutsideAnInitialisedProjectAndBadArguments() throws Exception {
        TestProject bare = TestProject.gitRepository(Files.createDirectory(tmp.resolve("bare")));
        TestProject.Result r = bare.run("serve", "--port", "0");
        assertEquals(ExitCodes.FAILURE, r.exit());
        assertTrue(r.err().contains("factory init"), r.err());
        TestProject p = TestProject.initialised(Files.createDirectory(tmp.resolve("p")));
        assertEquals(ExitCodes.USAGE, p.run("serve", "--port", "70000").exit());
        assertEquals(ExitCodes.USAGE, p.run("serve", "--port", "x").exit());
        assertEquals(ExitCodes.USAGE, p.run("serve", "--host", "evil/x").exit());
        assertEquals(ExitCodes.USAGE, p.run("serve", "--token", "a b").exit());
    }

    @Test
    // covers feature-012/FR-012
    void helpSaysHowToUseIt() {
        TestProject p = TestProject.plainFolder(tmp);
        TestProject.Result r = p.run("serve", "--help");
        assertEquals(ExitCodes.OK, r.exit());
        for (String words : new String[] {"--port", "--host", "--token", "--open", "--json", "7070", "Ctrl-C",
            "127.0.0.1", "Exit codes", "port already in use"}) {
            assertTrue(r.out().contains(words), words + " in\n" + r.out());
        }
    }
}
