package dev.codefactory.app.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.change.ChangeOrderService;
import dev.codefactory.app.change.ChangeOrderUseCase.UndoCommand;
import dev.codefactory.app.change.ChangeOrderUseCase.UndoOutcome;
import dev.codefactory.app.rescue.RescueUseCase.RescueCommand;
import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.change.PlannedFile;
import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.change.spi.TestRunnerProvider;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.testkit.llm.OpenAiFakeServer;
import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RESCUE's model path (feature-008, FR-009, FR-010, FR-002) end to end: a real git repository, a real test command (a
 * shell script that checks the code and prints what pytest prints), the real adapters, and a model on 127.0.0.1
 * (the testkit's OpenAI server) answering with scripted diagnoses and edits in the shapes real models write.
 */
class RescueModelTest {
    static final String CALC = "shop/calc.py";
    static final String CALC_BROKEN = "def add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n";
    static final String CALC_GOOD = CALC_BROKEN.replace("a - b", "a + b");
    static final String TESTS = "from shop.calc import add, mul\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\n"
            + "def test_mul():\n    assert mul(2, 3) == 6\n";
    /** A stand-in for pytest: checks shop/calc.py as tests/test_calc.py would, and prints what pytest prints. */
    static final String RUN_TESTS = String.join("\n",
            "#!/bin/sh",
            "failed=''",
            "grep -q 'return a + b' shop/calc.py || failed=\"$failed add\"",
            "grep -q 'return a \\* b' shop/calc.py || failed=\"$failed mul\"",
            "echo '============================= test session starts =============================='",
            "echo 'collected 2 items'",
            "echo",
            "if [ -z \"$failed\" ]; then",
            "  echo 'tests/test_calc.py ..                                                    [100%]'",
            "  echo '============================== 2 passed in 0.01s ==============================='",
            "  exit 0",
            "fi",
            "echo '=================================== FAILURES ==================================='",
            "for t in $failed; do",
            "  case $t in add) line=5;; mul) line=9;; esac",
            "  echo \"___________________________________ test_$t ___________________________________\"",
            "  echo",
            "  echo \"tests/test_calc.py:$line: AssertionError\"",
            "done",
            "echo '=========================== short test summary info ============================'",
            "for t in $failed; do echo \"FAILED tests/test_calc.py::test_$t - AssertionError\"; done",
            "echo '============================== failed in 0.02s ================================='",
            "exit 1",
            "");
    /** A GitHub token in the code, made up, in the shape the redaction rules know. */
    static final String TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    @TempDir
    Path tmp;
    Path project;
    GitSandbox sandbox;
    OpenAiFakeServer model;

    @BeforeEach
    void setUp() {
        project = tmp.resolve("shop");
        sandbox = GitSandbox.at(tmp.resolve("home"));
        sandbox.init(project);
        GitSandbox.write(project.resolve("README.md"), "# Shop\n");
        GitSandbox.write(project.resolve(CALC), CALC_BROKEN);
        GitSandbox.write(project.resolve("tests/test_calc.py"), TESTS);
        GitSandbox.write(project.resolve("run-tests.sh"), RUN_TESTS);
        try (CodeFactory f = factory()) {
            f.init();
        }
        sandbox.commitFiles(project, "start");
        model = OpenAiFakeServer.start();
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    // ---- (a) a correct fix -----------------------------------------------------------------------------------------

    // covers feature-008/FR-010
    // covers feature-008/FR-002
    @Test
    void a_correct_fix_is_approved_applied_on_a_rescue_branch_and_the_rerun_shows_the_failure_gone() {
        model.enqueueAnswer(diagnosis(0.9, "add subtracts instead of adding", CALC, 2));
        model.enqueueAnswer(fixAdd());
        Dialog dialog = new Dialog();

        RescueOutcome o;
        try (CodeFactory f = factory()) {
            o = f.rescue(RescueCommand.of().withReport(false), dialog);
        }

        assertEquals(List.of("tests/test_calc.py::test_add"), o.failures().stream().map(TestFailure::test).toList());
        assertEquals(1, o.diagnosis().causes().size());
        assertEquals(List.of(Evidence.at(CALC, 2)), o.diagnosis().causes().get(0).evidence());
        FixResult fix = model(o.fixes()).get(0);
        assertEquals(FixResult.Status.APPLIED, fix.status(), fix.detail());
        String id = fix.changeId().orElseThrow();
        assertTrue(id.startsWith("rescue-"), id);
        assertEquals("factory/" + id, git("rev-parse", "--abbrev-ref", "HEAD").strip());
        assertEquals(git("rev-parse", "main").strip(), git("rev-parse", "HEAD~1").strip(), "one commit on main");
        assertEquals(CALC_GOOD, GitSandbox.read(project.resolve(CALC)));
        assertEquals(List.of("tests/test_calc.py::test_add"),
                fix.tests().orElseThrow().gone().stream().map(TestFailure::test).toList());
        assertEquals(List.of(), fix.tests().orElseThrow().remain());
        assertEquals(List.of(), fix.tests().orElseThrow().added());
        // the person approved the plan (the cause's files) and the diff
        assertEquals(1, dialog.plans.size());
        assertEquals(List.of(new PlannedFile(CALC, PlannedFile.Action.MODIFY, "the operator")),
                dialog.plans.get(0).plan().files());
        assertTrue(dialog.plans.get(0).plan().request().contains("add subtracts instead of adding"));
        assertEquals(List.of(CALC), dialog.diffs.get(0).stream().map(FileDiff::path).toList());
        assertTrue(dialog.output.stream().anyMatch(l -> l.contains("2 passed")), dialog.output.toString());
        assertTrue(o.healthyNow(), o.remaining().toString());
        try (CodeFactory f = factory()) {
            ChangeRecord r = f.history().get(0);
            assertEquals(id, r.id());
            assertEquals("factory/" + id, r.branch());
            assertEquals(ChangeRecord.Status.APPLIED, r.status());
            assertEquals("passed", r.tests());
        }
    }

    // ---- (b) a wrong fix ------------------------------------------------------------------------------------------

    // covers feature-008/FR-010
    // covers feature-008/FR-002
    @Test
    void a_wrong_fix_of_a_dirty_tree_says_what_it_broke_and_undo_puts_back_every_byte_and_the_branch() {
        // the broken state is uncommitted: the committed add is right, the working tree's is not
        GitSandbox.write(project.resolve(CALC), CALC_GOOD);
        sandbox.commitFiles(project, "add adds");
        GitSandbox.write(project.resolve(CALC), CALC_BROKEN);
        GitSandbox.write(project.resolve("notes.txt"), "untracked notes\n");
        String status = git("status", "--porcelain", "--untracked-files=all");
        Map<String, String> before = tree();
        Fixture fx = fixture();
        List<TestFailure> failing = fx.failures();
        assertEquals(List.of("tests/test_calc.py::test_add"), failing.stream().map(TestFailure::test).toList());

        model.enqueueAnswer(breakMul());
        List<FixResult> results = fx.fixes.fix(causes(cause(0.9, "mul is wrong", CALC)), failing,
                RescueCommand.of(), fx.dialog);

        FixResult fix = results.get(0);
        assertEquals(FixResult.Status.APPLIED, fix.status(), fix.detail());
        String id = fix.changeId().orElseThrow();
        assertEquals(List.of("tests/test_calc.py::test_mul"),
                fix.tests().orElseThrow().added().stream().map(TestFailure::test).toList());
        assertEquals(List.of("tests/test_calc.py::test_add"),
                fix.tests().orElseThrow().remain().stream().map(TestFailure::test).toList());
        assertTrue(fix.detail().contains("broke tests/test_calc.py::test_mul"), fix.detail());
        assertTrue(fix.detail().contains("`factory undo " + id + "`"), fix.detail());
        // the uncommitted broken state is a commit of its own on the rescue branch, then the fix
        assertEquals("factory/" + id, git("rev-parse", "--abbrev-ref", "HEAD").strip());
        assertEquals(git("rev-parse", "main").strip(), git("rev-parse", "HEAD~2").strip());
        assertTrue(git("log", "-1", "--format=%s", "HEAD~1").contains("uncommitted work"));
        assertEquals("?? notes.txt\n", git("status", "--porcelain", "--untracked-files=all"));
        assertTrue(fx.dialog.plans.get(0).warnings().stream().anyMatch(w -> w.contains("uncommitted changes")),
                fx.dialog.plans.get(0).warnings().toString());
        fx.close();

        UndoOutcome undone;
        try (CodeFactory f = factory()) {
            undone = f.undo(UndoCommand.of(id));
        }
        assertEquals(Optional.of("main"), undone.branch());
        assertTrue(undone.branchDeleted());
        assertEquals("main\n", git("rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals(status, git("status", "--porcelain", "--untracked-files=all"));
        assertEquals(before, tree());
        assertEquals("", git("branch", "--list", "factory/*"));
    }

    // ---- (c) answers as real models write them ---------------------------------------------------------------------

    // covers feature-008/FR-009
    @Test
    void a_chatty_fenced_answer_is_read_and_made_up_files_and_lines_are_dropped_and_counted() {
        GitSandbox.write(project.resolve("tests/test_calc.py"), "# token " + TOKEN + "\n" + TESTS);
        sandbox.commitFiles(project, "with a token");
        Fixture fx = fixture();
        List<TestFailure> failing = fx.failures();
        model.enqueueAnswer("Sure! Here is my analysis of the failing build.\n\n```json\n{\n  \"causes\": [\n"
                + "    {\"summary\": \"add subtracts\", \"confidence\": 0.9, \"evidence\": [{\"file\": \"" + CALC
                + "\", \"line\": 2}, {\"file\": \"shop/imaginary.py\", \"line\": 1}, {\"file\": \"" + CALC
                + "\", \"line\": 999},], \"fix\": \"use +\", \"files\": [{\"path\": \"" + CALC
                + "\", \"action\": \"modify\", \"reason\": \"the operator\"}],},\n"
                + "    {\"summary\": \"tests are flaky\", \"confidence\": 0.2, \"evidence\": [], \"fix\": \"\","
                + " \"files\": []}\n  ]\n}\n```\n\nI hope this helps!");

        Diagnosis d = fx.diagnosis.diagnose(List.of(), failing, RescueCommand.of(), fx.dialog);

        assertEquals(List.of("add subtracts", "tests are flaky"), d.causes().stream().map(Cause::summary).toList());
        assertEquals(List.of(Evidence.at(CALC, 2)), d.causes().get(0).evidence());
        assertEquals(2, d.dropped());
        assertEquals(List.of(d.causes()), fx.dialog.causes);
        String sent = model.requests().get(0).body();
        assertTrue(sent.contains("tests/test_calc.py, lines 1-10"), sent);
        assertTrue(sent.contains("   6|     assert add(1, 2) == 3"), sent);
        assertTrue(sent.contains("tests/test_calc.py::test_add"), sent);
        assertTrue(sent.contains("start"), "the recent commits: " + sent);
        assertTrue(sent.contains("not known"), "no green state recorded: " + sent);
        assertFalse(sent.contains(TOKEN), "the token is masked: " + sent);
        assertEquals(1, model.requestCount());
        fx.close();
    }

    // covers feature-008/FR-009
    @Test
    void the_diff_since_the_last_change_whose_tests_passed_goes_to_the_model() {
        Fixture fx = fixture();
        model.enqueueAnswer(fixAdd());
        List<FixResult> fixed = fx.fixes.fix(causes(cause(0.9, "add subtracts", CALC)), fx.failures(),
                RescueCommand.of(), fx.dialog);
        String green = git("rev-parse", "HEAD").strip();
        assertEquals("passed", fx.f.history().get(0).tests(), fixed.get(0).detail());
        GitSandbox.write(project.resolve(CALC), CALC_GOOD.replace("a * b", "a / b")); // broken again, uncommitted
        RescueDiagnosis withJournal = new RescueDiagnosis(fx.f.languageModels(), fx.f::files,
                fx.f::requireVersionControl, fx.f::config, Clock.systemUTC(), () -> fx.f.provider(
                        dev.codefactory.port.change.spi.ChangeJournalProvider.class, "file").create(new ProjectContext(
                        project, Clock.systemUTC(), Map.of(), ProjectContext.Limits.DEFAULT)));
        model.enqueueAnswer(diagnosis(0.8, "mul divides", CALC, 6));

        Diagnosis d = withJournal.diagnose(List.of(), fx.failures(), RescueCommand.of(), fx.dialog);

        assertEquals(List.of("mul divides"), d.causes().stream().map(Cause::summary).toList());
        String sent = model.lastRequest().body();
        assertTrue(sent.contains("commit " + green.substring(0, 7)), sent);
        assertTrue(sent.contains("<<<DIFF-1>>>"), sent);
        assertTrue(sent.contains("-    return a * b\\n+    return a / b"), sent);
        fx.close();
    }

    // covers feature-008/FR-009
    @Test
    void a_truncated_answer_gets_one_repair_request_then_the_valid_answer_is_used() {
        Fixture fx = fixture();
        List<TestFailure> failing = fx.failures();
        String full = diagnosis(0.85, "add subtracts", CALC, 2);
        model.enqueueAnswer(full.substring(0, full.length() / 2));
        model.enqueueAnswer(full);

        Diagnosis d = fx.diagnosis.diagnose(List.of(), failing, RescueCommand.of(), fx.dialog);

        assertEquals(2, model.requestCount());
        String repair = model.requests().get(1).body();
        assertTrue(repair.contains("could not be read"), repair);
        assertTrue(repair.contains("cut off"), repair);
        assertEquals(List.of("add subtracts"), d.causes().stream().map(Cause::summary).toList());
        assertTrue(d.notes().get(0).contains("second"), d.notes().toString());
        fx.close();
    }

    // covers feature-008/FR-009
    @Test
    void an_answer_still_malformed_after_the_repair_gives_no_causes_and_a_note() {
        Fixture fx = fixture();
        model.enqueueAnswer("I think the problem is in add.");
        model.enqueueAnswer("Really, it is add.");

        Diagnosis d = fx.diagnosis.diagnose(List.of(), fx.failures(), RescueCommand.of(), fx.dialog);

        assertEquals(2, model.requestCount(), "one repair request, no more");
        assertEquals(List.of(), d.causes());
        assertTrue(d.notes().get(0).contains("even when asked again"), d.notes().toString());
        fx.close();
    }

    @Test
    void offline_or_healthy_asks_no_model() {
        Fixture fx = fixture();
        assertEquals(Diagnosis.none(), fx.diagnosis.diagnose(List.of(), fx.failures(),
                RescueCommand.of().withOffline(true), fx.dialog));
        assertEquals(Diagnosis.none(), fx.diagnosis.diagnose(List.<RescueFinding>of(), List.of(), RescueCommand.of(),
                fx.dialog));
        assertEquals(0, model.requestCount());
        fx.close();
    }

    // ---- (d) threshold and max fixes, (e) --yes --------------------------------------------------------------------

    // covers feature-008/FR-010
    @Test
    void causes_below_the_threshold_are_skipped_and_max_fixes_is_respected() {
        Fixture fx = fixture();
        fx.dialog.planDecision = PlanDecision.reject("not now");
        Diagnosis d = causes(cause(0.95, "first", CALC), cause(0.9, "second", CALC), cause(0.5, "unsure", CALC),
                new Cause("no files", 0.99, List.of(), "think harder", List.of()));

        List<FixResult> results = fx.fixes.fix(d, fx.failures(), RescueCommand.of().withMaxFixes(1), fx.dialog);

        assertEquals(List.of(FixResult.Status.DECLINED, FixResult.Status.SKIPPED, FixResult.Status.SKIPPED,
                FixResult.Status.SKIPPED), results.stream().map(FixResult::status).toList());
        assertEquals(1, fx.dialog.plans.size(), "one fix proposed");
        assertTrue(results.get(1).detail().contains("--max-fixes 1"), results.get(1).detail());
        assertTrue(results.get(2).detail().contains("below --min-confidence 0.70"), results.get(2).detail());
        assertTrue(results.get(3).detail().contains("no change of files"), results.get(3).detail());
        results.forEach(r -> assertEquals(FixResult.Source.MODEL, r.source()));
        assertEquals(0, model.requestCount(), "a declined plan asks the model for no edits");
        assertEquals("main\n", git("rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals(CALC_BROKEN, GitSandbox.read(project.resolve(CALC)));
        fx.close();
    }

    // covers feature-008/FR-010, feature-008/FR-013
    @Test
    void yes_takes_only_the_causes_at_or_above_the_threshold_without_asking() {
        Fixture fx = fixture();
        fx.dialog.asking = false;
        model.enqueueAnswer(fixAdd());
        Diagnosis d = causes(cause(0.7, "add subtracts", CALC), cause(0.69, "mul may overflow", CALC));

        List<FixResult> results = fx.fixes.fix(d, fx.failures(), RescueCommand.of().withYes(true), fx.dialog);

        assertEquals(FixResult.Status.APPLIED, results.get(0).status(), results.get(0).detail());
        assertEquals(FixResult.Status.SKIPPED, results.get(1).status());
        assertEquals(1, fx.dialog.shownPlans.size());
        assertEquals(1, fx.dialog.diffs.size());
        assertEquals(1, model.requestCount());
        assertEquals(CALC_GOOD, GitSandbox.read(project.resolve(CALC)));
        fx.close();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static List<FixResult> model(List<FixResult> all) {
        return all.stream().filter(r -> r.source() == FixResult.Source.MODEL).toList();
    }

    static Cause cause(double confidence, String summary, String file) {
        return new Cause(summary, confidence, List.of(Evidence.at(file, 2)), "change " + file,
                List.of(new PlannedFile(file, PlannedFile.Action.MODIFY, "the operator")));
    }

    static Diagnosis causes(Cause... causes) {
        return new Diagnosis(List.of(causes), 0, List.of());
    }

    static String diagnosis(double confidence, String summary, String file, int line) {
        return "{\"causes\": [{\"summary\": \"" + summary + "\", \"confidence\": " + confidence + ", \"evidence\":"
                + " [{\"file\": \"" + file + "\", \"line\": " + line + "}], \"fix\": \"use + in add\", \"files\":"
                + " [{\"path\": \"" + file + "\", \"action\": \"modify\", \"reason\": \"the operator\"}]}]}";
    }

    static String fixAdd() {
        return "FILE: " + CALC + "\n<<<<<<< SEARCH\n    return a - b\n=======\n    return a + b\n>>>>>>> REPLACE\n";
    }

    static String breakMul() {
        return "Here is the fix.\n\nFILE: " + CALC + "\n<<<<<<< SEARCH\n    return a * b\n=======\n"
                + "    return a ** b\n>>>>>>> REPLACE\n";
    }

    CodeFactory factory() {
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("FACTORY_AUTHOR", "Ada Tester");
        if (model != null) {
            env.put("FACTORY_LLM_PROVIDER", "openai");
            env.put("OPENAI_BASE_URL", model.uri() + "/v1");
            env.put("OPENAI_API_KEY", "sk-test");
            env.put("FACTORY_LLM_MODEL", "gpt-test");
        }
        return CodeFactory.builder().projectRoot(project).environment(env).userConfigDir(tmp.resolve("cfg"))
                .withoutSystemConfig().withoutDetection().override("project.test-command", "sh run-tests.sh")
                .build();
    }

    /** The diagnosis and the fixes over a fresh library instance's real parts. */
    Fixture fixture() {
        return new Fixture(factory());
    }

    final class Fixture implements AutoCloseable {
        final CodeFactory f;
        final BuildCheck build;
        final RescueDiagnosis diagnosis;
        final RescueFixes fixes;
        final Dialog dialog = new Dialog();

        Fixture(CodeFactory f) {
            this.f = f;
            Supplier<TestRunner> tests = () -> f.provider(TestRunnerProvider.class, "shell").create(
                    new ProjectContext(project, Clock.systemUTC(), Map.of(), ProjectContext.Limits.DEFAULT));
            this.build = new BuildCheck(tests, f::files, f::workspace, f::config);
            this.diagnosis = new RescueDiagnosis(f.languageModels(), f::files, f::requireVersionControl, f::config,
                    Clock.systemUTC());
            this.fixes = new RescueFixes(changes(f), build);
        }

        /** The failures of a run of the test command now. */
        List<TestFailure> failures() {
            return build.run(project, new Dialog()).orElseThrow().failures();
        }

        @Override
        public void close() {
            f.close();
        }
    }

    /** The library's own change-order service (the one its rescue uses), made on first use as the factory does. */
    static ChangeOrderService changes(CodeFactory f) {
        try {
            Field field = CodeFactory.class.getDeclaredField("changes");
            field.setAccessible(true);
            return (ChangeOrderService) ((java.util.function.Supplier<?>) field.get(f)).get();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    String git(String... args) {
        return sandbox.git(project, args);
    }

    /** Every file outside .git and Code-Factory's own records, byte for byte, and the index. */
    Map<String, String> tree() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(project)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = project.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && !rel.startsWith(".git/") && !rel.startsWith(".factory/")) {
                    out.put(rel, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        out.put("(index)", git("ls-files", "--stage"));
        return out;
    }

    /** The person, scripted: approves every plan and diff unless told otherwise; fails when asked under --yes. */
    static final class Dialog implements RescueDialog {
        boolean asking = true;
        PlanDecision planDecision = PlanDecision.approve();
        final List<PlanReview> plans = new ArrayList<>();
        final List<PlanReview> shownPlans = new ArrayList<>();
        final List<List<FileDiff>> diffs = new ArrayList<>();
        final List<List<Cause>> causes = new ArrayList<>();
        final List<String> said = new ArrayList<>();
        final List<String> output = new ArrayList<>();

        @Override
        public PlanDecision reviewPlan(PlanReview review) {
            assertTrue(asking, "asked about a plan under --yes");
            plans.add(review);
            return planDecision;
        }

        @Override
        public void showPlan(PlanReview review) {
            shownPlans.add(review);
        }

        @Override
        public List<String> reviewDiffs(int round, List<FileDiff> shown) {
            assertTrue(asking, "asked about diffs under --yes");
            diffs.add(shown);
            return shown.stream().map(FileDiff::path).toList();
        }

        @Override
        public void showDiffs(int round, List<FileDiff> shown) {
            diffs.add(shown);
        }

        @Override
        public void causes(List<Cause> given) {
            causes.add(given);
        }

        @Override
        public void say(String message) {
            said.add(message);
        }

        @Override
        public void testOutput(String line) {
            output.add(line);
        }

        @Override
        public boolean approveRepair(dev.codefactory.domain.rescue.Repair repair) {
            return false;
        }
    }
}
