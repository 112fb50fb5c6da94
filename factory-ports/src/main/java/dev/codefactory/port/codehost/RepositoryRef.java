package dev.codefactory.port.codehost;

import java.util.Objects;
import java.util.regex.Pattern;

/** A repository on a host: {@code owner/name}. */
public record RepositoryRef(String owner, String name) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    public RepositoryRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (!PART.matcher(owner).matches() || !PART.matcher(name).matches() || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("not a repository name: '" + owner + "/" + name + "'");
        }
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
