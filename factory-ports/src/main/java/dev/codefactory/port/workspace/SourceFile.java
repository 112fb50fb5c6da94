package dev.codefactory.port.workspace;

import java.util.Objects;

/**
 * A file of the project.
 *
 * @param path     relative to the working tree, {@code /} separators
 * @param size     in bytes
 * @param language {@code Java}, {@code Markdown}, ... or {@code Text} when nothing more precise is known
 * @param tracked  whether git tracks it (false for an untracked, not ignored file)
 */
public record SourceFile(String path, long size, String language, boolean tracked) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(language, "language");
    }
}
