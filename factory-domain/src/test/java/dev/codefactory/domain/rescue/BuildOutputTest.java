package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-006
class BuildOutputTest {
    private static final TestFailure EXCEPTION = new TestFailure(Kind.ERROR,
            "com.example.CartTest.first_of_empty_cart", "com/example/CartTest.java", 19,
            "java.lang.IndexOutOfBoundsException: Index 0 out of bounds for length 0");
    private static final TestFailure ASSERTION = new TestFailure(Kind.FAILED,
            "com.example.CartTest.total_adds_prices", "com/example/CartTest.java", 13,
            "total of 2 and 3 ==> expected: <5> but was: <6>");
    private static final List<TestFailure> PYTEST = List.of(
            new TestFailure(Kind.FAILED, "tests/test_cart.py::test_total", "tests/test_cart.py", 5, "assert 6 == 5"),
            new TestFailure(Kind.FAILED, "tests/test_cart.py::test_first_of_empty", "tests/test_cart.py", 9,
                    "IndexError: list index out of range"),
            new TestFailure(Kind.ERROR, "tests/test_broken.py", "tests/test_broken.py", 1,
                    "ImportError: cannot import name 'missing' from 'shop.cart' (/tmp/h15b/py/shop/cart.py)"));

    private static String fixture(String name) {
        return RescueFixtures.text(name);
    }

    @Test
    void a_maven_run_read_from_its_console_and_its_report_lists_each_failure_once() {
        assertEquals(List.of(EXCEPTION, ASSERTION), BuildOutput.read(fixture("maven/mvn-test-failures.txt"),
                List.of(fixture("maven/TEST-com.example.CartTest.xml"))));
    }

    @Test
    void a_nested_class_named_without_its_class_on_the_console_is_the_reports_test() {
        assertEquals(MavenConsoleReaderTest.shelf("$Empty"), BuildOutput.read(fixture("maven/mvn-nested-params.txt"),
                List.of(fixture("maven/TEST-com.example.ShelfTest.xml"))));
    }

    @Test
    void the_console_alone_gives_the_same_failures() {
        assertEquals(List.of(EXCEPTION, ASSERTION), BuildOutput.read(fixture("maven/mvn-q-color.txt"), List.of()));
    }

    @Test
    void gradles_console_names_and_its_reports_are_one_failure_each_with_the_reports_file_and_name() {
        assertEquals(List.of(EXCEPTION, ASSERTION), BuildOutput.read(fixture("gradle/gradle-test-failures.txt"),
                List.of(fixture("gradle/TEST-com.example.CartTest.xml"))));
    }

    @Test
    void surefires_summary_lines_merge_into_the_reports_failures() {
        String summary = String.join("\n",
                "[ERROR] Failures: ",
                "[ERROR]   CartTest.total_adds_prices:13 total of 2 and 3 ==> expected: <5> but was: <6>",
                "[ERROR] Errors: ",
                "[ERROR]   CartTest.first_of_empty_cart:19 \u00bb IndexOutOfBounds Index 0 out of bounds for length 0",
                "[INFO] ");
        assertEquals(List.of(EXCEPTION, ASSERTION),
                BuildOutput.read(summary, List.of(fixture("maven/TEST-com.example.CartTest.xml"))));
    }

    @Test
    void a_report_without_a_line_takes_the_consoles_file_and_line_and_keeps_its_own_message() {
        String report = "<testsuite><testcase classname=\"com.example.CartTest\" name=\"total_adds_prices\">"
                + "<failure message=\"total wrong\" type=\"org.opentest4j.AssertionFailedError\"/></testcase></testsuite>";
        String console = String.join("\n",
                "[ERROR] com.example.CartTest.total_adds_prices -- Time elapsed: 0.042 s <<< FAILURE!",
                "org.opentest4j.AssertionFailedError: total of 2 and 3 ==> expected: <5> but was: <6>",
                "\tat com.example.CartTest.total_adds_prices(CartTest.java:13)",
                "");
        assertEquals(List.of(new TestFailure(Kind.FAILED, "com.example.CartTest.total_adds_prices",
                "com/example/CartTest.java", 13, "total wrong")), BuildOutput.read(console, List.of(report)));
    }

    @Test
    void a_pytest_run_read_from_its_console_and_its_report_lists_each_failure_once() {
        List<TestFailure> both = BuildOutput.read(fixture("pytest/pytest-failures.txt"),
                List.of(fixture("pytest/pytest-junit.xml")));
        assertEquals(List.of(PYTEST.get(2), PYTEST.get(0), PYTEST.get(1)), both);
        assertEquals(PYTEST, BuildOutput.read(fixture("pytest/pytest-q-color.txt"), List.of()));
    }

    @Test
    void a_truncated_report_is_skipped_and_the_console_still_read() {
        String report = fixture("maven/TEST-com.example.CartTest.xml");
        assertEquals(List.of(EXCEPTION, ASSERTION), BuildOutput.read(fixture("maven/mvn-test-failures.txt"),
                List.of(report.substring(0, report.length() / 2))));
        assertEquals(List.of(), BuildOutput.read("", List.of(report.substring(0, report.length() - 5))));
    }

    @Test
    void compiler_errors_of_every_tool_are_read_with_file_and_line() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "/tmp/h15b/mvnc/src/main/java/com/example/Cart.java", 18,
                "cannot find symbol\nsymbol:   variable tax\nlocation: class com.example.Cart")),
                BuildOutput.read(fixture("maven/mvn-compile-error.txt"), List.of()));
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "cart.go", 8, "undefined: tax"),
                new TestFailure(Kind.COMPILE, "", "cart_test.go", 12,
                        "cannot use \"4\" (untyped string constant) as int value in array or slice literal")),
                BuildOutput.read(fixture("go/go-compile-error.txt"), List.of()));
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "src/lib.rs", 2,
                "cannot find value `tax` in this scope (E0425)")),
                BuildOutput.read(fixture("cargo/cargo-compile-error.txt"), List.of()));
    }

    @Test
    void go_jest_and_cargo_consoles_are_read_too() {
        assertEquals(List.of("example.com/shop.TestTotal", "example.com/shop.TestEmpty/zero"), tests(fixture("go/go-test-failures.txt")));
        assertEquals(List.of("src/cart.test.js \u203a Cart \u203a adds prices",
                "src/cart.test.js \u203a Cart \u203a first of empty cart", "src/broken.test.js"),
                tests(fixture("jest/jest-suite-error-color.txt")));
        assertEquals(List.of("tests::adds_prices", "tests::first_of_empty"),
                tests(fixture("cargo/cargo-test-failures.txt")));
    }

    @Test
    void a_passing_run_has_no_failures() {
        assertEquals(List.of(), BuildOutput.read(String.join("\n",
                "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0",
                "[INFO] BUILD SUCCESS",
                "============================== 3 passed in 0.05s ===============================",
                "ok  \texample.com/shop\t0.008s",
                "test result: ok. 3 passed; 0 failed"), List.of()));
    }

    @Test
    void control_characters_and_huge_lines_around_a_real_run_change_nothing() {
        Random random = new Random(15);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            noise.append((char) random.nextInt(0x40));
        }
        String console = noise + "\n" + "y".repeat(3_000_000) + "\n" + fixture("maven/mvn-test-failures.txt")
                + "\u001b]0;title\u0007\u202e\n" + noise;
        assertEquals(List.of(EXCEPTION, ASSERTION), BuildOutput.read(console, List.of()));
    }

    @Test
    void outputs_built_to_make_patterns_backtrack_are_read_in_one_pass() {
        StringBuilder console = new StringBuilder();
        String[] hostile = {
            "a > ".repeat(1_000),
            "x -- Time elapsed: ".repeat(200) + "<<< FAILURE!",
            "[ERROR]   " + "a:1".repeat(1_000),
            "[ERROR] " + "a.java".repeat(500) + ":[",
            "___ " + "_".repeat(4_000) + " x",
            "=== " + "=".repeat(4_000) + " x",
            "at " + "(a:1:".repeat(800),
            " ".repeat(4_000) + "\u25cf",
            "    " + " ".repeat(4_000) + "x.go:1",
            "thread 't' panicked at '" + "', a:1:".repeat(500),
            "e: " + ".kt:".repeat(1_000),
            "FAIL " + "a".repeat(2_000) + " ".repeat(2_000) + "x",
        };
        console.append("FAIL src/x.test.js\n\u25cf Suite \u203a test\n");
        for (int i = 0; i < 100; i++) {
            for (String line : hostile) {
                console.append(line).append('\n');
            }
        }
        String text = console.toString();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> BuildOutput.read(text, List.of()));
    }

    @Test
    void keeps_at_most_its_limit_of_failures() {
        StringBuilder console = new StringBuilder("=============== short test summary info ===============\n");
        for (int i = 0; i < BuildOutput.MAX_FAILURES + 500; i++) {
            console.append("FAILED tests/test_x.py::test_").append(i).append(" - assert False\n");
        }
        List<TestFailure> failures = BuildOutput.read(console.toString(), List.of());
        assertEquals(BuildOutput.MAX_FAILURES, failures.size());
        assertEquals("tests/test_x.py::test_0", failures.get(0).test());
    }

    @Test
    void refuses_nulls() {
        assertThrows(NullPointerException.class, () -> BuildOutput.read(null, List.of()));
        assertThrows(NullPointerException.class, () -> BuildOutput.read("", null));
        List<String> reports = new ArrayList<>();
        reports.add(null);
        assertThrows(NullPointerException.class, () -> BuildOutput.read("", reports));
    }

    private static List<String> tests(String console) {
        return BuildOutput.read(console, List.of()).stream().map(TestFailure::test).toList();
    }
}
