package dev.codefactory.adapter.llm.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feign's transport for {@code https://} over {@link HttpClient} ({@code http://} goes to {@link PlainHttpClient}, which
 * loads no TLS), chosen over Feign's default {@code HttpURLConnection} client because a
 * streamed answer must be abortable from another thread at any moment, including while the request is still waiting
 * for its response headers: the exchange runs asynchronously and its {@link Exchange} can cancel it. The body is
 * handed back unread and unbuffered (length unknown to Feign), so a stream is read as it arrives.
 */
final class JdkFeignClient implements Client {
    /** Headers {@link HttpClient} sets itself and refuses from callers (Feign adds Content-Length). */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final String providerId;
    private final Duration connectTimeout;
    private final HttpLog log;
    private final Object lock = new Object();
    private HttpClient http;

    JdkFeignClient(String providerId, Duration connectTimeout, HttpLog log) {
        this.providerId = providerId;
        this.connectTimeout = connectTimeout;
        this.log = log;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Exchange exchange = options instanceof Exchange ? (Exchange) options : null;
        Duration wait = Exchange.headerWait(options);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(wait);
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        byte[] body = request.body();
        builder.method(request.httpMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpRequest http = builder.build();
        long started = System.nanoTime();
        log.request(providerId, request);
        CompletableFuture<HttpResponse<InputStream>> future =
                client().sendAsync(http, HttpResponse.BodyHandlers.ofInputStream());
        if (exchange != null) {
            exchange.attach(() -> future.cancel(true));
        }
        HttpResponse<InputStream> response;
        try {
            response = future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Exchange.TimedOut(wait);
        } catch (CancellationException e) {
            throw new Exchange.Cancelled();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Exchange.Cancelled();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (exchange != null && exchange.isCancelled()) {
                throw new Exchange.Cancelled();
            }
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw new Exchange.TimedOut(wait);
            }
            throw cause instanceof IOException ? (IOException) cause : new IOException(String.valueOf(cause), cause);
        }
        log.response(providerId, request, response.statusCode(), Duration.ofNanos(System.nanoTime() - started));
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach(headers::put);
        return Response.builder()
                .request(request)
                .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
                .status(response.statusCode())
                .headers(headers)
                .body(response.body(), null)
                .build();
    }

    private HttpClient client() {
        synchronized (lock) {
            if (http == null) {
                http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
            }
            return http;
        }
    }
}
