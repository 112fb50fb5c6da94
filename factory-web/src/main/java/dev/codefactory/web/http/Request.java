package dev.codefactory.web.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the routes see it, independent of the server that received it (tests build them directly).
 *
 * @param method     the HTTP method, upper case
 * @param path       the decoded path, starting with {@code /}
 * @param query      the decoded query parameters, each with its values in order
 * @param headers    the headers, names in lower case
 * @param pathParams the values of the route pattern's {@code {name}} segments (filled in by the {@link Router})
 */
public record Request(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                      Map<String, String> pathParams) {
    public Request {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(Objects.requireNonNull(query, "query"));
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        pathParams = Map.copyOf(Objects.requireNonNull(pathParams, "pathParams"));
    }

    /** A GET of {@code path} with {@code query}, no headers: for tests and internal calls. */
    public static Request get(String path, Map<String, List<String>> query) {
        return new Request("GET", path, query, Map.of(), Map.of());
    }

    /** The first value of query parameter {@code name}, if given and not blank. */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null ? Optional.empty()
                : values.stream().filter(v -> !v.isBlank()).findFirst();
    }

    /** Every non-blank value of query parameter {@code name}. */
    public List<String> params(String name) {
        return query.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The value of the route's {@code {name}} segment. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no {" + name + "} segment");
        }
        return value;
    }

    /** This request with the route's path parameters. */
    public Request withPathParams(Map<String, String> params) {
        return new Request(method, path, query, headers, params);
    }
}
