package dev.codefactory.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * GitHub on loopback (127.0.0.1, a free port): answers scripted per {@code METHOD path}, the way GitHub does (JSON
 * bodies, its headers, {@code 404 Not Found} for anything unscripted), and records every request it receives.
 */
public final class FakeGitHub implements AutoCloseable {

    /** One request as received; header names in lower case. */
    public record Received(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One scripted answer; {@code hang} never answers (until the server closes). */
    public record Reply(int status, Map<String, String> headers, String body, boolean hang) {
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, false);
        }

        public static Reply hanging() {
            return new Reply(0, Map.of(), "", true);
        }

        public Reply with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Reply(status, more, body, hang);
        }
    }

    private static final Function<Received, Reply> NOT_FOUND = request -> Reply.json(404,
            "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Function<Received, Reply>> routes = new ConcurrentHashMap<>();
    private volatile Function<Received, Reply> otherwise = NOT_FOUND;
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private FakeGitHub(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeGitHub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-github");
            t.setDaemon(true);
            return t;
        });
        FakeGitHub fake = new FakeGitHub(server, executor);
        server.createContext("/", fake::handle);
        server.setExecutor(executor);
        server.start();
        return fake;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} with {@code replies} in turn, the last one from then on. */
    public FakeGitHub on(String method, String path, Reply... replies) {
        Deque<Reply> queue = new ArrayDeque<>(List.of(replies));
        return on(method, path, request -> {
            synchronized (queue) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        });
    }

    /** Answers {@code method path} with what {@code answer} makes of each request. */
    public FakeGitHub on(String method, String path, Function<Received, Reply> answer) {
        routes.put(method + " " + path, answer);
        return this;
    }

    /** Answers every unscripted request with what {@code answer} makes of it (instead of GitHub's 404). */
    public FakeGitHub otherwise(Function<Received, Reply> answer) {
        otherwise = answer;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The one request received; fails when there were none or several. */
    public Received only() {
        List<Received> all = received();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    String.join(", ", values)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Received request = new Received(method, path, exchange.getRequestURI().getRawQuery(), headers, body);
            synchronized (this) {
                received.add(request);
            }
            Reply reply = routes.getOrDefault(method + " " + path, otherwise).apply(request);
            if (reply == null) {
                reply = NOT_FOUND.apply(request);
            }
            if (reply.hang()) {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("X-GitHub-Media-Type", "github.v3; format=json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
