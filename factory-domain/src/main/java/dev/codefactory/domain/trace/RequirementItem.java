package dev.codefactory.domain.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * One requirement of a spec as its id is written (feature-010, FR-001): the list item review reads as a
 * requirement ({@link dev.codefactory.domain.spec.Requirements}), with the id it starts with, if any.
 *
 * @param id   the id the item starts with ({@code - FR-001: ...}), or null when it has none or a malformed one
 * @param text the statement after the id and its colon (the whole item when there is no id), on one line
 * @param line the 1-based line of the list item in the spec file
 */
// implements feature-010/FR-001
public record RequirementItem(RequirementId id, String text, int line) {
    public RequirementItem {
        Objects.requireNonNull(text, "text");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    /** The item's id, empty when it has none or a malformed one. */
    public Optional<RequirementId> requirementId() {
        return Optional.ofNullable(id);
    }
}
