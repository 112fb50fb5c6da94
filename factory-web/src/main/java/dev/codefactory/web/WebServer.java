package dev.codefactory.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.spec.InvalidSpecificationException;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.web.api.Api;
import dev.codefactory.web.http.Html;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;
import dev.codefactory.web.http.Router;
import dev.codefactory.web.live.EventStream;
import dev.codefactory.web.page.Layout;

/**
 * The mirror's HTTP server on the JDK's {@code com.sun.net.httpserver}: the routes of {@link WebRoutes}, the static
 * files, the live stream, and the security rules of feature-012 (FR-008 to FR-011, kept in {@link Guard}). Each
 * request passes, in order, the {@code Host} check (421), the method check (405), the path check (400) and the
 * token check (401) before anything of the project is read. A small bounded pool of daemon threads answers.
 */
// implements feature-012/FR-008, feature-012/FR-009, feature-012/FR-011, feature-012/NFR-001
public final class WebServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebServer.class.getName());
    private static final int THREADS = 8;
    private static final int QUEUE = 256;
    private static final String STREAM = Api.PREFIX + "/events/stream";

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventStream stream;
    private final Router router;
    private final StaticFiles files = new StaticFiles();
    private final Guard guard;
    private final Optional<String> token;
    private final URI address;

    private WebServer(HttpServer server, ExecutorService executor, EventStream stream, Router router,
                      Optional<String> token, ServeOptions options) {
        this.server = server;
        this.executor = executor;
        this.stream = stream;
        this.router = router;
        this.token = token;
        int port = server.getAddress().getPort();
        this.guard = new Guard(token, options.host(), interfaceNames(server.getAddress().getAddress()), port,
                options.allowedOrigins());
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        this.address = URI.create("http://" + host + ":" + port + "/");
    }

    /**
     * Starts serving {@code factory}'s project as {@code options} say; returns once the socket is bound. A host
     * other than loopback without a token gets a generated one.
     *
     * @throws PortInUseException when the port is taken
     */
    public static WebServer start(CodeFactory factory, ServeOptions options) {
        WebServer web = start(factory, options, WebRoutes.of(factory.mirror()));
        // the catalog of a large project takes seconds to read and validate: begin at once, not on the first visit
        Thread warm = new Thread(() -> {
            try {
                factory.mirror().catalog().warm();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "could not read the catalog ahead of the first page", e);
            }
        }, "factory-web-warm");
        warm.setDaemon(true);
        warm.start();
        return web;
    }

    /** {@link #start(CodeFactory, ServeOptions)} with {@code routes} in place of the mirror's (tests add some). */
    static WebServer start(CodeFactory factory, ServeOptions options, Router routes) {
        Optional<String> token = options.token().filter(t -> !t.isBlank())
                .or(() -> loopback(options.host()) ? Optional.empty() : Optional.of(Guard.newToken()));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()),
                    64);
        } catch (BindException e) {
            throw new PortInUseException(options.host(), options.port(), e);
        } catch (IOException e) {
            throw new FactoryException("could not listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        ExecutorService executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE), daemons(), new ThreadPoolExecutor.CallerRunsPolicy());
        EventStream stream = new EventStream(factory.events());
        WebServer web = new WebServer(server, executor, stream, routes, token, options);
        server.setExecutor(executor);
        server.createContext("/", web::exchange);
        stream.start();
        server.start();
        return web;
    }

    /**
     * When listening on every interface ({@code 0.0.0.0}), the addresses a browser may name it by: each interface's
     * address and this machine's name. Otherwise none beyond the host it was given.
     */
    private static List<String> interfaceNames(InetAddress bound) {
        if (!bound.isAnyLocalAddress()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int scope = text.indexOf('%');
                    names.add(scope < 0 ? text : text.substring(0, scope));
                }
            }
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not list the interfaces", e);
        }
        return names;
    }

    private static boolean loopback(String host) {
        return host.equals(ServeOptions.LOOPBACK) || host.equalsIgnoreCase("localhost") || host.equals("::1");
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "factory-web-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Where it listens: {@code http://127.0.0.1:7070/}. */
    public URI address() {
        return address;
    }

    /** The token every request must carry, when one is needed. */
    public Optional<String> token() {
        return token;
    }

    /** Stops accepting, ends the live streams, and returns when the port is free. */
    @Override
    public void close() {
        stream.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) {
        boolean done = true;
        try {
            done = answer(exchange);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.DEBUG, "a client went away", e);
        } finally {
            if (done) {
                exchange.close();
            }
        }
    }

    /** Answers {@code exchange}; false when the live stream took it over (and must not be closed here). */
    private boolean answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        boolean head = method.equals("HEAD");
        Map<String, List<String>> headers = headers(exchange.getRequestHeaders());
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        boolean api = rawPath != null && (rawPath.equals(Api.PREFIX) || rawPath.startsWith("/api/"));
        Optional<String> origin = first(headers, "origin");
        if (!guard.hostAccepted(first(headers, "host"))) {
            send(exchange, head, origin, error(api, 421, "Misdirected request", "This server answers only to the"
                    + " host names " + String.join(", ", guard.hosts()) + " (the Host header is checked against"
                    + " DNS rebinding)."));
            return true;
        }
        if (!Guard.allowed(method)) {
            send(exchange, head, origin, error(api, 405, "Method not allowed", "The mirror is read-only: only GET"
                    + " and HEAD are answered.").withHeader("Allow", Guard.ALLOW));
            return true;
        }
        Optional<String> path = Guard.path(rawPath);
        Optional<Map<String, List<String>>> query = Guard.query(uri.getRawQuery());
        if (path.isEmpty() || query.isEmpty()) {
            send(exchange, head, origin, error(api, 400, "Bad request", "That path or query is not allowed."));
            return true;
        }
        if (guard.tokenNeeded()) {
            List<String> given = query.get().get("token");
            if (given != null && !given.isEmpty()) {
                Response answer = guard.matches(given.get(0)) ? redirect(rawPath, uri.getRawQuery())
                        : unauthorized(api);
                send(exchange, head, origin, answer);
                return true;
            }
            if (!guard.carriesToken(first(headers, "authorization"), headers.getOrDefault("cookie", List.of()))) {
                send(exchange, head, origin, unauthorized(api));
                return true;
            }
        }
        Request request = new Request(method, path.get(), query.get(), headers, Map.of());
        if (path.get().equals(STREAM)) {
            if (head) {
                send(exchange, true, origin, new Response(200, Map.of("Content-Type", "text/event-stream"),
                        new byte[0]));
                return true;
            }
            return !stream(exchange, origin);
        }
        send(exchange, head, origin, route(request, api));
        return true;
    }

    /** Hands the exchange to the live stream; true when it took it over. */
    private boolean stream(HttpExchange exchange, Optional<String> origin) throws IOException {
        Headers out = exchange.getResponseHeaders();
        Guard.HEADERS.forEach(out::set);
        cors(out, origin);
        try {
            stream.attach(exchange);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "the live stream failed", e);
            if (exchange.getResponseCode() == -1) {
                send(exchange, false, origin, Api.error(500, "The live stream is not available."));
            }
            return false;
        }
    }

    private Response route(Request request, boolean api) {
        try {
            if (request.path().startsWith(StaticFiles.PREFIX)) {
                return files.answer(request).orElseGet(() -> notFound(api));
            }
            return router.handle(request).orElseGet(() -> notFound(api));
        } catch (SpecNotFoundException e) {
            return error(api, 404, "Not found", e.getMessage());
        } catch (InvalidCommandException | UnsafePathException | InvalidSpecificationException e) {
            return error(api, 400, "Bad request", e.getMessage());
        } catch (FactoryException e) {
            LOG.log(Level.DEBUG, "a request failed", e);
            return error(api, 500, "Server error", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.DEBUG, "a request failed", e);
            return error(api, 500, "Server error", "Something went wrong while answering; nothing was changed.");
        }
    }

    private static Response notFound(boolean api) {
        return error(api, 404, "Not found", "There is no such page.");
    }

    private static Response unauthorized(boolean api) {
        return error(api, 401, "Token needed", "This server needs its token: open the address with ?token=... as"
                + " 'factory serve' printed it, or send 'Authorization: Bearer ...'.");
    }

    private Response redirect(String rawPath, String rawQuery) {
        String rest = Guard.withoutToken(rawQuery);
        return new Response(303, Map.of("Location", rawPath + (rest == null ? "" : "?" + rest),
                "Set-Cookie", guard.cookie()), new byte[0]);
    }

    /** An error as JSON (for the API) or as a short page. */
    private static Response error(boolean api, int status, String title, String message) {
        if (api) {
            return Api.error(status, message);
        }
        String page = Layout.page(title, null, "<h1>" + Html.text(title) + "</h1>\n<p class=\"error\">"
                + Html.text(message) + "</p>");
        return Response.of(status, Response.HTML, page);
    }

    private void cors(Headers out, Optional<String> origin) {
        guard.allowedOrigin(origin).ifPresent(o -> {
            out.set("Access-Control-Allow-Origin", o);
            out.set("Vary", "Origin");
        });
    }

    private void send(HttpExchange exchange, boolean head, Optional<String> origin, Response response)
            throws IOException {
        Headers out = exchange.getResponseHeaders();
        response.headers().forEach(out::set);
        Guard.HEADERS.forEach(out::set);
        cors(out, origin);
        byte[] body = response.body();
        int status = response.status();
        boolean empty = head || status == 304 || status == 204 || body.length == 0;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    private static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
        return out;
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
