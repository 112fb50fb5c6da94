package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-010
class FailureComparisonTest {
    private static TestFailure test(String name, int line, String message) {
        return new TestFailure(Kind.FAILED, name, "src/test/FooTest.java", line, message);
    }

    private static TestFailure compile(String path, int line, String message) {
        return new TestFailure(Kind.COMPILE, "", path, line, message);
    }

    @Test
    void sorts_failures_into_gone_remaining_and_new_in_a_stable_order() {
        TestFailure a = test("FooTest.a", 1, "a");
        TestFailure b = test("FooTest.b", 2, "b");
        TestFailure c = test("FooTest.c", 3, "c");
        TestFailure d = test("FooTest.d", 4, "d");
        TestFailure e = test("FooTest.e", 5, "e");
        FailureComparison comparison = FailureComparison.of(List.of(a, b, c), List.of(e, c, d));
        assertEquals(List.of(a, b), comparison.gone());
        assertEquals(List.of(c), comparison.remain());
        assertEquals(List.of(e, d), comparison.added());
        assertFalse(comparison.allGone());
    }

    @Test
    void a_remaining_failure_is_shown_as_the_run_after_the_fix_has_it() {
        TestFailure before = test("FooTest.a", 10, "expected 5 but was 6");
        TestFailure after = test("FooTest.a", 12, "expected 5 but was 7");
        assertEquals(List.of(after), FailureComparison.of(List.of(before), List.of(after)).remain());
    }

    @Test
    void a_compiler_error_that_moved_to_another_line_remains_and_one_in_another_file_is_new() {
        TestFailure before = compile("src/Cart.java", 18, "cannot find symbol");
        TestFailure moved = compile("src/Cart.java", 21, "cannot find symbol");
        TestFailure elsewhere = compile("src/Shop.java", 3, "cannot find symbol");
        FailureComparison comparison = FailureComparison.of(List.of(before), List.of(moved, elsewhere));
        assertEquals(List.of(), comparison.gone());
        assertEquals(List.of(moved), comparison.remain());
        assertEquals(List.of(elsewhere), comparison.added());
    }

    @Test
    void a_compiler_error_and_a_test_are_never_the_same_failure() {
        TestFailure error = compile("", 0, "x");
        TestFailure failure = new TestFailure(Kind.ERROR, "x", "", 0, "x");
        FailureComparison comparison = FailureComparison.of(List.of(error), List.of(failure));
        assertEquals(List.of(error), comparison.gone());
        assertEquals(List.of(failure), comparison.added());
    }

    @Test
    void a_failure_listed_twice_counts_once() {
        TestFailure a = test("FooTest.a", 1, "a");
        TestFailure again = test("FooTest.a", 7, "a");
        FailureComparison comparison = FailureComparison.of(List.of(a, again), List.of());
        assertEquals(List.of(a), comparison.gone());
        assertTrue(comparison.allGone());
    }

    @Test
    void all_gone_when_the_fix_made_every_test_pass() {
        FailureComparison comparison = FailureComparison.of(List.of(test("FooTest.a", 1, "a")), List.of());
        assertTrue(comparison.allGone());
        assertTrue(FailureComparison.of(List.of(), List.of()).allGone());
    }

    @Test
    void compares_the_real_runs_before_and_after_a_fix() {
        List<TestFailure> before = BuildOutput.read(RescueFixtures.text("maven/mvn-test-failures.txt"), List.of());
        List<TestFailure> after = BuildOutput.read(RescueFixtures.text("maven/mvn-compile-error.txt"), List.of());
        FailureComparison comparison = FailureComparison.of(before, after);
        assertEquals(before, comparison.gone());
        assertEquals(List.of(), comparison.remain());
        assertEquals(after, comparison.added());
    }

    @Test
    void refuses_nulls() {
        assertThrows(NullPointerException.class, () -> FailureComparison.of(null, List.of()));
        assertThrows(NullPointerException.class, () -> FailureComparison.of(List.of(), null));
    }
}
