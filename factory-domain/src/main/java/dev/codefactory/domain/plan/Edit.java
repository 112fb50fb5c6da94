package dev.codefactory.domain.plan;

import java.util.Objects;

/** A search/replace edit anchored on text that exists in the file. */
public record Edit(String search, String replace) {
    public Edit {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(replace, "replace");
        if (search.isEmpty()) {
            throw new IllegalArgumentException("an edit needs non-empty search text to anchor on");
        }
    }
}
