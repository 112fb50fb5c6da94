package dev.codefactory.domain.trace;

import java.util.Objects;

/**
 * An id that {@link IdAssignment} gave a requirement that had none (feature-010/FR-003).
 *
 * @param id   the id given
 * @param line the 1-based line of the requirement's list item in the spec file
 */
public record AssignedId(RequirementId id, int line) {
    public AssignedId {
        Objects.requireNonNull(id, "id");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }
}
