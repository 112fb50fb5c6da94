package dev.codefactory.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.web.http.ETags;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;

/**
 * How every endpoint of the REST API answers (feature-012, FR-006): JSON through the one JSON writer, tagged for
 * conditional GETs; lists paginated by {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and
 * an opaque {@code cursor}, as {@code {"items": [...], "total": N, "next": "cursor or null"}}; errors as
 * {@code {"error": {"status": N, "message": "..."}}}.
 */
// implements feature-012/FR-006
public final class Api {
    public static final String PREFIX = "/api/v1";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final Pattern CURSOR = Pattern.compile("o(0|[1-9][0-9]{0,8})");

    private Api() {
    }

    /** {@code value} (maps, lists, strings, numbers, booleans, null) as a tagged JSON answer. */
    public static Response json(Request request, Object value) {
        return ETags.conditional(request, Response.json(JsonWriter.compact(value)));
    }

    /** One page of {@code items} as the request's {@code limit} and {@code cursor} ask; 400 for a bad one. */
    public static Response list(Request request, List<?> items) {
        int limit;
        int offset;
        try {
            limit = request.param("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
            offset = request.param("cursor").map(Api::offset).orElse(0);
        } catch (IllegalArgumentException e) {
            return error(400, "limit must be a whole number from 1 to " + MAX_LIMIT
                    + ", and cursor one that an earlier page gave as next");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return error(400, "limit must be a whole number from 1 to " + MAX_LIMIT + "; it was " + limit);
        }
        int from = Math.min(offset, items.size());
        int to = Math.min(items.size(), from + limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items.subList(from, to));
        page.put("total", items.size());
        page.put("next", to < items.size() ? cursor(to) : null);
        return json(request, page);
    }

    /** An error answer: {@code {"error": {"status": N, "message": "..."}}}. */
    public static Response error(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("message", message);
        return Response.of(status, Response.JSON, JsonWriter.compact(Map.of("error", error)));
    }

    static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a cursor of {@link #cursor} holds; anything else (not base64url, not ours) is refused. */
    static int offset(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!CURSOR.matcher(text).matches()) {
            throw new IllegalArgumentException("not a cursor: " + cursor);
        }
        return Integer.parseInt(text.substring(1));
    }
}
