package dev.codefactory.adapter.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plain-HTTP transport against a server on 127.0.0.1 that writes raw bytes: the three ways a body ends, chunks cut
 * at awkward places, the request it writes, and the ways an exchange stops before its headers (the wait ran out, a
 * cancel, an interrupt). The contract suites run every provider over it too.
 */
// covers feature-013/FR-004
class PlainHttpClientTest {
    private final ServerSocket server;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String received = "";

    PlainHttpClientTest() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        server.close();
    }

    /** Answers one connection: reads the request head, then lets {@code answer} write. */
    private void serve(Consumer<OutputStream> answer) {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    head.write(in.read());
                }
                String text = head.toString(StandardCharsets.ISO_8859_1);
                int length = text.toLowerCase().contains("content-length: 2\r\n") ? 2 : 0;
                received = text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
                answer.accept(s.getOutputStream());
                release.await(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the test sees what was written
            }
        }, "plain-http-test-server");
        t.setDaemon(true);
        t.start();
    }

    private static void write(OutputStream out, String... parts) {
        try {
            for (String part : parts) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Request post(String path) {
        return Request.create(Request.HttpMethod.POST, "http://127.0.0.1:" + server.getLocalPort() + path,
                Map.of("Content-Type", List.of("application/json"), "Content-Length", List.of("2")),
                "{}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
    }

    private static PlainHttpClient client() {
        return new PlainHttpClient("test", Duration.ofSeconds(5), HttpLog.forSecrets(List.of()));
    }

    private static String body(Response response) throws IOException {
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void reads_a_chunked_body_cut_at_awkward_places_and_writes_the_request_head() throws IOException {
        serve(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r",
                "\n\r\n5\r\nhel", "lo\r", "\n6;ext=1\r\n wor", "ld\r\n0\r\nTrailer: x\r\n\r\n"));

        Response response = client().execute(post("/api/chat?x=1"), new Exchange(Duration.ofSeconds(5),
                Duration.ofSeconds(30)));

        assertEquals(200, response.status());
        assertEquals(List.of("application/x-ndjson"), List.copyOf(response.headers().get("content-type")));
        assertEquals("hello world", body(response));
        assertTrue(received.startsWith("POST /api/chat?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.getLocalPort()
                + "\r\n"), received);
        assertTrue(received.contains("Content-Length: 2\r\n") && received.contains("Connection: close\r\n")
                && received.endsWith("\r\n\r\n{}"), received);
    }

    @Test
    void reads_a_body_of_a_stated_length_after_an_interim_response() throws IOException {
        serve(out -> write(out, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\n",
                "gone and more"));
        assertEquals("gone", body(client().execute(post("/"), new Exchange(Duration.ofSeconds(5),
                Duration.ofSeconds(30)))));
    }

    @Test
    void reads_to_the_end_of_the_connection_when_no_length_is_stated() throws Exception {
        serve(out -> {
            write(out, "HTTP/1.0 200 OK\r\n\r\n{\"done\":", "true}");
            try {
                out.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals("{\"done\":true}", body(client().execute(post("/"), new Exchange(Duration.ofSeconds(5),
                Duration.ofSeconds(30)))));
    }

    @Test
    void no_headers_within_the_wait_is_a_timeout() {
        serve(out -> write(out, "HTTP/1.1 200 OK\r\n"));

        assertThrows(Exchange.TimedOut.class, () -> client().execute(post("/"),
                new Exchange(Duration.ofSeconds(5), Duration.ofMillis(200))));
    }

    @Test
    void a_cancel_while_waiting_for_headers_stops_the_exchange() throws Exception {
        serve(out -> write(out, "HTTP/1.1 200 OK\r\n"));
        Exchange exchange = new Exchange(Duration.ofSeconds(5), Duration.ofSeconds(60));
        CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> {
            try {
                return client().execute(post("/"), exchange);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        while (received.isEmpty()) {
            Thread.sleep(10);
        }

        exchange.cancel();

        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getCause() instanceof Exchange.Cancelled, String.valueOf(e.getCause()));
    }

    @Test
    void an_interrupt_while_waiting_for_headers_stops_the_exchange() throws Exception {
        serve(out -> write(out, "HTTP/1.1 200 OK\r\n"));
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                client().execute(post("/"), new Exchange(Duration.ofSeconds(5), Duration.ofSeconds(60)));
                failure.complete(null);
            } catch (IOException | RuntimeException e) {
                failure.complete(e);
            }
        });
        caller.start();
        while (received.isEmpty()) {
            Thread.sleep(10);
        }

        caller.interrupt();

        assertTrue(failure.get(30, TimeUnit.SECONDS) instanceof Exchange.Cancelled);
    }
}
