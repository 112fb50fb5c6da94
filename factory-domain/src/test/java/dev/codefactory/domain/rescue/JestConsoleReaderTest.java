package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-006
class JestConsoleReaderTest {
    private static final TestFailure ASSERTION = new TestFailure(Kind.FAILED, "src/cart.test.js \u203a Cart \u203a adds prices",
            "src/cart.test.js", 5, "expect(received).toBe(expected) // Object.is equality\nExpected: 5\nReceived: 6");
    /** The exception was thrown in src/cart.js; the frame in the failing suite's own file is the test's line. */
    private static final TestFailure ERROR = new TestFailure(Kind.ERROR, "src/cart.test.js \u203a Cart \u203a first of empty cart",
            "src/cart.test.js", 9, "TypeError: Cannot read properties of undefined (reading 'value')");

    @Test
    void reads_failures_from_a_real_run() {
        assertEquals(List.of(ASSERTION, ERROR), JestConsoleReader.read(RescueFixtures.lines("jest/jest-failures.txt")));
    }

    @Test
    void reads_a_suite_that_failed_to_run_from_a_coloured_real_run() {
        assertEquals(List.of(ASSERTION, ERROR, new TestFailure(Kind.ERROR, "src/broken.test.js", "src/broken.test.js",
                4, "SyntaxError: /tmp/h15b/jest/src/broken.test.js: Unexpected token, expected \",\" (4:27)")),
                JestConsoleReader.read(RescueFixtures.lines("jest/jest-suite-error-color.txt")));
    }

    @Test
    void two_files_with_a_test_named_alike_are_two_failures_from_a_real_run() {
        assertEquals(List.of(ASSERTION, ERROR, new TestFailure(Kind.FAILED,
                "src/shelf.test.js \u203a Cart \u203a adds prices", "src/shelf.test.js", 5,
                "expect(received).toEqual(expected) // deep equality\nExpected: 1\nReceived: 2")),
                JestConsoleReader.read(RescueFixtures.lines("jest/jest-two-files.txt")));
    }

    @Test
    void console_output_blocks_are_no_failures() {
        assertEquals(List.of(), JestConsoleReader.read(ConsoleLines.of(String.join("\n",
                "PASS src/a.test.js",
                "  \u25cf Console",
                "",
                "    console.log",
                "      hello"))));
    }
}
