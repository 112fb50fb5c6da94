package dev.codefactory.web.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The routes: a GET pattern per page or endpoint ({@code /specs/{id}}, {@code /api/v1/specs}), matched segment by
 * segment; a {@code {name}} segment matches one non-empty segment and is given to the handler as a path parameter.
 * HEAD is answered as GET. Routes are matched in the order added. Tests call {@link #handle} without a server.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** Adds a GET (and HEAD) route. */
    public Router get(String pattern, Handler handler) {
        routes.add(new Route(segments(pattern), pattern, Objects.requireNonNull(handler, "handler")));
        return this;
    }

    /** The patterns added, in order. */
    public List<String> patterns() {
        return routes.stream().map(Route::pattern).toList();
    }

    /** The handler's answer for {@code request}, or empty when no route matches its path. */
    public Optional<Response> handle(Request request) {
        List<String> path = segments(request.path());
        for (Route route : routes) {
            Map<String, String> params = route.match(path);
            if (params != null) {
                return Optional.of(route.handler().handle(request.withPathParams(params)));
            }
        }
        return Optional.empty();
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private record Route(List<String> segments, String pattern, Handler handler) {
        Map<String, String> match(List<String> path) {
            if (path.size() != segments.size()) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String want = segments.get(i);
                if (want.startsWith("{") && want.endsWith("}")) {
                    params.put(want.substring(1, want.length() - 1), path.get(i));
                } else if (!want.equals(path.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }
}
