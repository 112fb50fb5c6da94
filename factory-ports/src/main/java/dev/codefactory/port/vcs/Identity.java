package dev.codefactory.port.vcs;

import java.util.Objects;

/** A person as git records them. */
public record Identity(String name, String email) {
    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
