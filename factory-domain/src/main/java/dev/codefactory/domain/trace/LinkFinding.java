package dev.codefactory.domain.trace;

import java.util.Objects;

/**
 * A reference after {@code implements}, {@code covers} or in a {@code @Tag} that was meant as a link but is not a
 * valid one (feature-010, FR-013), e.g. {@code feature-010/FR-1} after {@code implements}.
 *
 * @param column  the 1-based column (in UTF-16 units) where the reference starts
 * @param text    the reference as written (possibly long or holding control characters: escape it to show it)
 * @param message what is wrong, for a person
 */
// implements feature-010/FR-013
public record LinkFinding(int column, String text, String message) {
    public LinkFinding {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(message, "message");
        if (column < 1) {
            throw new IllegalArgumentException("column must be 1 or more: " + column);
        }
    }
}
