package dev.codefactory.port.codehost;

import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP request a {@link CodeHost} made, as it is audited: what was asked and how it ended, never a header, a body
 * or a query string (so never a token or a device code).
 *
 * @param method   the HTTP method: {@code GET}, {@code POST}...
 * @param path     the request's path on the host, without query: {@code /repos/octo/shop/pulls}
 * @param status   the HTTP status of the answer, 0 when none came (unreachable, timed out, cut off)
 * @param duration from sending the request to the answer's status line (or the failure)
 */
public record HostCall(String method, String path, int status, Duration duration) {
    public HostCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(duration, "duration");
        if (status < 0) {
            throw new IllegalArgumentException("status must be 0 (no answer) or an HTTP status, was " + status);
        }
    }

    /** {@code ok} for 1xx to 3xx, {@code error} for 4xx and 5xx, {@code no-answer} when none came. */
    public String outcome() {
        return status == 0 ? "no-answer" : status < 400 ? "ok" : "error";
    }
}
