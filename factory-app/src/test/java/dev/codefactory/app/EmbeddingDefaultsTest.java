package dev.codefactory.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.change.ChangeOrderUseCase.ChangeCommand;
import dev.codefactory.app.change.ChangeOrderUseCase.UndoCommand;
import dev.codefactory.app.intake.IntakeUseCase.IntakeCommand;
import dev.codefactory.app.intake.IntakeUseCase.IntakeResult;
import dev.codefactory.app.review.ReviewUseCase.ReviewCommand;
import dev.codefactory.app.review.ReviewUseCase.ReviewOutcome;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.intake.TemplateSections;
import dev.codefactory.domain.spec.Priority;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.intake.IntakeDialog;
import dev.codefactory.port.review.ReviewDialog;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an embedder writes for the common cases: command records from one factory call and a few {@code with...}
 * calls, and dialogs that implement only the methods that matter to them.
 */
// covers feature-009/FR-005
class EmbeddingDefaultsTest {
    @TempDir
    Path repo;

    @TempDir
    Path gitHome;

    private void gitInit() throws IOException, InterruptedException {
        GitSandbox.at(gitHome).init(repo);
    }

    @Test
    void the_offline_wizard_needs_only_the_section_method() throws Exception {
        gitInit();
        List<String> asked = new ArrayList<>();
        IntakeDialog wizard = new IntakeDialog() {
            @Override
            public String section(TemplateSections.Section section, int number, int count) {
                asked.add(section.heading());
                return "- " + section.heading() + " of a reset by e-mail link.";
            }
        };
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            factory.init();
            IntakeResult result = factory.intake(IntakeCommand.wizard("Password reset").withCommit(false), wizard);
            assertTrue(result.saved(), result.toString());
            assertTrue(result.wizard());
            assertFalse(asked.isEmpty());
            String spec = Files.readString(repo.resolve(result.path()));
            assertTrue(spec.contains(asked.get(0) + " of a reset by e-mail link."), spec);
        }
    }

    @Test
    void an_offline_review_runs_with_the_dialog_that_accepts_every_match() throws Exception {
        gitInit();
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            factory.init();
            ReviewOutcome outcome = factory.review(ReviewCommand.all().withOffline(true), ReviewDialog.ACCEPT_ALL);
            assertTrue(Files.isRegularFile(repo.resolve(outcome.reportPath())), outcome.reportPath());
            assertTrue(outcome.commit().isEmpty());
        }
    }

    @Test
    void a_review_without_its_report_writes_no_file_of_the_project_and_cannot_commit_it() throws Exception {
        gitInit();
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            factory.init();
            List<String> before = reports();
            ReviewOutcome outcome = factory.review(ReviewCommand.all().withOffline(true).withoutReport(),
                    ReviewDialog.ACCEPT_ALL);
            assertEquals("", outcome.reportPath());
            assertEquals(before, reports(), "nothing saved in reports/");
            assertTrue(outcome.report().offline(), "the report itself is returned");
            InvalidCommandException refused = assertThrows(InvalidCommandException.class,
                    () -> ReviewCommand.all().withoutReport().withCommit(true));
            assertTrue(refused.getMessage().contains("saves no report"), refused.getMessage());
        }
    }

    private List<String> reports() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.list(repo.resolve("reports"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_change_dialog_implements_only_its_two_decisions_and_the_rest_is_safe() {
        ChangeDialog dialog = new ChangeDialog() {
            @Override
            public PlanDecision reviewPlan(PlanReview review) {
                throw new AssertionError("not asked here");
            }

            @Override
            public List<String> reviewDiffs(int round, List<FileDiff> diffs) {
                return List.of();
            }
        };
        assertEquals(ChangeDialog.DirtyTreeChoice.STOP, dialog.dirtyTree(new WorkingTreeStatus(List.of())));
        assertFalse(dialog.stopRequested());
        assertFalse(dialog.approveByName(null, "the build runs it"));
    }

    @Test
    void intake_defaults_skip_questions_and_accept_only_a_spec_without_problems() {
        IntakeDialog nobody = new IntakeDialog() {
        };
        assertTrue(nobody.ask(null, 1, 3) instanceof IntakeDialog.Answer.SkipRest);
        assertTrue(nobody.review("# Spec", List.of(), true) instanceof IntakeDialog.ReviewDecision.Accept);
        assertTrue(nobody.review("# Spec", List.of("no requirements"), true)
                instanceof IntakeDialog.ReviewDecision.Quit);
        assertTrue(nobody.idea("", "say more").isEmpty());
        assertEquals("Password reset", nobody.idea("Password reset", "that is short").orElseThrow());
        assertEquals("text", nobody.edit("text"));
        assertEquals("", nobody.section(null, 1, 1));
    }

    @Test
    void command_records_come_from_one_call_and_a_few_withs() {
        IntakeCommand intake = IntakeCommand.wizard("Password reset").withCommit(false).withTags("auth")
                .withPriority(Priority.HIGH);
        assertEquals(new IntakeCommand("Password reset", false, true, -1, false, List.of("auth"), Priority.HIGH),
                intake);
        assertEquals(new IntakeCommand(null, true, false, -1, true, List.of(), Priority.MEDIUM),
                IntakeCommand.resumeLatest());
        assertEquals(0, IntakeCommand.of("x").withQuestions(0).maxQuestions());

        assertEquals(new ReviewCommand(List.of("src"), List.of("feature-001"), true, true, false, "high"),
                ReviewCommand.of("src").withSpecs("feature-001").withOffline(true).withCommit(true)
                        .withCache(false).withIssuesAt("high"));

        assertEquals(new ChangeCommand("add a flag", List.of("feature-001"), true, true, 2, true, true, false, true),
                ChangeCommand.of("add a flag").withSpecs("feature-001").withYes(true).withStash(true)
                        .withFixTests(2).withPullRequest(true).withCache(false).withBuildChanges(true));

        assertEquals(new UndoCommand("change-1", true), UndoCommand.of("change-1").withForce(true));
        assertNull(UndoCommand.last().id());
    }
}
