package dev.codefactory.port.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One request to a code host (GitHub) as the audit log keeps it, beside the language model calls: never a token, a
 * header, a body or a query string.
 *
 * @param host     the code host's id: {@code github}
 * @param method   {@code GET}, {@code POST}...
 * @param path     the request's path, without query
 * @param status   the HTTP status, 0 when no answer came
 * @param outcome  {@code ok}, {@code error} (4xx, 5xx) or {@code no-answer}
 */
public record HostCallEntry(Instant time, String host, String method, String path, int status, Duration duration,
                            String outcome) {
    public HostCallEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
