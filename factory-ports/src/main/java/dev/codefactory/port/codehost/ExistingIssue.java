package dev.codefactory.port.codehost;

import java.util.Objects;

/** An issue already on the host: its number, web address, title, body (empty when it has none) and state. */
public record ExistingIssue(int number, String url, String title, String body, boolean open) {
    public ExistingIssue {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
    }
}
