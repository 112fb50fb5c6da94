package dev.codefactory.port.codehost;

import java.util.Objects;

/** The signed-in user: {@code login}, display name (may be empty), profile address, and the token's scopes. */
public record HostUser(String login, String name, String url, String scopes) {
    public HostUser {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(scopes, "scopes");
    }
}
