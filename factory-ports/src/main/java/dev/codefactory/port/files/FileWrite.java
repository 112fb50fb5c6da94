package dev.codefactory.port.files;

import java.util.Objects;

/**
 * One file to write: {@code content} replaces (or creates) the file at {@code path}; a null {@code content} deletes
 * it.
 */
public record FileWrite(String path, String content) {
    public FileWrite {
        Objects.requireNonNull(path, "path");
    }

    public static FileWrite delete(String path) {
        return new FileWrite(path, null);
    }

    public boolean deletes() {
        return content == null;
    }
}
