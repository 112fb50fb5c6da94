package dev.codefactory.domain.adopt;

import java.util.Objects;

/**
 * Where a piece of evidence is: a path relative to the project root with {@code /}, and a line (1-based; 0 for the
 * whole file). Shown as {@code path:line} ({@code path} alone for line 0).
 */
public record SourceLocation(String path, int line) implements Comparable<SourceLocation> {
    public SourceLocation {
        Objects.requireNonNull(path, "path");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (the whole file) or more, not " + line);
        }
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : Integer.compare(line, other.line);
    }

    @Override
    public String toString() {
        return line == 0 ? path : path + ":" + line;
    }
}
