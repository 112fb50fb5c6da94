package dev.codefactory.adapter.github;

import dev.codefactory.port.codehost.HostCall;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Feign's transport, telling {@code calls} of every request it sends: the method, the path without its query, the
 * status (0 when no answer came) and how long the answer took to start. Nothing else of the request leaves here, so
 * the token (a header), a device code (a body) and query strings stay out of what is told.
 */
// implements feature-004/FR-007
final class ReportingClient implements Client {
    private final Client delegate;
    private final Clock clock;
    private final Consumer<HostCall> calls;

    ReportingClient(Client delegate, Clock clock, Consumer<HostCall> calls) {
        this.delegate = delegate;
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Instant start = clock.instant();
        Response response;
        try {
            response = delegate.execute(request, options);
        } catch (IOException | RuntimeException e) {
            report(request, 0, start);
            throw e;
        }
        report(request, response.status(), start);
        return response;
    }

    private void report(Request request, int status, Instant start) {
        calls.accept(new HostCall(request.httpMethod().name(), path(request.url()), Math.max(0, status),
                Duration.between(start, clock.instant())));
    }

    /** The path of {@code url}, without user information, query or fragment; "/" when it has none. */
    static String path(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            int start = url.indexOf("://");
            int slash = url.indexOf('/', start < 0 ? 0 : start + 3);
            String rest = slash < 0 ? "/" : url.substring(slash);
            int end = rest.indexOf('?');
            return end < 0 ? rest : rest.substring(0, end);
        }
    }
}
