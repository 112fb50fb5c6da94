package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-006
class GoTestReaderTest {
    private static final TestFailure TOTAL = new TestFailure(Kind.FAILED, "example.com/shop.TestTotal", "cart_test.go", 7,
            "Total([2 3]) = 6, want 5");
    private static final TestFailure SUBTEST = new TestFailure(Kind.FAILED, "example.com/shop.TestEmpty/zero", "cart_test.go", 21,
            "empty cart should cost nothing");

    @Test
    void reads_failures_and_the_subtest_not_its_parent_from_a_real_run() {
        assertEquals(List.of(TOTAL, SUBTEST), GoTestReader.read(RescueFixtures.lines("go/go-test-failures.txt")));
    }

    @Test
    void reads_the_same_from_a_verbose_run_where_messages_come_first() {
        assertEquals(List.of(TOTAL, SUBTEST), GoTestReader.read(RescueFixtures.lines("go/go-test-v.txt")));
    }

    @Test
    void reads_a_panic_at_the_test_functions_frame() {
        assertEquals(List.of(TOTAL, new TestFailure(Kind.ERROR, "example.com/shop.TestFirst", "/tmp/h15b/go/cart_test.go", 13,
                "panic: runtime error: index out of range [0] with length 0")),
                GoTestReader.read(RescueFixtures.lines("go/go-test-panic.txt")));
    }

    @Test
    void reads_compiler_errors_from_a_real_run() {
        assertEquals(List.of(
                new TestFailure(Kind.COMPILE, "", "cart.go", 8, "undefined: tax"),
                new TestFailure(Kind.COMPILE, "", "cart_test.go", 12,
                        "cannot use \"4\" (untyped string constant) as int value in array or slice literal")),
                GoTestReader.read(RescueFixtures.lines("go/go-compile-error.txt")));
    }

    @Test
    void names_the_tests_of_two_packages_from_a_real_run() {
        assertEquals(List.of(TOTAL, SUBTEST, new TestFailure(Kind.FAILED, "example.com/shop/price.TestNew",
                "price_test.go", 7, "New(250) = 2, want 3")),
                GoTestReader.read(RescueFixtures.lines("go/go-test-packages.txt")));
    }

    @Test
    void reads_a_package_that_did_not_build_beside_one_that_failed_from_a_real_run() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "price/price_test.go", 6,
                "2.5 (untyped float constant) truncated to int"), TOTAL, SUBTEST),
                GoTestReader.read(RescueFixtures.lines("go/go-build-failed-package.txt")));
    }

    @Test
    void reads_a_vet_error() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "price/price_test.go", 6, "fmt.Sprintf format %d has arg")),
                GoTestReader.read(ConsoleLines.of("# example.com/shop/price\n"
                        + "vet: price/price_test.go:6:29: fmt.Sprintf format %d has arg\n")));
    }

    @Test
    void names_each_test_with_the_package_printed_after_it() {
        String console = String.join("\n",
                "--- FAIL: TestNew (0.00s)",
                "    a_test.go:3: a",
                "FAIL",
                "FAIL\texample.com/a\t0.010s",
                "ok  \texample.com/b\t0.004s",
                "--- FAIL: TestNew (0.00s)",
                "    c_test.go:4: c",
                "FAIL",
                "FAIL\texample.com/c\t0.011s",
                "FAIL");
        assertEquals(List.of(new TestFailure(Kind.FAILED, "example.com/a.TestNew", "a_test.go", 3, "a"),
                new TestFailure(Kind.FAILED, "example.com/c.TestNew", "c_test.go", 4, "c")),
                GoTestReader.read(ConsoleLines.of(console)));
    }

    @Test
    void a_failure_without_a_message_is_kept_by_its_name() {
        assertEquals(List.of(new TestFailure(Kind.FAILED, "TestQuiet", "", 0, "")),
                GoTestReader.read(ConsoleLines.of("--- FAIL: TestQuiet (0.00s)\nFAIL\n")));
    }
}
