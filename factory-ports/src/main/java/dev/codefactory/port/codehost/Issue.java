package dev.codefactory.port.codehost;

import java.util.Objects;

/** An opened issue: its number and web address. */
public record Issue(int number, String url) {
    public Issue {
        Objects.requireNonNull(url, "url");
    }
}
