package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-006
class PytestConsoleReaderTest {
    private static final TestFailure COLLECTION = new TestFailure(Kind.ERROR, "tests/test_broken.py",
            "tests/test_broken.py", 1,
            "ImportError: cannot import name 'missing' from 'shop.cart' (/tmp/h15b/py/shop/cart.py)");
    private static final TestFailure ASSERTION = new TestFailure(Kind.FAILED, "tests/test_cart.py::test_total",
            "tests/test_cart.py", 5, "assert 6 == 5");
    /** The summary cut its message ("list index out o..."): the section's E line has it whole. */
    private static final TestFailure EXCEPTION = new TestFailure(Kind.FAILED,
            "tests/test_cart.py::test_first_of_empty", "tests/test_cart.py", 9, "IndexError: list index out of range");

    @Test
    void reads_a_collection_error_from_a_real_run() {
        assertEquals(List.of(COLLECTION),
                PytestConsoleReader.read(RescueFixtures.lines("pytest/pytest-collection-error.txt")));
    }

    @Test
    void reads_failures_at_the_line_in_the_tests_own_file_from_a_real_run() {
        assertEquals(List.of(ASSERTION, EXCEPTION, COLLECTION),
                PytestConsoleReader.read(RescueFixtures.lines("pytest/pytest-failures.txt")));
    }

    @Test
    void reads_the_same_from_a_quiet_coloured_run() {
        assertEquals(List.of(ASSERTION, EXCEPTION, COLLECTION),
                PytestConsoleReader.read(RescueFixtures.lines("pytest/pytest-q-color.txt")));
    }

    @Test
    void reads_a_class_test_a_parameterized_test_and_a_fixture_error_from_a_real_run() {
        assertEquals(List.of(
                new TestFailure(Kind.FAILED, "tests/test_shelf.py::TestShelf::test_label", "tests/test_shelf.py", 7,
                        "AssertionError: assert 'apples - pears' == 'apples - plums'"),
                new TestFailure(Kind.FAILED, "tests/test_shelf.py::test_totals[2-3]", "tests/test_shelf.py", 12,
                        "assert 2 == 3"),
                new TestFailure(Kind.ERROR, "tests/test_shelf.py::test_uses_broken", "tests/test_shelf.py", 17,
                        "RuntimeError: no shelf")),
                PytestConsoleReader.read(RescueFixtures.lines("pytest/pytest-class-params.txt")));
    }

    @Test
    void names_a_class_test_by_its_node_id_and_finds_its_section() {
        String console = String.join("\n",
                "=================================== FAILURES ===================================",
                "_____________________________ TestCart.test_total ______________________________",
                "",
                "    def test_total(self):",
                ">       assert total([2, 3]) == 5",
                "E       assert 6 == 5",
                "",
                "tests/test_cart.py:14: AssertionError",
                "=========================== short test summary info ============================",
                "FAILED tests/test_cart.py::TestCart::test_total - assert 6 == 5",
                "============================== 1 failed in 0.05s ===============================");
        assertEquals(List.of(new TestFailure(Kind.FAILED, "tests/test_cart.py::TestCart::test_total",
                "tests/test_cart.py", 14, "assert 6 == 5")), PytestConsoleReader.read(ConsoleLines.of(console)));
    }

    @Test
    void without_a_summary_reads_the_sections() {
        String console = String.join("\n",
                "=================================== FAILURES ===================================",
                "__________________________________ test_total __________________________________",
                "E       assert 6 == 5",
                "tests/test_cart.py:5: AssertionError",
                "============================== 1 failed in 0.05s ===============================");
        assertEquals(List.of(new TestFailure(Kind.FAILED, "tests/test_cart.py::test_total", "tests/test_cart.py", 5,
                "assert 6 == 5")), PytestConsoleReader.read(ConsoleLines.of(console)));
    }

    @Test
    void an_error_line_outside_the_summary_is_no_failure() {
        assertEquals(List.of(), PytestConsoleReader.read(ConsoleLines.of("ERROR tests/test_x.py\nFAILED a::b - c")));
    }
}
