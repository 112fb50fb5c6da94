package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import dev.codefactory.testkit.llm.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code factory rescue} end to end: the real CLI in real temporary git repositories broken the way people break
 * them (a merge conflict made with the git command line, a lock file left behind, a detached HEAD, a change order
 * killed with SIGKILL, a failing test command), against a loopback model that must not be asked when offline.
 */
class RescueTest {
    static final String A = "src/a.txt";

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;
    String baseBranch;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "broken", model);
        project.env.put("NO_COLOR", "1");
        project.write("contracts/specs/greeting.md", "---\nid: feature-001\ntitle: Greeting\nstatus: approved\n"
                + "created: 2026-11-20\nupdated: 2026-11-20\nauthor: Ada\ntags: [greeting]\npriority: high\n---\n\n"
                + "# Greeting\n\n## Overview\n\nThe `Greeter` greets people.\n\n## Requirements\n\n- `Greeter` says"
                + " hello.\n");
        project.write(ChangeTest.GREETER, ChangeTest.GREETER_BEFORE);
        project.write(A, "one\ntwo\nthree\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "base");
        baseBranch = project.git("symbolic-ref", "--short", "HEAD").strip();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private static JsonNode json(Result r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    private static List<JsonNode> findings(JsonNode doc, String kind) {
        List<JsonNode> found = new ArrayList<>();
        doc.get("findings").forEach(f -> {
            if (f.get("kind").asText().equals(kind)) {
                found.add(f);
            }
        });
        return found;
    }

    private static boolean anyError(JsonNode findings) {
        return StreamSupport.stream(findings.spliterator(), false)
                .anyMatch(f -> f.get("severity").asText().equals("error"));
    }

    /** A real merge conflict in {@link #A}: line 2 differs on both sides; the markers are on lines 2, 4 and 6. */
    private void mergeConflict() throws IOException {
        project.git("checkout", "-q", "-b", "other");
        project.write(A, "one\ntwo, said other\nthree\n");
        project.git("commit", "-q", "-am", "other's two");
        project.git("checkout", "-q", baseBranch);
        project.write(A, "one\ntwo, said main\nthree\n");
        project.git("commit", "-q", "-am", "main's two");
        assertEquals(1, project.gitRun("merge", "other").exit(), "the merge conflicts");
        assertTrue(project.read(A).contains("<<<<<<< HEAD"), project.read(A));
    }

    /** Every file but .git/, .factory/ and the tests' user configuration. */
    private Map<String, String> files() throws IOException {
        Map<String, String> all = new TreeMap<>(project.snapshot());
        all.keySet().removeIf(p -> p.equals(".factory") || p.startsWith(".factory/") || p.equals(".xdg-config")
                || p.startsWith(".xdg-config/") || p.equals("reports") || p.startsWith("reports/"));
        return all;
    }

    // ---- the command -------------------------------------------------------------------------------------------

    // covers feature-008/FR-013
    @Test
    void help_says_what_it_does_and_never_does_and_the_exit_codes() {
        Result r = project.run("rescue", "--help");

        assertEquals(0, r.exit(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        for (String option : List.of("--offline", "--yes", "--json", "--max-fixes", "--min-confidence", "--fetch",
                "--no-tests", "--no-report", "--no-cache")) {
            assertTrue(help.contains(option), option + " in " + r.out());
        }
        assertTrue(help.contains("never runs git reset --hard, git clean or a force-push"), r.out());
        assertTrue(help.contains("factory/rescue-ID"), r.out());
        assertTrue(help.contains("Exit 0 when nothing is broken"), r.out());
        assertTrue(help.contains("Exit codes:"), r.out());
        assertTrue(help.contains("a rescue that leaves something broken"), r.out());
    }

    // covers feature-008/FR-013
    @Test
    void a_bad_option_is_a_usage_error_also_in_json() throws IOException {
        Result r = project.run("rescue", "--min-confidence", "1.5", "--json");

        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertEquals("usage", json(r).get("error").asText(), r.out());
        assertTrue(r.err().contains("--min-confidence must be between 0 and 1, not 1.5"), r.err());
    }

    // covers feature-008/FR-008, feature-008/FR-001
    @Test
    void a_healthy_project_exits_0_and_says_so_without_asking_the_model() throws IOException {
        Result r = project.run("rescue", "--offline", "--json", "--no-report");

        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode doc = json(r);
        assertEquals("code-factory/rescue/1", doc.get("format").asText(), r.out());
        assertTrue(doc.get("healthy").asBoolean(), r.out());
        assertTrue(doc.get("healthyNow").asBoolean(), r.out());
        assertEquals(0, doc.get("exitCode").asInt(), r.out());
        assertFalse(anyError(doc.get("findings")), r.out());
        assertTrue(doc.get("report").isNull(), "--no-report: " + r.out());
        assertFalse(Files.exists(project.root.resolve("reports")) && project.root.resolve("reports").toFile()
                .list((d, n) -> n.startsWith("rescue-")).length > 0, "no report written");

        Result text = project.run("rescue", "--offline", "--no-report");

        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().strip().endsWith("Healthy: nothing is broken."), text.out());
        assertTrue(model.bodies.isEmpty(), "offline: the model is never asked");
    }

    // ---- git ---------------------------------------------------------------------------------------------------

    // covers feature-008/FR-013, feature-008/FR-004
    @Test
    void change_refuses_a_conflicted_tree_pointing_at_rescue_and_rescue_finds_the_conflict() throws IOException {
        mergeConflict();

        Result change = project.run("change", ChangeTest.REQUEST, "--yes");

        assertEquals(ExitCodes.FAILURE, change.exit(), change.out() + change.err());
        assertTrue(change.err().contains("`factory rescue` can help"), change.err());

        Result r = project.run("rescue", "--offline", "--json", "--no-report");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        JsonNode doc = json(r);
        assertFalse(doc.get("healthy").asBoolean(), r.out());
        List<JsonNode> conflicts = findings(doc, "conflict");
        assertEquals(1, conflicts.size(), r.out());
        JsonNode conflict = conflicts.get(0);
        assertEquals("git", conflict.get("area").asText());
        assertEquals("error", conflict.get("severity").asText());
        List<String> places = new ArrayList<>();
        conflict.get("evidence").forEach(e -> places.add(e.get("path").asText() + ":" + e.get("line").asText()));
        assertTrue(places.contains(A + ":2"), "the conflict markers' lines: " + places);
        assertFalse(conflict.get("nextStep").asText().isEmpty(), r.out());
        assertEquals(1, findings(doc, "git-operation").size(), "the merge in progress: " + r.out());
        assertTrue(model.bodies.isEmpty(), "offline: the model is never asked");
    }

    // covers feature-008/FR-011, feature-008/FR-012
    @Test
    void aborting_a_merge_needs_the_persons_own_yes_even_with_yes() throws IOException {
        mergeConflict();
        String conflicted = project.read(A);

        Result yes = project.run("rescue", "--offline", "--yes", "--no-report");

        assertEquals(ExitCodes.FINDINGS, yes.exit(), yes.out() + yes.err());
        assertTrue(yes.err().contains("it needs your explicit yes, which --yes does not give"), yes.err());
        assertTrue(Files.exists(project.root.resolve(".git/MERGE_HEAD")), "still merging");
        assertEquals(conflicted, project.read(A), "nothing touched");

        Result no = project.runTyping("n\n", "rescue", "--offline", "--no-report");

        assertTrue(no.out().contains("Repair: "), no.out());
        assertTrue(no.err().contains("Do it? [y/N]") || no.out().contains("Do it? [y/N]"), no.out() + no.err());
        assertTrue(Files.exists(project.root.resolve(".git/MERGE_HEAD")), "n: still merging");

        Result typed = project.runTyping("y\ny\ny\n", "rescue", "--offline", "--no-report");

        assertFalse(Files.exists(project.root.resolve(".git/MERGE_HEAD")), typed.out() + typed.err());
        assertEquals("one\ntwo, said main\nthree\n", project.read(A), "as before the merge");
        assertEquals(baseBranch, project.git("symbolic-ref", "--short", "HEAD").strip());
        assertTrue(typed.out().contains("applied"), typed.out());
        assertEquals(0, typed.exit(), "nothing broken is left: " + typed.out() + typed.err());
    }

    // covers feature-008/FR-004, feature-008/FR-011
    @Test
    void a_stale_index_lock_is_found_and_removed_with_yes() throws IOException {
        Path lock = Files.writeString(project.root.resolve(".git/index.lock"), "");

        Result young = project.run("rescue", "--offline", "--yes", "--json", "--no-report");

        assertEquals(0, young.exit(), "a lock just written may be held: a warning, " + young.out());
        assertEquals(1, findings(json(young), "held-lock").size(), young.out());
        assertTrue(Files.exists(lock), "a lock that may be held is never removed, even with --yes");

        // as a git killed a minute ago leaves it
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                .minusSeconds(60)));
        Result r = project.run("rescue", "--offline", "--json", "--no-report");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        List<JsonNode> stale = findings(json(r), "stale-lock");
        assertEquals(1, stale.size(), r.out());
        assertTrue(stale.get(0).toString().contains("index.lock"), r.out());
        assertTrue(Files.exists(lock), "detection alone removes nothing");

        Result fixed = project.run("rescue", "--offline", "--yes", "--json", "--no-report");

        assertEquals(0, fixed.exit(), fixed.out() + fixed.err());
        JsonNode doc = json(fixed);
        assertFalse(doc.get("healthy").asBoolean(), "broken before: " + fixed.out());
        assertTrue(doc.get("healthyNow").asBoolean(), "healthy after: " + fixed.out());
        assertEquals("repair", doc.get("fixes").get(0).get("source").asText(), fixed.out());
        assertEquals("applied", doc.get("fixes").get(0).get("status").asText(), fixed.out());
        assertFalse(Files.exists(lock), "removed");
        assertEquals("", project.git("status", "--porcelain", "--untracked-files=no"));
    }

    // covers feature-008/FR-004, feature-008/FR-008
    @Test
    void a_detached_head_is_found_and_the_report_written() throws IOException {
        project.git("checkout", "-q", "--detach");

        Result r = project.run("rescue", "--offline", "--json");

        JsonNode doc = json(r);
        assertEquals(1, findings(doc, "detached-head").size(), r.out());
        assertEquals(anyError(doc.get("findings")) ? ExitCodes.FINDINGS : ExitCodes.OK, r.exit(),
                "exit 1 exactly when a finding is an error: " + r.out());
        String report = doc.get("report").asText();
        assertTrue(report.matches("reports/rescue-\\d{4}-\\d{2}-\\d{2}(-\\d+)?\\.md"), report);
        assertTrue(project.read(report).contains("detached-head") || project.read(report).toLowerCase()
                .contains("detached"), project.read(report));

        Result text = project.run("rescue", "--offline");

        assertTrue(text.out().contains("Git\n"), text.out());
        assertTrue(text.out().contains("[detached-head]"), text.out());
        assertTrue(text.out().contains("Report: reports/rescue-"), text.out());
        assertTrue(Files.exists(project.root.resolve(text.out().lines().filter(l -> l.startsWith("Report: "))
                .findFirst().orElseThrow().substring("Report: ".length()))), "a second report, not overwritten");
    }

    // ---- Code-Factory's own state ------------------------------------------------------------------------------

    private String head() {
        return project.git("rev-parse", "HEAD").strip();
    }

    private long changeRequests() {
        return model.kinds.stream().filter(k -> k == ModelLoopback.Kind.CHANGE).count();
    }

    // covers feature-008/FR-005, feature-008/FR-011
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_change_killed_with_sigkill_is_found_and_undone_byte_for_byte() throws Exception {
        project.write("notes.txt", "my own notes, never committed\n");
        Map<String, String> before = files();
        String commitBefore = head();
        model.changes.add(ChangeTest.PLAN);
        model.changes.add(ChangeTest.EDITS);
        model.callDelays.put(1, 120_000); // the edits: held until the process is killed
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "change", ChangeTest.REQUEST,
                "--yes", "--stash")
                .directory(project.root.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FACTORY_") || k.startsWith("GITHUB"));
        pb.environment().putAll(project.env);
        Process child = pb.start();
        String id;
        try {
            Await.until(() -> changeRequests() >= 2 || !child.isAlive(), Duration.ofSeconds(60));
            assertEquals(2, changeRequests(), "the edits are being asked for: "
                    + Files.readString(tmp.resolve("killed.txt")));
            JsonNode running = new ObjectMapper().readTree(project.run("history", "--json").out()).get(0);
            id = running.get("id").asText();
            assertEquals("started", running.get("status").asText(), "its record exists, started");
        } finally {
            child.destroyForcibly(); // SIGKILL: no catch block, no rollback
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        Result found = project.run("rescue", "--offline", "--json", "--no-report");

        assertEquals(ExitCodes.FINDINGS, found.exit(), found.out() + found.err());
        List<JsonNode> interrupted = findings(json(found), "change-interrupted");
        assertEquals(1, interrupted.size(), found.out());
        assertTrue(interrupted.get(0).toString().contains(id), found.out());

        Result undone = project.run("rescue", "--offline", "--yes", "--json", "--no-report");

        assertEquals(0, undone.exit(), undone.out() + undone.err());
        JsonNode doc = json(undone);
        assertTrue(doc.get("healthyNow").asBoolean(), undone.out());
        assertTrue(StreamSupport.stream(doc.get("fixes").spliterator(), false)
                .anyMatch(f -> f.get("status").asText().equals("applied")), undone.out());
        assertEquals(commitBefore, head());
        assertEquals(baseBranch, project.git("symbolic-ref", "--short", "HEAD").strip());
        assertEquals(before, files(), "every file back, byte for byte, the uncommitted notes included");
        assertEquals("", project.git("branch", "--list", "factory/change-*").strip());
        assertEquals("", project.git("stash", "list"), "the stash given back");
    }

    // ---- build and tests ---------------------------------------------------------------------------------------

    /** A fixture factory-domain's build readers are tested on: output captured from a real run of the tool. */
    private static Path fixture(String name) {
        return Path.of("..", "factory-domain", "src", "test", "resources", "rescue", name);
    }

    // covers feature-008/FR-006, feature-008/FR-001
    @ParameterizedTest
    @CsvSource({"maven/mvn-test-failures.txt, com.example.CartTest.total_adds_prices, com.example.CartTest.first_of_empty_cart",
        "pytest/pytest-failures.txt, tests/test_cart.py::test_total, tests/test_cart.py::test_first_of_empty"})
    void a_failing_test_command_is_read_and_offline_never_asks_the_model(String output, String failed,
                                                                         String errored) throws IOException {
        project.write("captured.txt", Files.readAllBytes(fixture(output)));
        project.write("run-tests.sh", "#!/bin/sh\ncat captured.txt\nexit 1\n");
        project.env.put("FACTORY_PROJECT_TEST_COMMAND", "sh run-tests.sh");

        Result r = project.run("rescue", "--offline", "--json", "--no-report");

        assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
        JsonNode doc = json(r);
        assertTrue(doc.get("testsRan").asBoolean(), r.out());
        List<String> names = new ArrayList<>();
        doc.get("failures").forEach(f -> names.add(f.get("test").asText()));
        assertTrue(names.contains(failed) && names.contains(errored), names + " in " + r.out());
        List<JsonNode> tests = findings(doc, "test-failure");
        assertTrue(tests.size() >= 2, r.out());
        tests.forEach(f -> assertEquals("error", f.get("severity").asText(), r.out()));
        assertEquals(0, doc.get("diagnosis").get("causes").size(), r.out());
        assertTrue(model.bodies.isEmpty(), "offline: the model is never asked");

        Result skipped = project.run("rescue", "--offline", "--no-tests", "--json", "--no-report");

        assertFalse(json(skipped).get("testsRan").asBoolean(), skipped.out());
        assertEquals(0, skipped.exit(), "without the tests nothing is broken: " + skipped.out());
    }

    // ---- the model ---------------------------------------------------------------------------------------------

    static final String GREETER_PY = "greeter.py";
    static final String GREETER_PY_BROKEN = "def greet():\n    return \"bye\"\n";
    /**
     * The project's tests, as pytest prints them: test_hello fails unless greet() says hello, test_no_todo fails when
     * greeter.py holds a TODO.
     */
    static final String PYTEST = "#!/bin/sh\nfailed=0\nsummary=''\n"
            + "if ! grep -q 'return \"hello\"' greeter.py; then failed=$((failed+1)); summary=\"${summary}"
            + "FAILED tests/test_greeter.py::test_hello - AssertionError: assert 'bye' == 'hello'\n\"; fi\n"
            + "if grep -q TODO greeter.py; then failed=$((failed+1)); summary=\"${summary}"
            + "FAILED tests/test_style.py::test_no_todo - AssertionError: greeter.py has a TODO\n\"; fi\n"
            + "echo '============================= test session starts =============================='\n"
            + "echo 'collected 2 items'\n"
            + "if [ $failed -eq 0 ]; then echo '============================== 2 passed in 0.01s"
            + " ==============================='; exit 0; fi\n"
            + "echo '=========================== short test summary info ============================'\n"
            + "printf \"$summary\"\n"
            + "echo \"========================= $failed failed, $((2-failed)) passed in 0.02s"
            + " =========================\"\nexit 1\n";
    static final String DIAGNOSIS = "{\"causes\": [{\"summary\": \"greet() returns the farewell instead of the"
            + " greeting\", \"confidence\": 0.9, \"evidence\": [{\"file\": \"greeter.py\", \"line\": 2}],"
            + " \"fix\": \"return hello from greet()\", \"files\": [{\"path\": \"greeter.py\", \"action\":"
            + " \"modify\", \"reason\": \"the wrong word\"}]}, {\"summary\": \"the tests may be flaky\","
            + " \"confidence\": 0.3, \"evidence\": [{\"file\": \"nowhere.py\", \"line\": 7}], \"fix\":"
            + " \"\", \"files\": []}]}";

    private void brokenGreeter() throws IOException {
        project.write(GREETER_PY, GREETER_PY_BROKEN);
        project.write("run-tests.sh", PYTEST);
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "greet with bye");
        project.env.put("FACTORY_PROJECT_TEST_COMMAND", "sh run-tests.sh");
    }

    private static String edit(String replacement) {
        return "FILE: " + GREETER_PY + "\n<<<<<<< SEARCH\n    return \"bye\"\n=======\n    " + replacement
                + "\n>>>>>>> REPLACE\n";
    }

    // covers feature-008/FR-009, feature-008/FR-010, feature-008/FR-002
    @Test
    void with_a_model_a_confident_cause_is_fixed_on_a_rescue_branch_retested_and_undone_byte_for_byte()
            throws IOException {
        brokenGreeter();
        Map<String, String> before = files();
        String commitBefore = head();
        model.diagnoses.add(DIAGNOSIS);
        model.changes.add(edit("return \"hello\""));

        Result r = project.run("rescue", "--yes", "--json");

        assertEquals(0, r.exit(), "nothing broken is left: " + r.out() + r.err());
        JsonNode doc = json(r);
        assertEquals(1, model.kinds.stream().filter(k -> k == ModelLoopback.Kind.RESCUE).count(), "one diagnosis");
        JsonNode causes = doc.get("diagnosis").get("causes");
        assertEquals("greet() returns the farewell instead of the greeting", causes.get(0).get("summary").asText());
        assertEquals(0.9, causes.get(0).get("confidence").asDouble(), 1e-9);
        assertTrue(doc.get("diagnosis").get("dropped").asInt() >= 1, "nowhere.py is made up: " + r.out());
        JsonNode fix = StreamSupport.stream(doc.get("fixes").spliterator(), false)
                .filter(f -> f.get("source").asText().equals("model") && f.get("status").asText().equals("applied"))
                .findFirst().orElseThrow(() -> new AssertionError("an applied fix: " + r.out()));
        String id = fix.get("changeId").asText();
        assertEquals("factory/rescue-" + id.replaceFirst("^rescue-", ""),
                project.git("rev-parse", "--abbrev-ref", "HEAD").strip(), r.out());
        assertEquals(1, fix.get("tests").get("gone").size(), r.out());
        assertEquals(0, fix.get("tests").get("new").size(), r.out());
        assertEquals("def greet():\n    return \"hello\"\n", project.read(GREETER_PY));
        assertTrue(r.err().contains("return \"hello\""), "the diff is shown for the record: " + r.err());
        assertTrue(doc.get("healthyNow").asBoolean(), r.out());
        String report = doc.get("report").asText();
        assertTrue(project.read(report).contains("greet() returns the farewell"), project.read(report));
        assertEquals("", project.git("status", "--porcelain", "reports").strip(),
                "the report is committed with the fix, so undo takes both back");

        Result undo = project.run("undo", id);

        assertEquals(0, undo.exit(), undo.out() + undo.err());
        assertEquals(commitBefore, head());
        assertEquals(baseBranch, project.git("symbolic-ref", "--short", "HEAD").strip());
        assertEquals(before, files(), "byte for byte");
    }

    // covers feature-008/FR-010
    @Test
    void a_wrong_fix_shows_its_new_failures_in_the_summary_and_the_report_and_undo_restores() throws IOException {
        brokenGreeter();
        Map<String, String> before = files();
        model.diagnoses.add(DIAGNOSIS);
        model.changes.add(edit("return \"hello\"  # TODO: check"));

        Result r = project.run("rescue", "--yes");

        assertEquals(ExitCodes.FINDINGS, r.exit(), "the fix broke a test: " + r.out() + r.err());
        assertTrue(r.out().contains("Causes (the model's, most confident first)"), r.out());
        assertTrue(r.out().contains("0.90  greet() returns the farewell instead of the greeting"), r.out());
        assertTrue(r.out().contains("greeter.py:2"), "its evidence: " + r.out());
        assertTrue(r.out().contains("new:    tests/test_style.py::test_no_todo"), r.out());
        assertTrue(r.out().contains("gone:   tests/test_greeter.py::test_hello"), r.out());
        assertTrue(r.out().contains("the fix broke tests/test_style.py::test_no_todo"), r.out());
        assertEquals(1, r.out().split("the fix broke", -1).length - 1, "said once: " + r.out());
        String report = r.out().lines().filter(l -> l.startsWith("Report: ")).findFirst().orElseThrow()
                .substring("Report: ".length());
        assertTrue(project.read(report).contains("test_no_todo"), project.read(report));
        String id = project.git("rev-parse", "--abbrev-ref", "HEAD").strip().replaceFirst("^factory/", "");
        assertEquals("", project.git("status", "--porcelain", "reports").strip(),
                "the report is committed with the fix, so undo takes both back");

        Result undo = project.run("undo");

        assertEquals(0, undo.exit(), undo.out() + undo.err() + " " + id);
        assertEquals(before, files(), "byte for byte");
    }
}
