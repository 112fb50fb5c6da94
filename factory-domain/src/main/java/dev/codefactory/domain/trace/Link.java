package dev.codefactory.domain.trace;

import java.util.Objects;

/**
 * One link found in a line of text (feature-010, FR-006).
 *
 * @param ref    the requirement linked to
 * @param kind   implements or covers
 * @param column the 1-based column (in UTF-16 units) where the reference starts
 */
// implements feature-010/FR-006
public record Link(RequirementRef ref, LinkKind kind, int column) {
    public Link {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(kind, "kind");
        if (column < 1) {
            throw new IllegalArgumentException("column must be 1 or more: " + column);
        }
    }
}
