package dev.codefactory.port.files;

import java.time.Instant;
import java.util.Objects;

/**
 * A file {@link ProjectFiles#walk} found.
 *
 * @param path     relative to the project root, with {@code /}
 * @param size     its size in bytes
 * @param modified when it was last written
 */
public record FoundFile(String path, long size, Instant modified) {
    public FoundFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modified, "modified");
    }
}
