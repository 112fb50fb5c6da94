package dev.codefactory.domain.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parsed front matter: the top-level keys in file order with their values (strings, numbers, booleans, lists and
 * maps, as a YAML core-schema reader gives them; null for an empty value), the 1-based line of each key, and the
 * lines of the opening and closing {@code ---}.
 */
// implements feature-001/FR-002
public record FrontMatter(Map<String, Object> values, Map<String, Integer> keyLines, int openLine, int closeLine) {

    public FrontMatter {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
        keyLines = Map.copyOf(keyLines);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Object get(String key) {
        return values.get(key);
    }

    /** The line of {@code key}, or the opening line when the key is absent. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, openLine);
    }
}
