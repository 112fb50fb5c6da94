package dev.codefactory.domain.trace;

import java.util.Objects;

/**
 * Something wrong with a spec's requirement ids (feature-010, FR-004), at a 1-based line of the spec file.
 *
 * @param problem what kind of wrong
 * @param line    the line of the requirement's list item
 * @param message what is wrong and what to write instead, for a person
 */
// implements feature-010/FR-004, feature-010/FR-013
public record IdFinding(Problem problem, int line, String message) {

    /** The kinds of wrong. */
    public enum Problem {
        /** The requirement has no id. */
        MISSING,
        /** An earlier requirement of the same spec has this id. */
        DUPLICATE,
        /** The requirement starts with something meant as an id that is not one, or an id without its colon. */
        MALFORMED
    }

    public IdFinding {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }
}
