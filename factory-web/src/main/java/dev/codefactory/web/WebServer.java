package dev.codefactory.web;

import java.net.URI;
import java.util.Optional;
import dev.codefactory.app.CodeFactory;

/**
 * SKELETON (issue 17): the mirror's HTTP server on the JDK's {@code com.sun.net.httpserver}: the routes of
 * {@link WebRoutes}, the static files, the live stream, and the security rules of feature-012 (FR-008 to FR-011).
 * The server helper fills this in.
 */
public final class WebServer implements AutoCloseable {

    private WebServer() {
    }

    /** Starts serving {@code factory}'s project as {@code options} say; returns once the socket is bound. */
    public static WebServer start(CodeFactory factory, ServeOptions options) {
        throw new UnsupportedOperationException("skeleton: WebServer.start");
    }

    /** Where it listens: {@code http://127.0.0.1:7070/}. */
    public URI address() {
        throw new UnsupportedOperationException("skeleton: WebServer.address");
    }

    /** The token every request must carry, when one is needed. */
    public Optional<String> token() {
        throw new UnsupportedOperationException("skeleton: WebServer.token");
    }

    /** Stops accepting, ends the live streams, and returns when the port is free. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("skeleton: WebServer.close");
    }
}
