package dev.codefactory.web.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Strong ETags from a response's bytes, and the conditional GET rule (feature-012, FR-006): a request whose
 * {@code If-None-Match} names the current tag (or {@code *}) is answered 304 with no body.
 */
// implements feature-012/FR-006
public final class ETags {
    private ETags() {
    }

    /** The quoted tag of {@code body}: the first 128 bits of its SHA-256, in hex. */
    public static String of(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(hash, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * {@code response} tagged; or 304 Not Modified (same tag, no body) when {@code request}'s {@code If-None-Match}
     * already holds it. Only a 200 is tagged.
     */
    public static Response conditional(Request request, Response response) {
        if (response.status() != 200) {
            return response;
        }
        String tag = of(response.body());
        String match = request.header("If-None-Match").orElse(null);
        if (match != null && matches(match, tag)) {
            return new Response(304, Map.of("ETag", tag), new byte[0]);
        }
        return response.withHeader("ETag", tag);
    }

    private static boolean matches(String header, String tag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
