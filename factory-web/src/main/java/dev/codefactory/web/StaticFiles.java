package dev.codefactory.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import dev.codefactory.web.http.ETags;
import dev.codefactory.web.http.Request;
import dev.codefactory.web.http.Response;

/**
 * The files under {@code /static/}: only what ships in the classpath folder {@code dev/codefactory/web/static/},
 * named by one plain file name of an allowed type (no folder, no dot-file), never anything from the project
 * (feature-012, FR-011). Each is read once and answered with its content type and an ETag.
 */
// implements feature-012/FR-011
final class StaticFiles {
    static final String PREFIX = "/static/";
    private static final String FOLDER = "dev/codefactory/web/static/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*\\.(css|js|svg|png|ico|woff2)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    /** The answer for a request whose path starts with {@link #PREFIX}, or empty when there is no such file. */
    Optional<Response> answer(Request request) {
        String name = request.path().substring(PREFIX.length());
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = cache.computeIfAbsent(name, StaticFiles::load);
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        return bytes.map(b -> ETags.conditional(request, new Response(200, Map.of("Content-Type", type), b)));
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the static file " + name, e);
        }
    }
}
