package dev.codefactory.domain.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.rescue.TestFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gradle could not be run here (see {@code rescue/README.md}): its fixtures are written by hand in the formats Gradle 8
 * prints, not captured from a real run.
 */
// covers feature-008/FR-006
class GradleConsoleReaderTest {

    @Test
    void reads_failed_tests_with_the_short_exception_line() {
        assertEquals(List.of(
                new TestFailure(Kind.ERROR, "CartTest.first_of_empty_cart", "CartTest.java", 19,
                        "java.lang.IndexOutOfBoundsException"),
                new TestFailure(Kind.FAILED, "CartTest.total_adds_prices", "CartTest.java", 13,
                        "org.opentest4j.AssertionFailedError")),
                GradleConsoleReader.read(RescueFixtures.lines("gradle/gradle-test-failures.txt")));
    }

    @Test
    void reads_full_exceptions_and_nested_classes() {
        assertEquals(List.of(
                new TestFailure(Kind.ERROR, "CartTest.first_of_empty_cart", "com/example/CartTest.java", 19,
                        "java.lang.IndexOutOfBoundsException: Index 0 out of bounds for length 0"),
                new TestFailure(Kind.FAILED, "CartTest$Totals.adds_prices", "com/example/CartTest.java", 31,
                        "total of 2 and 3 ==> expected: <5> but was: <6>")),
                GradleConsoleReader.read(RescueFixtures.lines("gradle/gradle-test-full.txt")));
    }

    @Test
    void reads_a_javac_error_with_its_symbol_lines() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "/home/dev/shop/src/main/java/com/example/Cart.java", 18,
                "cannot find symbol\nsymbol:   variable tax\nlocation: class Cart")),
                GradleConsoleReader.read(RescueFixtures.lines("gradle/gradle-compile-error.txt")));
    }

    @Test
    void reads_kotlinc_errors_and_not_its_warnings() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "/home/dev/shop/src/main/kotlin/com/example/Cart.kt", 5,
                "Unresolved reference 'tax'.")),
                GradleConsoleReader.read(RescueFixtures.lines("gradle/gradle-kotlin-compile-error.txt")));
    }

    @Test
    void reads_the_older_kotlinc_form() {
        assertEquals(List.of(new TestFailure(Kind.COMPILE, "", "/p/Cart.kt", 12, "Unresolved reference: tax")),
                GradleConsoleReader.read(ConsoleLines.of("e: /p/Cart.kt: (12, 5): Unresolved reference: tax")));
    }

    @Test
    void a_junit4_test_named_with_its_package_and_without_details() {
        assertEquals(List.of(new TestFailure(Kind.FAILED, "com.example.CartTest.testTotal", "", 0, "")),
                GradleConsoleReader.read(ConsoleLines.of("com.example.CartTest > testTotal FAILED\n\n")));
    }

    @Test
    void a_task_line_is_no_test() {
        assertEquals(List.of(), GradleConsoleReader.read(ConsoleLines.of("> Task :test FAILED\n> Task :check FAILED")));
    }
}
