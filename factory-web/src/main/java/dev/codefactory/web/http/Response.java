package dev.codefactory.web.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One answer: a status, headers and a body held in memory (pages and JSON are small; the live stream is not a
 * {@code Response} but a stream of its own). The server adds the headers every answer carries (security policy,
 * no caching of secrets) on top of these.
 */
public final class Response {
    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    public Response(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    public static Response html(String html) {
        return of(200, HTML, html);
    }

    public static Response json(String json) {
        return of(200, JSON, json);
    }

    /** {@code status} with a body of {@code type}. */
    public static Response of(int status, String type, String body) {
        return new Response(status, Map.of("Content-Type", type), body.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The value of header {@code name} (exact case as set), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** This response with header {@code name} set to {@code value}. */
    public Response withHeader(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new Response(status, next, body);
    }
}
