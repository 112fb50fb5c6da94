package dev.codefactory.mcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExchangesTest {
    private static final String REQUESTS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
            + "not json at all\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"tools/call\",\"params\":{}}\n";

    /** Reads {@code in} to its end on a thread of its own; the latch opens when the end was returned. */
    private static CountDownLatch readToTheEnd(InputStream in) {
        CountDownLatch done = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                in.readAllBytes();
                done.countDown();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return done;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_end_of_the_input_waits_until_every_request_has_its_answer() throws Exception {
        Exchanges exchanges = new Exchanges();
        CountDownLatch ended = new CountDownLatch(1);
        InputStream in = exchanges.input(new ByteArrayInputStream(REQUESTS.getBytes(StandardCharsets.UTF_8)),
                60_000, ended::countDown);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream out = exchanges.output(written);
        CountDownLatch done = readToTheEnd(in);
        assertFalse(done.await(300, TimeUnit.MILLISECONDS), "two requests are unanswered");
        // a notification from the server is no answer; the first answer leaves one request open
        write(out, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n");
        write(out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n");
        assertFalse(done.await(300, TimeUnit.MILLISECONDS), "one request is unanswered");
        assertEquals(1, ended.getCount());
        // an answer written in two pieces counts once it is whole
        write(out, "{\"jsonrpc\":\"2.0\",\"id\":\"b\",");
        assertFalse(done.await(200, TimeUnit.MILLISECONDS), "half an answer is none");
        write(out, "\"error\":{\"code\":-32602,\"message\":\"no\"}}\n");
        assertTrue(done.await(10, TimeUnit.SECONDS), "every request answered: the end goes through");
        assertEquals(0, ended.getCount());
        assertTrue(written.toString(StandardCharsets.UTF_8).endsWith("\"message\":\"no\"}}\n"));
    }

    @Test
    void the_input_passes_through_unchanged_and_the_wait_is_bounded() throws Exception {
        Exchanges exchanges = new Exchanges();
        CountDownLatch ended = new CountDownLatch(1);
        InputStream in = exchanges.input(new ByteArrayInputStream(REQUESTS.getBytes(StandardCharsets.UTF_8)),
                200, ended::countDown);
        long start = System.nanoTime();
        assertArrayEquals(REQUESTS.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        assertTrue(System.nanoTime() - start >= 150_000_000L, "it waited for the answers");
        assertEquals(0, ended.getCount(), "nobody answered: it ends after the limit all the same");
    }

    @Test
    void a_request_never_answered_holds_the_end_back_only_while_something_happens() throws Exception {
        Exchanges exchanges = new Exchanges();
        CountDownLatch ended = new CountDownLatch(1);
        InputStream in = exchanges.input(new ByteArrayInputStream(REQUESTS.getBytes(StandardCharsets.UTF_8)),
                600_000, ended::countDown);
        long start = System.nanoTime();
        CountDownLatch done = readToTheEnd(in);
        // a call that runs a while: the end waits for it, then for the idle time after it
        exchanges.call(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertFalse(done.await(3, TimeUnit.SECONDS), "the idle time runs from the call's end");
        assertTrue(done.await(10, TimeUnit.SECONDS), "nothing happens: the end goes through");
        long waited = (System.nanoTime() - start) / 1_000_000L;
        assertTrue(waited >= 1000 + Exchanges.IDLE_NANOS / 1_000_000L - 100, "waited " + waited + " ms");
        assertEquals(0, ended.getCount());
    }

    @Test
    void an_input_without_requests_ends_at_once() throws Exception {
        Exchanges exchanges = new Exchanges();
        CountDownLatch ended = new CountDownLatch(1);
        InputStream in = exchanges.input(new ByteArrayInputStream(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n".getBytes(StandardCharsets.UTF_8)),
                60_000, ended::countDown);
        assertTrue(readToTheEnd(in).await(5, TimeUnit.SECONDS));
        assertEquals(0, ended.getCount());
    }
}
