package dev.codefactory.app.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.rescue.RescueUseCase.RescueCommand;
import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build and tests (feature-008, FR-006): the test command prints output captured from real runs of pytest and
 * Maven (factory-domain's fixtures) and writes Surefire's XML report, as those tools do.
 */
class RescueBuildTest extends RescueTestBase {
    private static final Path FIXTURES = Path.of("..", "factory-domain", "src", "test", "resources", "rescue");

    static RescueCommand withTests() {
        return RescueCommand.of().withOffline(true).withReport(false);
    }

    void fixture(String from, String to) throws Exception {
        GitSandbox.write(project.resolve(to), Files.readAllBytes(FIXTURES.resolve(from)));
    }

    // covers feature-008/FR-006
    @Test
    void pytest_failures_are_test_failures_at_their_file_and_line() throws Exception {
        fixture("pytest/pytest-failures.txt", "fixtures/pytest.txt");
        GitSandbox.write(project.resolve("tests/test_cart.py"), "from shop.cart import total\n\n\n"
                + "def test_total():\n    assert total([2, 3]) == 5\n");
        GitSandbox.write(project.resolve("check.sh"), "cat fixtures/pytest.txt\nexit 1\n");
        overrides.put("project.test-command", "sh check.sh");

        RescueOutcome o = rescue(withTests(), new Dialog());

        TestFailure total = o.failures().stream().filter(f -> f.test().equals("tests/test_cart.py::test_total"))
                .findFirst().orElseThrow(() -> new AssertionError(o.failures().toString()));
        assertEquals("tests/test_cart.py", total.path());
        assertEquals(5, total.line());
        assertTrue(total.message().contains("assert 6 == 5"), total.message());
        RescueFinding finding = of(o, FindingKind.TEST_FAILURE).stream()
                .filter(f -> f.summary().contains("tests/test_cart.py::test_total")).findFirst().orElseThrow();
        assertEquals(new Evidence("tests/test_cart.py", 5, total.message()), finding.evidence().get(0));
        assertTrue(of(o, FindingKind.BUILD_FAILED).isEmpty(), "failures were read");
    }

    // covers feature-008/FR-006
    @Test
    void a_report_an_earlier_run_wrote_a_moment_ago_is_not_read_when_this_run_does_not_compile() throws Exception {
        fixture("maven/TEST-com.example.CartTest.xml", "shop/target/surefire-reports/TEST-com.example.CartTest.xml");
        // the last run's report, written just now (within the coarse times of some file systems): Maven compiles
        // nothing this time, so it writes no report and this one is not this run's
        GitSandbox.write(project.resolve("check.sh"), "echo '[ERROR] COMPILATION ERROR :'\n"
                + "echo '[ERROR] /nowhere/Cart.java:[3,5] cannot find symbol'\nexit 1\n");
        overrides.put("project.test-command", "sh check.sh");

        RescueOutcome o = rescue(withTests(), new Dialog());

        assertTrue(o.failures().stream().noneMatch(f -> f.test().contains("CartTest")), o.failures().toString());
        assertTrue(o.failures().stream().anyMatch(f -> f.kind() == TestFailure.Kind.COMPILE), o.failures().toString());
    }

    // covers feature-008/FR-006
    @Test
    void maven_failures_come_from_the_surefire_report_written_by_the_run_at_the_test_file() throws Exception {
        fixture("maven/mvn-test-failures.txt", "fixtures/mvn.txt");
        fixture("maven/TEST-com.example.CartTest.xml", "fixtures/TEST-com.example.CartTest.xml");
        GitSandbox.write(project.resolve("shop/src/test/java/com/example/CartTest.java"),
                "package com.example;\n\nclass CartTest {\n}\n");
        // a report left by an earlier run is not read
        Path old = project.resolve("shop/target/surefire-reports/TEST-com.example.OldTest.xml");
        GitSandbox.write(old, "<testsuite name=\"com.example.OldTest\"><testcase name=\"gone\""
                + " classname=\"com.example.OldTest\"><failure message=\"old failure\"/></testcase></testsuite>\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        GitSandbox.write(project.resolve("check.sh"), "mkdir -p shop/target/surefire-reports\n"
                + "cp fixtures/TEST-com.example.CartTest.xml shop/target/surefire-reports/\n"
                + "cat fixtures/mvn.txt\nexit 1\n");
        overrides.put("project.test-command", "sh check.sh");

        RescueOutcome o = rescue(withTests(), new Dialog());

        List<String> tests = o.failures().stream().map(TestFailure::test).sorted().toList();
        assertEquals(List.of("com.example.CartTest.first_of_empty_cart", "com.example.CartTest.total_adds_prices"),
                tests);
        TestFailure total = o.failures().stream().filter(f -> f.test().endsWith("total_adds_prices")).findFirst()
                .orElseThrow();
        assertEquals("shop/src/test/java/com/example/CartTest.java", total.path(), "the project's file");
        assertEquals(13, total.line());
        assertEquals(2, of(o, FindingKind.TEST_FAILURE).size(), o.findings().toString());
    }

    // covers feature-008/FR-006
    @Test
    void a_compile_error_printed_with_an_absolute_path_is_found_at_the_project_file_and_line() throws Exception {
        fixture("maven/mvn-compile-error.txt", "fixtures/mvn.txt");
        GitSandbox.write(project.resolve("src/main/java/com/example/Cart.java"), "package com.example;\n");
        // the output as a run in this project prints it: the fixture's folder replaced by the work tree's
        GitSandbox.write(project.resolve("check.sh"), "sed \"s|/tmp/h15b/mvnc|$(pwd)|g\" fixtures/mvn.txt\nexit 1\n");
        overrides.put("project.test-command", "sh check.sh");

        RescueOutcome o = rescue(withTests(), new Dialog());

        RescueFinding compile = of(o, FindingKind.COMPILE_ERROR).get(0);
        assertTrue(compile.summary().startsWith("does not compile: src/main/java/com/example/Cart.java:18: "),
                compile.summary());
        assertEquals("src/main/java/com/example/Cart.java", compile.evidence().get(0).path());
        assertEquals(18, compile.evidence().get(0).line());
    }

    // covers feature-008/FR-006
    @Test
    void a_test_command_over_its_time_limit_is_timed_out() {
        GitSandbox.write(project.resolve("check.sh"), "echo 'waiting for ever'\nsleep 30\n");
        overrides.put("project.test-command", "sh check.sh");
        overrides.put("change.test-timeout", "1s");

        RescueOutcome o = rescue(withTests(), new Dialog());

        RescueFinding timedOut = of(o, FindingKind.TESTS_TIMED_OUT).get(0);
        assertTrue(timedOut.evidence().get(0).excerpt().contains("waiting for ever"), timedOut.toString());
    }
}
