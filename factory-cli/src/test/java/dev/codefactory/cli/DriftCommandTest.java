package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.cli.TestProject.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory drift} through {@link Main#run} on real repositories (feature-010, FR-011 to FR-013). */
class DriftCommandTest {
    /** The link word, split so that this file itself links to nothing. */
    private static final String IMPLEMENTS = "impl" + "ements";
    private static final String SPEC = "contracts/specs/feature-001-greeting.md";

    @TempDir
    Path dir;

    private static String spec(String reconciled) {
        return "---\nid: feature-001\ntitle: Greeting\nstatus: implemented\ncreated: 2026-01-01\n"
                + "updated: 2026-01-01\n" + (reconciled == null ? "" : "reconciled: " + reconciled + "\n")
                + "---\n\n# Greeting\n\n## Overview\n\nPeople are greeted.\n\n## Requirements\n\n"
                + "- FR-001: A person is greeted by name.\n";
    }

    /** A project whose spec is reconciled with its first commit, then a linked file changed in a second. */
    private TestProject drifted() throws Exception {
        TestProject p = TestProject.initialised(dir);
        p.write("src/Greeter.java", "class Greeter {\n    // " + IMPLEMENTS + " feature-001/FR-001\n"
                + "    String greet() { return \"Hello\"; }\n}\n");
        p.git("add", "-A");
        p.git("commit", "-q", "-m", "start");
        String first = p.git("rev-parse", "HEAD").strip();
        p.write(SPEC, spec(first));
        p.git("add", "-A");
        p.git("commit", "-q", "-m", "reconciled");
        p.write("src/Greeter.java", "class Greeter {\n    // " + IMPLEMENTS + " feature-001/FR-001\n"
                + "    String greet() { return \"Hi\"; }\n}\n");
        p.git("commit", "-q", "-am", "hi");
        return p;
    }

    // covers feature-010/FR-011
    @Test
    void lists_the_drifted_spec_with_its_file_commit_and_requirement_and_exits_0() throws Exception {
        TestProject p = drifted();
        String hi = p.git("rev-parse", "--short=7", "HEAD").strip();
        Result r = p.run("drift");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("feature-001  code changed"), r.out());
        assertTrue(r.out().contains("src/Greeter.java  +1 -1  1 commit(s): " + hi + "  FR-001"), r.out());
        assertTrue(r.out().contains("1 spec(s): 1 drifted, 0 in sync"), r.out());
    }

    // covers feature-010/FR-011
    @Test
    void fail_on_drift_exits_1_saying_why_and_json_says_it_too() throws Exception {
        TestProject p = drifted();
        Result r = p.run("drift", "--fail-on", "drift");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("1 spec(s) drifted (--fail-on drift); exit 1"), r.err());

        Result json = p.run("drift", "feature-001", "--fail-on", "drift", "--json");
        assertEquals(1, json.exit(), json.err());
        assertTrue(json.out().startsWith("{\n  \"format\": \"code-factory/drift/1\""), json.out());
        assertTrue(json.out().contains("\"status\": \"code changed\"") && json.out().contains("\"drift\": true")
                && json.out().contains("\"failed\": [\n    \"drift\"\n  ]"), json.out());
    }

    // covers feature-010/FR-011
    @Test
    void trace_with_drift_lists_the_matrix_then_the_drift_and_fails_on_drift_also_as_json() throws Exception {
        TestProject p = drifted();
        Result r = p.run("trace", "--drift", "--no-report");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().indexOf("feature-001/FR-001") < r.out().indexOf("feature-001  code changed"), r.out());
        assertTrue(r.out().contains("1 spec(s): 1 drifted, 0 in sync"), r.out());

        Result failed = p.run("trace", "--fail-on", "drift", "--no-report", "--json");
        assertEquals(1, failed.exit(), failed.err());
        assertTrue(failed.out().contains("\"drift\": {\n    \"format\": \"code-factory/drift/1\"")
                && failed.out().contains("\"failed\": [\n    \"drift\"\n  ]"), failed.out());

        Result without = p.run("trace", "--no-report", "--json");
        assertEquals(0, without.exit(), without.err());
        assertTrue(!without.out().contains("code-factory/drift/1"), "drift only when asked: " + without.out());
    }

    // covers feature-010/FR-012
    @Test
    void never_reconciled_and_in_sync_specs_do_not_fail() throws Exception {
        TestProject p = TestProject.initialised(dir);
        p.write(SPEC, spec(null));
        p.git("add", "-A");
        p.git("commit", "-q", "-m", "start");
        Result r = p.run("drift", "--fail-on", "drift");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("never reconciled"), r.out());
    }

    // covers feature-010/FR-013
    @Test
    void a_reconciled_commit_that_is_gone_is_a_finding_and_no_failure() throws Exception {
        TestProject p = TestProject.initialised(dir);
        p.write(SPEC, spec("0123456789abcdef0123456789abcdef01234567"));
        p.git("add", "-A");
        p.git("commit", "-q", "-m", "start");
        Result r = p.run("drift", "--fail-on", "drift");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("reconciled commit missing") && r.out().contains("the history was rewritten"),
                r.out());
    }

    @Test
    void usage_errors_and_failures_exit_2_and_3_also_as_json(@TempDir Path elsewhere) throws Exception {
        TestProject p = drifted();
        Result bad = p.run("drift", "--fail-on", "orphans");
        assertEquals(2, bad.exit(), bad.out());
        assertTrue(bad.err().contains("--fail-on takes drift, not 'orphans'"), bad.err());
        Result unknown = p.run("drift", "feature-404", "--json");
        assertEquals(2, unknown.exit(), unknown.out());
        assertTrue(unknown.out().contains("\"exitCode\": 2") && unknown.out().contains("feature-404"), unknown.out());
        Result noGit = TestProject.plainFolder(elsewhere).run("drift", "--json");
        assertEquals(3, noGit.exit(), noGit.out());
        assertTrue(noGit.out().contains("\"exitCode\": 3"), noGit.out());
    }

    @Test
    void help_names_the_options_and_the_exit_codes() {
        Result r = TestProject.plainFolder(dir).run("drift", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("--fail-on=WHAT") && r.out().contains("--json") && r.out().contains("Exit codes:")
                && r.out().contains("Exit 1 comes only with --fail-on drift"), r.out());
    }
}
