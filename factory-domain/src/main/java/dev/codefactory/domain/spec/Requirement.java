package dev.codefactory.domain.spec;

import java.util.Objects;

/**
 * One testable statement of a spec, the unit a REVIEW judges code against.
 *
 * @param specId the spec it belongs to
 * @param id     so answers can name it: {@code R1}, {@code R2}, ... in the order the spec lists them, or in a
 *               review its stable id ({@code FR-001}) when it has one (feature-010/FR-005)
 * @param text   the statement, on one line (checkbox markers removed, continuation lines joined)
 * @param line   the 1-based line of its list item in the spec file, so findings can point at the spec
 */
public record Requirement(String specId, String id, String text, int line) {
    public Requirement {
        Objects.requireNonNull(specId, "specId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a requirement id must not be blank");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }
}
