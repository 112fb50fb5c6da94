package dev.codefactory.app.rescue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.rescue.RescueUseCase.RescueCommand;
import dev.codefactory.app.rescue.RescueUseCase.RescueOutcome;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.domain.intake.IntakeDraft;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.domain.report.Severity;
import dev.codefactory.domain.rescue.Evidence;
import dev.codefactory.domain.rescue.FindingKind;
import dev.codefactory.domain.rescue.FixResult;
import dev.codefactory.domain.rescue.Repair;
import dev.codefactory.domain.rescue.RescueFinding;
import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.change.spi.ChangeJournalProvider;
import dev.codefactory.port.rescue.RescueDialog;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RESCUE end to end through the library (feature-008): real git repositories changed with the git command line, the
 * real adapters, the real test command through the shell; no model.
 */
class RescueServiceTest extends RescueTestBase {
    // ---- git -------------------------------------------------------------------------------------------------------

    // covers feature-008/FR-004, feature-008/FR-003
    @Test
    void a_real_merge_conflict_is_found_with_the_lines_of_its_markers() {
        conflictingMerge();
        String text = GitSandbox.read(project.resolve("src/Greeter.txt"));

        RescueOutcome o = rescue(offline(), new Dialog());

        assertFalse(o.healthy());
        RescueFinding op = of(o, FindingKind.GIT_OPERATION).get(0);
        assertEquals(Severity.ERROR, op.severity());
        assertTrue(op.summary().contains("merge"), op.summary());
        RescueFinding conflict = of(o, FindingKind.CONFLICT).get(0);
        assertTrue(conflict.summary().startsWith("src/Greeter.txt has unresolved conflicts"), conflict.summary());
        List<String> lines = List.of(text.split("\n"));
        List<Evidence> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("<<<<<<<") || lines.get(i).equals("=======")
                    || lines.get(i).startsWith(">>>>>>>")) {
                expected.add(new Evidence("src/Greeter.txt", i + 1, lines.get(i)));
            }
        }
        assertEquals(3, expected.size(), text);
        assertEquals(expected, conflict.evidence());
        assertFalse(conflict.nextStep().isBlank());
    }

    // covers feature-008/FR-004
    @Test
    void a_rebase_stopped_at_a_conflict_is_an_operation_not_a_detached_head() {
        git("checkout", "-q", "-b", "side");
        sandbox.commitFiles(project, "side", "src/Greeter.txt", "one\nTWO from side\nthree\n");
        git("checkout", "-q", "main");
        sandbox.commitFiles(project, "main", "src/Greeter.txt", "one\ntwo from main\nthree\n");
        git("checkout", "-q", "side");
        assertFalse(sandbox.run(project, "rebase", "main").exit() == 0, "the rebase stops at the conflict");

        RescueOutcome o = rescue(offline().withTests(false), new Dialog());

        RescueFinding op = of(o, FindingKind.GIT_OPERATION).get(0);
        assertEquals("a rebase is in progress", op.summary());
        assertTrue(op.nextStep().contains("git rebase --continue"), op.nextStep());
        assertEquals(1, of(o, FindingKind.CONFLICT).size());
        assertTrue(of(o, FindingKind.DETACHED_HEAD).isEmpty(), "a rebase detaches HEAD by itself");
    }

    // covers feature-008/FR-004
    @Test
    void a_detached_head_is_a_warning_not_a_breakage() {
        git("checkout", "-q", "--detach", "HEAD");

        RescueOutcome o = rescue(offline(), new Dialog());

        RescueFinding detached = of(o, FindingKind.DETACHED_HEAD).get(0);
        assertEquals(Severity.WARNING, detached.severity());
        assertTrue(detached.nextStep().contains("git switch -c"), detached.nextStep());
        assertTrue(o.healthy(), "a warning alone is no breakage: " + o.findings());
    }

    // covers feature-008/FR-008
    @Test
    void a_healthy_project_has_nothing_broken_and_its_report_says_so() {
        RescueOutcome o = rescue(RescueCommand.of().withOffline(true), new Dialog());

        assertTrue(o.healthy(), o.findings().toString());
        assertTrue(o.healthyNow());
        String path = o.report().orElseThrow();
        assertTrue(path.matches("reports/rescue-\\d{4}-\\d{2}-\\d{2}\\.md"), path);
        String report = GitSandbox.read(project.resolve(path));
        assertTrue(report.startsWith("---\nkind: rescue\n"), report);
        assertTrue(report.contains("healthy: true"), report);
        assertTrue(report.contains("Nothing broken is left."), report);
    }

    // ---- Code-Factory's own state ----------------------------------------------------------------------------------

    // covers feature-008/FR-005, feature-008/FR-011
    @Test
    void an_interrupted_change_is_found_and_the_repair_undoes_it_giving_back_the_stashed_work() {
        GitSandbox.write(project.resolve("README.md"), "# Demo\n\nwork in progress\n");
        String status = git("status", "--porcelain");
        try (CodeFactory f = factory()) {
            VersionControl vcs = f.requireVersionControl();
            Snapshot snapshot = vcs.snapshot("before change c1");
            Optional<String> stash = vcs.stash("factory: before change c1");
            // saved as started, never claimed: the process that made it is gone
            journal(f).save(started("c1", vcs, snapshot, stash));
        }
        assertEquals("# Demo\n", GitSandbox.read(project.resolve("README.md")), "the work is in the stash");
        Dialog dialog = new Dialog();
        dialog.approve = r -> r.kind() == Repair.Kind.UNDO_INTERRUPTED_CHANGE;

        RescueOutcome o = rescue(RescueCommand.of().withOffline(true).withTests(false).withReport(false), dialog);

        RescueFinding interrupted = of(o, FindingKind.CHANGE_INTERRUPTED).get(0);
        assertEquals(Severity.ERROR, interrupted.severity());
        assertEquals(".factory/changes/c1.json", interrupted.evidence().get(0).path());
        assertTrue(interrupted.nextStep().contains("factory undo c1"), interrupted.nextStep());
        FixResult undo = o.fixes().stream().filter(r -> r.title().contains("interrupted change c1")).findFirst()
                .orElseThrow(() -> new AssertionError(o.fixes().toString()));
        assertEquals(FixResult.Status.APPLIED, undo.status(), undo.detail());
        assertEquals(FixResult.Source.REPAIR, undo.source());
        assertTrue(dialog.asked.stream().anyMatch(r -> r.kind() == Repair.Kind.UNDO_INTERRUPTED_CHANGE));
        assertEquals("# Demo\n\nwork in progress\n", GitSandbox.read(project.resolve("README.md")));
        assertEquals(status, git("status", "--porcelain"));
        assertEquals("", git("stash", "list"));
        assertTrue(of(o.remaining(), FindingKind.CHANGE_INTERRUPTED).isEmpty(), o.remaining().toString());
        try (CodeFactory f = factory()) {
            assertEquals(ChangeRecord.Status.UNDONE, f.history().get(0).status());
        }
    }

    // covers feature-008/FR-011
    @Test
    void a_repair_declined_changes_nothing() {
        try (CodeFactory f = factory()) {
            VersionControl vcs = f.requireVersionControl();
            journal(f).save(started("c2", vcs, vcs.snapshot("before change c2"), Optional.empty()));
        }
        Dialog dialog = new Dialog(); // refuses every repair

        RescueOutcome o = rescue(offline().withTests(false), dialog);

        FixResult undo = o.fixes().get(0);
        assertEquals(FixResult.Status.DECLINED, undo.status());
        assertEquals(1, dialog.asked.size());
        try (CodeFactory f = factory()) {
            assertEquals(ChangeRecord.Status.INTERRUPTED, f.history().get(0).status());
        }
        assertFalse(of(o.remaining(), FindingKind.CHANGE_INTERRUPTED).isEmpty(), "still there");
    }

    // covers feature-008/FR-005
    @Test
    void a_damaged_record_and_draft_are_found_and_an_interrupted_change_still_is() {
        GitSandbox.write(project.resolve(".factory/changes/broken.json"), "{ \"id\": \"broken\", ");
        GitSandbox.write(project.resolve(".factory/drafts/d1.json"), "not json");
        try (CodeFactory f = factory()) {
            VersionControl vcs = f.requireVersionControl();
            journal(f).save(started("c5", vcs, vcs.snapshot("before change c5"), Optional.empty()));
        }

        RescueOutcome o = rescue(offline().withTests(false), new Dialog());

        List<RescueFinding> damaged = of(o, FindingKind.STATE_DAMAGED);
        assertEquals(List.of(".factory/changes/broken.json", ".factory/drafts/d1.json"),
                damaged.stream().map(f -> f.evidence().get(0).path()).toList(), damaged.toString());
        assertTrue(damaged.stream().allMatch(f -> f.severity() == Severity.ERROR));
        assertTrue(damaged.get(0).evidence().get(0).excerpt().contains("is damaged"), damaged.toString());
        // the list failed on the damaged record: the interrupted one is read through its snapshot's label
        assertEquals(List.of("change c5 was interrupted: it was left started by a process that is gone"),
                of(o, FindingKind.CHANGE_INTERRUPTED).stream().map(RescueFinding::summary).toList());
        assertTrue(of(o, FindingKind.ORPHAN_SNAPSHOT).isEmpty(), "its snapshot has its record: " + o.findings());
    }

    // covers feature-008/FR-005
    @Test
    void an_unfinished_intake_is_a_warning_that_says_where_it_resumes() {
        GitSandbox.write(project.resolve(".factory/drafts/d2.json"), IntakeDraft.start("d2", "A login page",
                Instant.parse("2026-12-01T10:00:00Z")).toJson());

        RescueOutcome o = rescue(offline().withTests(false), new Dialog());

        RescueFinding draft = of(o, FindingKind.INTAKE_UNFINISHED).get(0);
        assertEquals(Severity.WARNING, draft.severity());
        assertTrue(draft.summary().startsWith("an intake was left unfinished at the idea"), draft.summary());
        assertEquals(new Evidence(".factory/drafts/d2.json", 0, "idea: A login page"), draft.evidence().get(0));
        assertTrue(draft.nextStep().contains("factory intake --resume"), draft.nextStep());
        assertTrue(o.healthy());
    }

    // ---- build and tests -------------------------------------------------------------------------------------------

    // covers feature-008/FR-006
    @Test
    void a_failing_test_command_whose_output_says_nothing_readable_is_a_failed_build_with_its_last_lines() {
        GitSandbox.write(project.resolve("check.sh"), "echo 'compiling...'\necho 'something went badly wrong'\n"
                + "exit 2\n");
        overrides.put("project.test-command", "sh check.sh");

        RescueOutcome o = rescue(offline(), new Dialog());

        assertTrue(o.testsRan());
        RescueFinding failed = of(o, FindingKind.BUILD_FAILED).get(0);
        assertEquals(Severity.ERROR, failed.severity());
        assertTrue(failed.summary().contains("failed (exit 2)"), failed.summary());
        assertTrue(failed.evidence().get(0).excerpt().endsWith("something went badly wrong"),
                failed.evidence().toString());
    }

    // covers feature-008/FR-006
    @Test
    void a_command_that_cannot_start_is_said_so() {
        overrides.put("project.test-command", "no-such-command-here --run");

        RescueOutcome o = rescue(offline(), new Dialog());

        RescueFinding failed = of(o, FindingKind.BUILD_FAILED).get(0);
        assertTrue(failed.summary().contains("could not be started"), failed.summary());
    }

    // covers feature-008/FR-006
    @Test
    void no_test_command_means_the_tests_did_not_run_and_the_dialog_is_told() {
        Dialog dialog = new Dialog();

        RescueOutcome o = rescue(offline(), dialog);

        assertFalse(o.testsRan());
        assertTrue(dialog.said.stream().anyMatch(s -> s.contains("project.test-command")), dialog.said.toString());
    }

    // covers feature-008/NFR-002
    @Test
    void a_secret_in_the_test_output_is_masked_in_evidence_report_and_json() {
        GitSandbox.write(project.resolve("check.sh"), "echo \"connecting with " + TOKEN + "\"\n"
                + "echo 'fatal: refused'\nexit 1\n");
        overrides.put("project.test-command", "sh check.sh");
        Dialog dialog = new Dialog();

        RescueOutcome o = rescue(RescueCommand.of().withOffline(true), dialog);

        String evidence = o.findings().toString();
        assertFalse(evidence.contains(TOKEN), evidence);
        assertTrue(evidence.contains("[REDACTED:github-pat]"), evidence);
        String report = GitSandbox.read(project.resolve(o.report().orElseThrow()));
        assertFalse(report.contains(TOKEN), report);
        assertTrue(report.contains("[REDACTED:github-pat]"), report);
        String json = JsonWriter.pretty(RescueJson.toMap(o));
        assertFalse(json.contains(TOKEN), json);
        assertTrue(json.contains("[REDACTED:github-pat]"), json);
        assertFalse(String.join("\n", dialog.output).contains(TOKEN), "shown as it runs, masked too");
    }

    // ---- contracts -------------------------------------------------------------------------------------------------

    // covers feature-008/FR-007
    @Test
    void a_spec_that_fails_validation_is_found_at_its_line() {
        String path;
        try (CodeFactory f = factory()) {
            path = f.create(CreateSpecCommand.of("Greeting people"), "# Greeting people\n\n## Overview\n\nGreets"
                    + " people.\n\n## Requirements\n\n### Functional\n\n- FR-001: Greet by name.\n").path();
        }
        String text = GitSandbox.read(project.resolve(path));
        GitSandbox.write(project.resolve(path), text.replace("status: draft", "status: bogus"));
        int line = List.of(text.split("\n")).indexOf("status: draft") + 1;

        RescueOutcome o = rescue(offline().withTests(false), new Dialog());

        RescueFinding invalid = of(o, FindingKind.SPEC_INVALID).get(0);
        assertEquals(Severity.ERROR, invalid.severity());
        assertEquals(path, invalid.evidence().get(0).path());
        assertEquals(line, invalid.evidence().get(0).line());
        assertFalse(o.healthy());
    }

    // covers feature-008/FR-007
    @Test
    void a_link_to_a_requirement_that_does_not_exist_is_an_orphan_at_its_line() {
        // the link word split, so that this file itself links to nothing
        GitSandbox.write(project.resolve("src/Greeter.java"), "class Greeter {\n    // impl" + "ements"
                + " feature-999/FR-001\n    void greet() {\n    }\n}\n");
        sandbox.commitFiles(project, "orphan");

        RescueOutcome o = rescue(offline().withTests(false), new Dialog());

        RescueFinding orphan = of(o, FindingKind.ORPHAN_LINK).get(0);
        assertEquals(Severity.WARNING, orphan.severity());
        assertEquals("src/Greeter.java", orphan.evidence().get(0).path());
        assertEquals(2, orphan.evidence().get(0).line());
        assertTrue(orphan.summary().contains("no such spec"), orphan.summary());
    }

    // ---- report and JSON -------------------------------------------------------------------------------------------

    // covers feature-008/FR-008
    @Test
    void the_report_and_the_json_hold_the_findings_by_area_with_evidence_and_next_steps() {
        conflictingMerge();

        RescueOutcome o = rescue(RescueCommand.of().withOffline(true).withTests(false), new Dialog());

        String report = GitSandbox.read(project.resolve(o.report().orElseThrow()));
        assertTrue(report.contains("## Findings\n\n### Git\n\n"), report);
        assertTrue(report.contains("`conflict` src/Greeter.txt has unresolved conflicts"), report);
        assertTrue(report.contains("`src/Greeter.txt:"), report);
        assertTrue(report.contains("Next step: edit src/Greeter.txt"), report);
        assertTrue(report.contains("## Repairs and fixes"), report);
        assertTrue(report.contains("**declined** (repair) abort the merge"), report);
        for (String line : report.split("\n")) {
            assertFalse(line.startsWith("<<<<<<<") || line.startsWith(">>>>>>>") || line.equals("======="),
                    "no line of the report is a conflict marker: " + line);
        }
        Map<String, Object> json = RescueJson.toMap(o);
        assertEquals(List.of("format", "healthy", "healthyNow", "testsRan", "findings", "failures", "diagnosis",
                "fixes", "remaining", "report"), List.copyOf(json.keySet()));
        assertEquals(false, json.get("healthy"));
        assertEquals(o.report().orElseThrow(), json.get("report"));
        @SuppressWarnings("unchecked")
        Map<String, Object> conflict = ((List<Map<String, Object>>) json.get("findings")).stream()
                .filter(m -> m.get("kind").equals("conflict")).findFirst().orElseThrow();
        assertEquals(List.of("kind", "area", "severity", "summary", "evidence", "nextStep"),
                List.copyOf(conflict.keySet()));
        assertEquals("git", conflict.get("area"));
        assertEquals("error", conflict.get("severity"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) conflict.get("evidence")).get(0);
        assertEquals("src/Greeter.txt", first.get("path"));
        assertTrue(((String) first.get("excerpt")).startsWith("<<<<<<<"), first.toString());
    }

    // covers feature-008/FR-001, feature-008/FR-009
    @Test
    void online_without_a_model_says_why_there_is_no_diagnosis_and_still_writes_the_report() {
        conflictingMerge();
        Dialog dialog = new Dialog();

        RescueOutcome o = rescue(RescueCommand.of().withTests(false), dialog);

        assertTrue(o.diagnosis().causes().isEmpty());
        String note = o.diagnosis().notes().get(0);
        assertTrue(note.startsWith("No model could be used (no language model is configured"), note);
        assertTrue(dialog.said.contains("No diagnosis: " + note), dialog.said.toString());
        String report = GitSandbox.read(project.resolve(o.report().orElseThrow()));
        assertTrue(report.contains("Note: No model could be used (no language model is configured"), report);
    }

    // covers feature-008/FR-008
    @Test
    void outside_a_git_repository_it_refuses_before_reading_or_writing_anything() throws Exception {
        project = Files.createDirectories(tmp.resolve("plain"));
        GitSandbox.write(project.resolve("notes.txt"), "just a folder\n");

        ProjectStateException e = assertThrows(ProjectStateException.class,
                () -> rescue(RescueCommand.of().withOffline(true), new Dialog()));

        assertTrue(e.getMessage().contains("is not in a git repository"), e.getMessage());
        try (var listed = Files.list(project)) {
            assertEquals(List.of("notes.txt"), listed.map(p -> p.getFileName().toString()).toList(),
                    "no reports/ and no .factory/ made");
        }
    }

    // covers feature-008/FR-008
    @Test
    void a_git_repository_without_code_factory_is_rescued_without_writing_a_report_into_it() {
        project = sandbox.init(tmp.resolve("git-only"));
        sandbox.commitFiles(project, "start", "a.txt", "a\n");
        git("checkout", "-q", "--detach");
        Dialog dialog = new Dialog();

        RescueOutcome o = rescue(RescueCommand.of().withOffline(true).withTests(false), dialog);

        assertTrue(o.findings().stream().anyMatch(f -> f.kind() == FindingKind.DETACHED_HEAD),
                o.findings().toString());
        assertEquals(Optional.empty(), o.report());
        assertTrue(dialog.said.stream().anyMatch(m -> m.contains("The report was not written")), dialog.said.toString());
        assertFalse(Files.exists(project.resolve("reports")));
        assertFalse(Files.exists(project.resolve(".factory")));
        assertEquals("", git("status", "--porcelain", "--untracked-files=all"));
    }
}
