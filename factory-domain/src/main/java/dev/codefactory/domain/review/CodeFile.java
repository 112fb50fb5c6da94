package dev.codefactory.domain.review;

import java.util.Objects;

/**
 * A source file given to a REVIEW.
 *
 * @param path     its path relative to the project root, with {@code /} separators; answers cite it
 * @param language its language as {@code Languages} names it ({@code null} counts as {@code ""}: unknown)
 * @param text     its content
 */
public record CodeFile(String path, String language, String text) {
    public CodeFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        language = language == null ? "" : language;
        if (path.isBlank()) {
            throw new IllegalArgumentException("a code file needs a path");
        }
    }
}
