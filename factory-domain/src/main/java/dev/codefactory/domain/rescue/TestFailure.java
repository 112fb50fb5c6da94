package dev.codefactory.domain.rescue;

import java.util.Objects;

/**
 * A failure read from a test command's output or its JUnit XML reports.
 *
 * @param kind    a failed assertion, an error (an exception), or a compiler error
 * @param test    the test's name as the tool names it ({@code com.example.FooTest.bar}, {@code tests/test_x.py::test_y},
 *                {@code TestFoo}); for a compiler error, empty
 * @param path    the file, relative to the project root when it lies inside it (else as printed); empty when unknown
 * @param line    1-based line in {@code path}; 0 when unknown
 * @param message the first line(s) of the message, as printed
 */
public record TestFailure(Kind kind, String test, String path, int line, String message) {

    /** What failed. */
    public enum Kind { FAILED, ERROR, COMPILE }

    public TestFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * What identifies this failure across two runs (for {@link FailureComparison}): the test's name, or for a
     * compiler error its file and message (its line may move).
     */
    public String key() {
        return kind == Kind.COMPILE ? "compile:" + path + ":" + message : "test:" + test;
    }
}
