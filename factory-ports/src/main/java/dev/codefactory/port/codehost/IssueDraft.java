package dev.codefactory.port.codehost;

import java.util.List;
import java.util.Objects;

/** An issue to open, with labels. */
public record IssueDraft(String title, String body, List<String> labels) {
    public IssueDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        labels = List.copyOf(labels);
        if (title.isBlank()) {
            throw new IllegalArgumentException("an issue needs a title");
        }
    }
}
