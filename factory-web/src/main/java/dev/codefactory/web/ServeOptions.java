package dev.codefactory.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code factory serve} listens (feature-012, FR-009, FR-012).
 *
 * @param host           the interface to bind: {@code 127.0.0.1} by default; any other needs a token
 * @param port           the port; 0 picks a free one
 * @param token          the token every request must carry; empty on 127.0.0.1 unless given. The server generates
 *                       one when {@code host} is not loopback and none is given
 * @param allowedOrigins the origins answered with CORS headers; empty (the default): none
 */
public record ServeOptions(String host, int port, Optional<String> token, List<String> allowedOrigins) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public ServeOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is from 0 to 65535; it was " + port);
        }
    }

    /** 127.0.0.1 on {@code port}, no token, no CORS. */
    public static ServeOptions loopback(int port) {
        return new ServeOptions(LOOPBACK, port, Optional.empty(), List.of());
    }
}
