package dev.codefactory.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's security rules, one place for each (feature-012, FR-008 to FR-011): the headers every answer
 * carries, the methods allowed, the {@code Host} names accepted (against DNS rebinding), the request path's
 * decoding and what it may not contain, the token and its cookie, and CORS (none unless configured).
 */
// implements feature-012/FR-008, feature-012/FR-009, feature-012/FR-010, feature-012/FR-011
final class Guard {
    static final String COOKIE = "factory_token";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The headers of every answer, pages, API, static files and errors alike. */
    static final Map<String, String> HEADERS = headers();
    static final String ALLOW = "GET, HEAD";
    /** Escapes still there after the one decoding: a dot, a slash, a backslash or a NUL encoded twice. */
    private static final List<String> DOUBLE_ENCODED = List.of("%2e", "%2f", "%5c", "%00");

    private final Optional<String> token;
    private final Set<String> hosts;
    private final List<String> origins;

    /**
     * The rules for a server on {@code boundHost}:{@code port}: besides the loopback names, the {@code Host} header
     * may name {@code boundHost} and each of {@code otherNames} (the interfaces' addresses, when it listens on all).
     */
    Guard(Optional<String> token, String boundHost, List<String> otherNames, int port, List<String> origins) {
        this.token = token;
        Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost", "[::1]"));
        names.add(bracketed(boundHost));
        otherNames.forEach(n -> names.add(bracketed(n)));
        Set<String> accepted = new LinkedHashSet<>();
        for (String name : names) {
            accepted.add(name.toLowerCase(Locale.ROOT) + ":" + port);
        }
        this.hosts = Set.copyOf(accepted);
        this.origins = List.copyOf(origins);
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put("Cache-Control", "no-cache");
        return Map.copyOf(h);
    }

    /** A new token: 32 random bytes, URL-safe base64 without padding. */
    static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code method} is one the mirror answers: it never changes the project. */
    static boolean allowed(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** Whether the request's {@code Host} header names this server (absent: refused). */
    boolean hostAccepted(Optional<String> host) {
        return host.map(h -> hosts.contains(h.trim().toLowerCase(Locale.ROOT))).orElse(false);
    }

    /** The host names accepted, for the explanation of a refusal. */
    Set<String> hosts() {
        return hosts;
    }

    /** Whether a token is needed at all. */
    boolean tokenNeeded() {
        return token.isPresent();
    }

    /** Whether {@code candidate} is the token, compared in constant time. */
    boolean matches(String candidate) {
        if (token.isEmpty() || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request carries the token in its {@code Authorization: Bearer} header or in the cookie. */
    boolean carriesToken(Optional<String> authorization, List<String> cookies) {
        if (authorization.isPresent() && authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(authorization.get().substring(7).trim())) {
            return true;
        }
        for (String header : cookies) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(COOKIE) && matches(pair.substring(eq + 1).trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The cookie that carries the token from then on. */
    String cookie() {
        return COOKIE + "=" + token.orElseThrow() + "; HttpOnly; SameSite=Strict; Path=/";
    }

    /** The CORS answer for {@code origin}: only for a configured origin. */
    Optional<String> allowedOrigin(Optional<String> origin) {
        return origin.filter(origins::contains);
    }

    /**
     * The path of {@code rawPath} decoded once, or empty when it is refused: a bad escape, a NUL or other control
     * character, a backslash, a leading {@code //} (which a redirect would send to another site), or a {@code .} or
     * {@code ..} segment, whether written plainly or encoded (once or
     * twice).
     */
    static Optional<String> path(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.startsWith("//")) { // "//host": another site
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '\ufffd') {
                return Optional.empty();
            }
        }
        String lower = decoded.toLowerCase(Locale.ROOT);
        for (String twice : DOUBLE_ENCODED) {
            if (lower.contains(twice)) {
                return Optional.empty();
            }
        }
        if (decoded.startsWith("//")) {
            return Optional.empty();
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.empty();
            }
        }
        return Optional.of(decoded);
    }

    /** The query's parameters decoded, each with its values in order; empty when an escape is bad. */
    static Optional<Map<String, List<String>>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.of(out);
        }
        try {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** {@code rawQuery} without its {@code token} parameters (raw, as given), or null when nothing is left. */
    static String withoutToken(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = pair;
            }
            if (!pair.isEmpty() && !name.equals("token")) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }
}
