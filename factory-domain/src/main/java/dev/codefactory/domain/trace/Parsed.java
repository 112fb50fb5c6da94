package dev.codefactory.domain.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * What reading a text gave: the value it is, or why it is not one (exactly one of the two).
 *
 * @param value   the value, or null when the text is not one
 * @param problem why the text is not one, or null when it is
 */
record Parsed<T>(T value, String problem) {
    Parsed {
        if ((value == null) == (problem == null)) {
            throw new IllegalArgumentException("a parse gives a value or a problem, not both or neither");
        }
    }

    static <T> Parsed<T> of(T value) {
        return new Parsed<>(Objects.requireNonNull(value, "value"), null);
    }

    static <T> Parsed<T> not(String why) {
        return new Parsed<>(null, Objects.requireNonNull(why, "why"));
    }

    /** The value, or an exception whose message is the problem. */
    T orThrow() {
        if (value == null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    Optional<T> valueIfAny() {
        return Optional.ofNullable(value);
    }

    Optional<String> problemIfAny() {
        return Optional.ofNullable(problem);
    }
}
