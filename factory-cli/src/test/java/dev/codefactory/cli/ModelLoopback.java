package dev.codefactory.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.codefactory.domain.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A model on 127.0.0.1 that speaks Ollama's {@code /api/chat} (one JSON object, or NDJSON lines when streamed) and
 * {@code /api/tags}, answering each kind of request from a script: intake's questions, the spec's generation
 * (streamed in small chunks cut at awkward places, inside multi-byte characters included) and its repair round, and
 * review's analysis and its repair request, and a change order's requests (its plan, edits, regenerations and test
 * fixes, in the order they are asked). What
 * a script holds is what models really return: prose around JSON, fences, chatter, front matter, nothing at all.
 */
final class ModelLoopback implements AutoCloseable {
    /** Which request an intake makes, told apart by its system prompt. */
    enum Kind { QUESTIONS, GENERATION, REPAIR, REVIEW, REVIEW_REPAIR, CHANGE, RESCUE }

    private final HttpServer server;
    final Deque<String> questions = new ArrayDeque<>();
    final Deque<String> generations = new ArrayDeque<>();
    final Deque<String> repairs = new ArrayDeque<>();
    final Deque<String> reviews = new ArrayDeque<>();
    final Deque<String> reviewRepairs = new ArrayDeque<>();
    /** RESCUE's diagnoses (and their repair requests), in order; the last one repeats. */
    final Deque<String> diagnoses = new ArrayDeque<>();
    /**
     * The answers to a change order's requests (plan, edits, regeneration, test fixes), one each in the order they
     * come: strictly first in, first out (an empty answer once they run out), unlike the other scripts, whose last
     * answer repeats.
     */
    final Deque<String> changes = new ArrayDeque<>();
    /** Every chat request's body and kind, in order. */
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<Kind> kinds = new CopyOnWriteArrayList<>();
    /** Streams stop after this many bytes (no {@code done} line), to play a dropped connection; -1: never. */
    volatile int cutAfter = -1;
    /** Each answer waits this long first, to play a slow model. */
    volatile int delayMillis;
    /** Answers of a kind wait this long first (on top of {@link #delayMillis}), to play one slow request. */
    final Map<Kind, Integer> delays = new ConcurrentHashMap<>();
    /** The call with this number (0 for the first, in the order they come) waits this long first, on top of the rest. */
    final Map<Integer, Integer> callDelays = new ConcurrentHashMap<>();
    /** A streamed answer waits this long after each of its lines, to play a model that writes slowly. */
    volatile int lineDelayMillis;
    /** How many lines of streamed answers were written so far, for a test that waits for a stream under way. */
    final AtomicInteger linesSent = new AtomicInteger();

    ModelLoopback() throws IOException {
        this(null);
    }

    /** Over TLS with {@code tls}'s key (the address is then {@code https://}); plain HTTP when null. */
    ModelLoopback(SSLContext tls) throws IOException {
        // the JDK's server writes headers and body apart; without TCP_NODELAY every answer waits out a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "model-loopback");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/tags", ex -> send(ex, "{\"models\":[{\"name\":\"llama3.2:latest\"}]}"));
        server.createContext("/api/chat", this::chat);
        server.start();
    }

    /** For {@code OLLAMA_HOST} (or {@code llm.endpoint}). */
    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    static Kind kindOf(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        int user = lower.indexOf("\"role\":\"user\"");
        String system = user < 0 ? lower : lower.substring(0, user);
        if (system.contains("project is broken") || system.contains("diagnosis of a broken project")) {
            // first: a diagnosis speaks of fixes, and its repair request of a broken project's diagnosis
            return Kind.RESCUE;
        }
        if (system.contains("change order")) {
            // first: change-order prompts speak of fixing and repairing too
            return Kind.CHANGE;
        }
        if (system.contains("clarifying question")) {
            return Kind.QUESTIONS;
        }
        if (system.contains("reviewing code")) {
            return Kind.REVIEW;
        }
        if (system.contains("code review answer")) {
            return Kind.REVIEW_REPAIR;
        }
        if (system.contains("repair") || system.contains("fix")) {
            return Kind.REPAIR;
        }
        return Kind.GENERATION;
    }

    private void chat(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Kind kind = kindOf(body);
        int call;
        synchronized (bodies) {
            call = bodies.size();
            bodies.add(body);
            kinds.add(kind);
        }
        Deque<String> script = kind == Kind.QUESTIONS ? questions : kind == Kind.REPAIR ? repairs
                : kind == Kind.REVIEW ? reviews : kind == Kind.REVIEW_REPAIR ? reviewRepairs
                : kind == Kind.CHANGE ? changes : kind == Kind.RESCUE ? diagnoses : generations;
        String text = kind == Kind.CHANGE ? (script.isEmpty() ? "" : script.removeFirst())
                : script.isEmpty() ? "" : script.size() == 1 ? script.peekFirst() : script.removeFirst();
        int delay = delayMillis + delays.getOrDefault(kind, 0) + callDelays.getOrDefault(call, 0);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!body.contains("\"stream\":true")) {
            send(exchange, "{\"model\":\"llama3.2:latest\",\"message\":{\"role\":\"assistant\",\"content\":"
                    + quote(text) + "},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,"
                    + "\"eval_count\":20}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < text.length(); i += 7) {
                String piece = text.substring(i, Math.min(text.length(), i + 7));
                lines.append("{\"model\":\"llama3.2:latest\",\"message\":{\"role\":\"assistant\",\"content\":")
                        .append(quote(piece)).append("},\"done\":false}\n");
            }
            lines.append("{\"model\":\"llama3.2:latest\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                    + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,\"eval_count\":20}\n");
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            int limit = cutAfter < 0 ? bytes.length : Math.min(cutAfter, bytes.length);
            for (int i = 0; i < limit; i += 5) {
                int n = Math.min(5, limit - i);
                out.write(bytes, i, n);
                out.flush();
                boolean endOfLine = new String(bytes, i, n, StandardCharsets.ISO_8859_1).indexOf('\n') >= 0;
                if (endOfLine) {
                    linesSent.incrementAndGet();
                }
                if (lineDelayMillis > 0 && endOfLine) {
                    try {
                        Thread.sleep(lineDelayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quote(String s) {
        return JsonWriter.compact(s);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
