package dev.codefactory.port.codehost;

import java.util.Objects;

/** An opened pull request: its number and web address. */
public record PullRequest(int number, String url, boolean draft) {
    public PullRequest {
        Objects.requireNonNull(url, "url");
    }
}
