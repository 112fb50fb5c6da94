package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-006
class CargoTestReaderTest {
    private static final TestFailure ASSERTION = new TestFailure(Kind.FAILED, "tests::adds_prices", "src/lib.rs", 15,
            "assertion `left == right` failed\n  left: 6\n right: 5");

    @Test
    void reads_panics_where_they_happened_from_a_real_run() {
        assertEquals(List.of(ASSERTION, new TestFailure(Kind.ERROR, "tests::first_of_empty", "src/lib.rs", 6,
                "index out of bounds: the len is 0 but the index is 0")),
                CargoTestReader.read(RescueFixtures.lines("cargo/cargo-test-failures.txt")));
    }

    @Test
    void with_a_backtrace_takes_the_test_functions_own_frame() {
        assertEquals(List.of(ASSERTION, new TestFailure(Kind.ERROR, "tests::first_of_empty", "src/lib.rs", 20,
                "index out of bounds: the len is 0 but the index is 0")),
                CargoTestReader.read(RescueFixtures.lines("cargo/cargo-test-backtrace.txt")));
    }

    @Test
    void reads_a_rustc_error_from_a_real_run() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "src/lib.rs", 2,
                "cannot find value `tax` in this scope (E0425)")),
                CargoTestReader.read(RescueFixtures.lines("cargo/cargo-compile-error.txt")));
    }

    @Test
    void reads_the_panic_format_before_rust_1_73() {
        String console = String.join("\n",
                "---- tests::it_works stdout ----",
                "thread 'tests::it_works' panicked at 'assertion failed: `(left == right)`', src/lib.rs:10:9",
                "",
                "failures:");
        assertEquals(List.of(new TestFailure(Kind.FAILED, "tests::it_works", "src/lib.rs", 10,
                "assertion failed: `(left == right)`")), CargoTestReader.read(ConsoleLines.of(console)));
    }
}
