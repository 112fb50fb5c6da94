package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-008/FR-006
class MavenConsoleReaderTest {
    private static final TestFailure EXCEPTION = new TestFailure(Kind.ERROR,
            "com.example.CartTest.first_of_empty_cart", "com/example/CartTest.java", 19,
            "java.lang.IndexOutOfBoundsException: Index 0 out of bounds for length 0");
    private static final TestFailure ASSERTION = new TestFailure(Kind.FAILED,
            "com.example.CartTest.total_adds_prices", "com/example/CartTest.java", 13,
            "total of 2 and 3 ==> expected: <5> but was: <6>");

    private static List<TestFailure> read(String text) {
        return MavenConsoleReader.read(ConsoleLines.of(text));
    }

    @Test
    void reads_surefire_blocks_with_the_test_classes_frame_from_a_real_run() {
        assertEquals(List.of(EXCEPTION, ASSERTION),
                MavenConsoleReader.read(RescueFixtures.lines("maven/mvn-test-failures.txt")));
    }

    @Test
    void reads_the_same_from_a_quiet_coloured_run() {
        assertEquals(List.of(EXCEPTION, ASSERTION),
                MavenConsoleReader.read(RescueFixtures.lines("maven/mvn-q-color.txt")));
    }

    @Test
    void reads_a_compiler_error_once_with_its_symbol_lines_although_maven_prints_it_twice() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "/tmp/h15b/mvnc/src/main/java/com/example/Cart.java",
                18, "cannot find symbol\nsymbol:   variable tax\nlocation: class com.example.Cart")),
                MavenConsoleReader.read(RescueFixtures.lines("maven/mvn-compile-error.txt")));
    }

    @Test
    void reads_each_of_two_compiler_errors_in_a_test() {
        String path = "/tmp/h15b/mvnc/src/test/java/com/example/CartTest.java";
        assertEquals(List.of(
                new TestFailure(Kind.COMPILE, "", path, 12,
                        "incompatible types: java.lang.String cannot be converted to int"),
                new TestFailure(Kind.COMPILE, "", path, 13,
                        "cannot find symbol\nsymbol:   method remove(int)\n"
                                + "location: variable cart of type com.example.Cart")),
                MavenConsoleReader.read(RescueFixtures.lines("maven/mvn-test-compile-error.txt")));
    }

    /** The real run of a multi-line message, a parameterized test and a nested class's test. */
    static List<TestFailure> shelf(String nestedClass) {
        return List.of(
                new TestFailure(Kind.FAILED, "com.example.ShelfTest.lists_the_label", "com/example/ShelfTest.java", 13,
                        "label ==> expected: <apples\npears> but was: <apples\nplums>"),
                new TestFailure(Kind.FAILED, "com.example.ShelfTest.totals(int)[1]", "com/example/ShelfTest.java", 21,
                        "expected: <1> but was: <2>"),
                new TestFailure(Kind.FAILED, "com.example.ShelfTest.totals(int)[2]", "com/example/ShelfTest.java", 21,
                        "expected: <2> but was: <3>"),
                new TestFailure(Kind.ERROR, "com.example.ShelfTest" + nestedClass + ".has_no_first",
                        "com/example/ShelfTest.java", 28,
                        "java.lang.IndexOutOfBoundsException: Index 0 out of bounds for length 0"));
    }

    @Test
    void reads_a_multi_line_message_parameterized_and_nested_tests_from_a_real_run_and_no_summary_line_twice() {
        assertEquals(shelf(""), MavenConsoleReader.read(RescueFixtures.lines("maven/mvn-nested-params.txt")));
    }

    @Test
    void reads_the_summary_lines_when_no_block_was_printed() {
        String console = String.join("\n",
                "[INFO] Results:",
                "[INFO] ",
                "[ERROR] Failures: ",
                "[ERROR]   CartTest.total_adds_prices:13 total of 2 and 3 ==> expected: <5> but was: <6>",
                "[ERROR] Errors: ",
                "[ERROR]   CartTest.first_of_empty_cart:19 \u00bb IndexOutOfBounds Index 0 out of bounds for length 0",
                "[ERROR]   CartTest.setup \u00bb NullPointer",
                "[INFO] ",
                "[ERROR] Tests run: 3, Failures: 1, Errors: 2, Skipped: 0");
        assertEquals(List.of(
                new TestFailure(Kind.FAILED, "CartTest.total_adds_prices", "CartTest.java", 13,
                        "total of 2 and 3 ==> expected: <5> but was: <6>"),
                new TestFailure(Kind.ERROR, "CartTest.first_of_empty_cart", "CartTest.java", 19,
                        "IndexOutOfBounds Index 0 out of bounds for length 0"),
                new TestFailure(Kind.ERROR, "CartTest.setup", "", 0, "NullPointer")), read(console));
    }

    @Test
    void a_summary_line_of_a_test_with_a_block_adds_nothing() {
        List<String> lines = RescueFixtures.lines("maven/mvn-test-failures.txt");
        assertEquals(2, MavenConsoleReader.read(lines).size());
    }

    @Test
    void reads_surefire_2s_block_header() {
        String console = String.join("\n",
                "Running com.example.CartTest",
                "Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.02 sec <<< FAILURE!",
                "total(com.example.CartTest)  Time elapsed: 0.01 sec  <<< FAILURE!",
                "java.lang.AssertionError: expected:<5> but was:<6>",
                "\tat org.junit.Assert.fail(Assert.java:88)",
                "\tat com.example.CartTest.total(CartTest.java:13)",
                "");
        assertEquals(List.of(new TestFailure(Kind.FAILED, "com.example.CartTest.total", "com/example/CartTest.java",
                13, "expected:<5> but was:<6>")), read(console));
    }

    @Test
    void reads_surefire_3_milestones_block_header_in_the_running_class() {
        String console = String.join("\n",
                "[INFO] Running com.example.CartTest",
                "[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.02 s <<< FAILURE! - in com.example.CartTest",
                "[ERROR] total  Time elapsed: 0.01 s  <<< FAILURE!",
                "org.opentest4j.AssertionFailedError: expected: <5> but was: <6>",
                "\tat com.example.CartTest.total(CartTest.java:13)",
                "");
        assertEquals(List.of(new TestFailure(Kind.FAILED, "com.example.CartTest.total", "com/example/CartTest.java",
                13, "expected: <5> but was: <6>")), read(console));
    }

    @Test
    void a_frame_in_a_nested_class_or_lambda_of_the_test_counts_as_the_tests() {
        String console = String.join("\n",
                "[ERROR] com.example.CartTest$Totals.adds -- Time elapsed: 0.01 s <<< ERROR!",
                "java.lang.IllegalStateException: closed",
                "\tat com.example.Cart.check(Cart.java:40)",
                "\tat com.example.CartTest$Totals.lambda$adds$0(CartTest.java:52)",
                "");
        assertEquals(List.of(new TestFailure(Kind.ERROR, "com.example.CartTest$Totals.adds",
                "com/example/CartTest.java", 52, "java.lang.IllegalStateException: closed")), read(console));
    }

    @Test
    void a_native_frame_of_the_test_class_is_passed_over() {
        String console = String.join("\n",
                "[ERROR] com.example.CartTest.load -- Time elapsed: 0.01 s <<< ERROR!",
                "java.lang.UnsatisfiedLinkError: no cart in java.library.path",
                "\tat com.example.CartTest.loadNative(Native Method)",
                "\tat com.example.CartTest.load(CartTest.java:60)",
                "");
        assertEquals(List.of(new TestFailure(Kind.ERROR, "com.example.CartTest.load", "com/example/CartTest.java", 60,
                "java.lang.UnsatisfiedLinkError: no cart in java.library.path")), read(console));
    }

    @Test
    void reads_a_kotlin_error_through_the_kotlin_maven_plugin() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "/p/src/main/kotlin/Cart.kt", 5,
                "Unresolved reference: tax")),
                read("[ERROR] /p/src/main/kotlin/Cart.kt: (5, 22): Unresolved reference: tax"));
    }

    @Test
    void ignores_other_error_lines() {
        assertEquals(List.of(), read(String.join("\n",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.4:test",
                "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
                "[ERROR] -> [Help 1]")));
    }
}
