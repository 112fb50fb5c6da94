package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.domain.change.PlannedFile;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.rescue.Cause;
import dev.codefactory.domain.rescue.Diagnosis;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FailureComparison;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.change.PlanDecision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link TerminalRescueDialog} on its own: what a person sees of findings, repairs, causes and fixes, and which
 * questions are asked when (the end-to-end runs are {@link RescueTest}).
 */
class RescueDialogTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();

    private TerminalRescueDialog dialog(boolean yes, boolean terminal, boolean json) {
        TerminalWriter o = TerminalWriter.of(new PrintWriter(out), false);
        TerminalWriter e = TerminalWriter.of(new PrintWriter(err), false);
        PrintWriter asking = json || !terminal ? e : o;
        Style style = new Style(false);
        TerminalChangeDialog change = new TerminalChangeDialog(json ? e : o, asking, e, style, yes, false, json,
                false, Map.of(), this::read, () -> false);
        return new TerminalRescueDialog(change, json ? e : o, asking, e, style, yes, terminal, json, this::read,
                () -> false);
    }

    private String read(String prompt) {
        prompts.add(prompt);
        return answers.isEmpty() ? null : answers.removeFirst();
    }

    private static final RescueFinding CONFLICT = new RescueFinding(FindingKind.CONFLICT, Severity.ERROR,
            "src/A.java has unresolved conflicts", List.of(new Evidence("src/A.java", 3, "<<<<<<< HEAD\u001b]0;pwned\u0007"),
            Evidence.at("src/A.java", 5)), "resolve them, git add src/A.java, then git commit");
    private static final RescueFinding DETACHED = new RescueFinding(FindingKind.DETACHED_HEAD, Severity.WARNING,
            "HEAD is detached at 1234567", List.of(), "git switch -c NAME to keep its commits on a branch");
    private static final RescueFinding FAILING = new RescueFinding(FindingKind.TEST_FAILURE, Severity.ERROR,
            "test app.GreeterTest.hello failed", List.of(Evidence.output("expected: <hello> but was: <bye>")),
            "look at app/Greeter.java");
    private static final Repair LOCK = new Repair(Repair.Kind.REMOVE_STALE_LOCK, ".git/index.lock",
            "remove the stale .git/index.lock", "No git process holds it; git recreates it when it needs one.");
    private static final Repair ABORT = new Repair(Repair.Kind.ABORT_OPERATION, "merge", "abort the merge",
            "A snapshot of the working tree, conflicted files included, is taken first.");

    // covers feature-008/FR-003
    @Test
    void findings_are_grouped_by_area_with_severity_evidence_and_next_step_and_control_characters_shown() {
        TerminalRescueDialog d = dialog(false, true, false);

        d.findings(List.of(FAILING, DETACHED, CONFLICT));

        String shown = out.toString();
        assertTrue(shown.indexOf("Git\n") < shown.indexOf("Build and tests\n"), shown);
        assertTrue(shown.indexOf("error   src/A.java has unresolved conflicts  [conflict]")
                < shown.indexOf("warning HEAD is detached at 1234567  [detached-head]"), "errors first: " + shown);
        assertTrue(shown.contains("    src/A.java:3\n      | <<<<<<< HEAD^[]0;pwned^G\n    src/A.java:5\n"), shown);
        assertTrue(shown.contains("    next: resolve them, git add src/A.java, then git commit"), shown);
        assertTrue(shown.contains("    | expected: <hello> but was: <bye>"), "an excerpt in no file: " + shown);
        assertFalse(shown.contains("\u001b"), "no raw escape: " + shown);
    }

    // covers feature-008/FR-011
    @Test
    void on_a_terminal_a_repair_is_explained_then_asked_and_enter_means_no() {
        TerminalRescueDialog d = dialog(false, true, false);
        answers.add("maybe");
        answers.add("");

        assertFalse(d.approveRepair(LOCK));

        assertTrue(out.toString().contains("Repair: remove the stale .git/index.lock\n  No git process holds it"),
                out.toString());
        assertTrue(out.toString().contains("'maybe' is not an answer here: y makes this repair"), out.toString());
        assertEquals(List.of("Do it? [y/N] ", "Do it? [y/N] "), prompts);

        answers.add("y");
        assertTrue(d.approveRepair(LOCK));
    }

    // covers feature-008/FR-011, feature-008/FR-013
    @Test
    void off_a_terminal_without_yes_nothing_is_asked_and_the_note_says_how_to_be_asked() {
        TerminalRescueDialog d = dialog(false, false, false);

        assertFalse(d.approveRepair(LOCK));
        assertFalse(d.approveRepair(ABORT));
        PlanDecision plan = d.reviewPlan(null);

        assertEquals(List.of(), prompts, "never asked");
        assertTrue(plan instanceof PlanDecision.Reject, "a model's fix is not approved either");
        String said = err.toString();
        assertEquals(1, said.split("rerun with --yes, or on a terminal", -1).length - 1, "said once: " + said);
    }

    // covers feature-008/FR-011
    @Test
    void under_yes_aborting_an_operation_is_still_asked_on_a_terminal_and_refused_off_one() {
        TerminalRescueDialog onTerminal = dialog(true, true, false);
        answers.add("n");

        assertFalse(onTerminal.approveRepair(ABORT));

        assertEquals(List.of("Do it? [y/N] "), prompts);
        assertTrue(out.toString().contains("This one is always asked, even with --yes."), out.toString());

        prompts.clear();
        TerminalRescueDialog offTerminal = dialog(true, false, false);
        assertFalse(offTerminal.approveRepair(ABORT));
        assertEquals(List.of(), prompts);
        assertTrue(err.toString().contains("Not done: abort the merge: it needs your explicit yes, which --yes does"
                + " not give; run 'factory rescue' on a terminal to be asked."), err.toString());
    }

    @Test
    void under_yes_a_repair_is_shown_for_the_record() {
        TerminalRescueDialog d = dialog(true, false, false);

        d.showRepair(LOCK);

        assertTrue(out.toString().contains("Repair: remove the stale .git/index.lock"), out.toString());
        assertTrue(out.toString().contains("(made without asking: --yes)"), out.toString());
    }

    // covers feature-008/FR-009, feature-008/FR-010
    @Test
    void the_summary_shows_causes_and_each_fix_with_the_failures_gone_remaining_and_new_and_the_report() {
        TerminalRescueDialog d = dialog(true, false, false);
        TestFailure hello = new TestFailure(TestFailure.Kind.FAILED, "app.GreeterTest.hello",
                "src/test/java/app/GreeterTest.java", 12, "expected: <hello> but was: <bye>");
        TestFailure bye = new TestFailure(TestFailure.Kind.FAILED, "app.GreeterTest.bye", "", 0, "boom");
        TestFailure other = new TestFailure(TestFailure.Kind.ERROR, "app.OtherTest.x", "", 0, "NPE");
        Cause cause = new Cause("hello() returns the farewell", 0.9,
                List.of(Evidence.at("src/main/java/app/Greeter.java", 4)), "return \"hello\" again",
                List.of(new PlannedFile("src/main/java/app/Greeter.java", PlannedFile.Action.MODIFY, "fix")));
        RescueOutcome outcome = new RescueOutcome(List.of(FAILING), List.of(hello, bye), true,
                new Diagnosis(List.of(cause), 2, List.of("the answer was repaired once")),
                List.of(new FixResult(FixResult.Source.MODEL, "hello() returns the farewell", FixResult.Status.APPLIED,
                        "applied on factory/rescue-r1", Optional.of("r1"),
                        Optional.of(new FailureComparison(List.of(hello), List.of(bye), List.of(other))))),
                List.of(FAILING), Optional.of("reports/rescue-2026-12-07.md"));

        d.summary(outcome);

        String shown = out.toString();
        assertTrue(shown.contains("Causes (the model's, most confident first)\n  0.90  hello() returns the farewell\n"
                + "        src/main/java/app/Greeter.java:4\n        fix: return \"hello\" again (modify"
                + " src/main/java/app/Greeter.java)"), shown);
        assertTrue(shown.contains("note: 2 piece(s) of the model's evidence"), shown);
        assertTrue(shown.contains("note: the answer was repaired once"), shown);
        assertTrue(shown.contains("applied  hello() returns the farewell  [model]"), shown);
        assertTrue(shown.contains("change r1: 'factory undo r1' takes it back"), shown);
        assertTrue(shown.contains("tests: 1 gone, 1 remain, 1 new"), shown);
        assertTrue(shown.contains("gone:   app.GreeterTest.hello (src/test/java/app/GreeterTest.java:12)"), shown);
        assertTrue(shown.contains("remain: app.GreeterTest.bye"), shown);
        assertTrue(shown.contains("new:    app.OtherTest.x"), shown);
        assertTrue(shown.contains("the fix broke what passed before;"), shown);
        assertTrue(shown.contains("Still broken\n"), shown);
        assertTrue(shown.contains("Report: reports/rescue-2026-12-07.md"), shown);
        assertTrue(shown.strip().endsWith("Broken: 1 problem(s) left; each says its next step above."), shown);
    }

    // covers feature-008/FR-008
    @Test
    void a_healthy_outcome_says_so() {
        TerminalRescueDialog d = dialog(false, true, false);
        d.findings(List.of(DETACHED));

        d.summary(new RescueOutcome(List.of(DETACHED), List.of(), false, Diagnosis.none(), List.of(),
                List.of(DETACHED), Optional.empty()));

        assertTrue(out.toString().contains("[detached-head]"), out.toString());
        assertTrue(out.toString().strip().endsWith("Healthy: nothing is broken."), out.toString());
        assertEquals(1, out.toString().split("detached-head", -1).length - 1, "the findings once: " + out);
    }

    @Test
    void a_message_said_again_by_a_second_detection_is_said_once() {
        TerminalRescueDialog d = dialog(false, true, false);

        d.say("No test command is configured");
        d.say("No test command is configured");

        assertEquals(1, err.toString().split("No test command", -1).length - 1, err.toString());
    }

    @Test
    void under_json_progress_and_findings_stay_off_standard_error() {
        TerminalRescueDialog d = dialog(false, true, true);

        d.progress("reading git's state");
        d.findings(List.of(CONFLICT));

        assertEquals("", err.toString());
        assertEquals("", out.toString());
    }
}
