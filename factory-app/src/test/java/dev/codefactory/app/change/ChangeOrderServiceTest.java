package dev.codefactory.app.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.change.ChangeOrderUseCase.ChangeCommand;
import dev.codefactory.app.change.ChangeOrderUseCase.ChangeOutcome;
import dev.codefactory.app.change.ChangeOrderUseCase.Result;
import dev.codefactory.app.change.ChangeOrderUseCase.UndoCommand;
import dev.codefactory.app.change.ChangeOrderUseCase.UndoOutcome;
import dev.codefactory.app.spec.ChangeSpecStatusUseCase.ChangeSpecStatusCommand;
import dev.codefactory.app.spec.CreateSpecUseCase.CreateSpecCommand;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.change.ChangePlan;
import dev.codefactory.domain.mode.ChangeOrderStep;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.spec.SpecStatus;
import dev.codefactory.port.change.ChangeDialog;
import dev.codefactory.port.change.ChangeRecord;
import dev.codefactory.port.change.FileDiff;
import dev.codefactory.port.change.PlanDecision;
import dev.codefactory.port.change.PlanReview;
import dev.codefactory.port.llm.Usage;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import dev.codefactory.testkit.llm.LoopbackServer.Reply;
import dev.codefactory.testkit.llm.LoopbackServer.Request;
import dev.codefactory.testkit.llm.OllamaFakeServer;
import dev.codefactory.testsupport.GitSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CHANGE_ORDER end to end through the library: a real git repository (checked with the git command line), the real
 * file-system, git and Ollama adapters, a model on 127.0.0.1 that answers with scripted text the way models really
 * answer, and a scripted person ({@link ChangeDialog}).
 */
class ChangeOrderServiceTest {
    private static final String GREETER = "src/main/java/demo/Greeter.java";
    private static final String FAREWELL = "src/main/java/demo/Farewell.java";
    private static final String GREETER_TEXT = String.join("\n",
            "package demo;",
            "",
            "public final class Greeter {",
            "    public String greet(String name) {",
            "        return \"Hello, \" + name;",
            "    }",
            "",
            "    public String shout(String name) {",
            "        return \"Hello, \" + name;",
            "    }",
            "}",
            "");

    @TempDir
    Path tmp;
    Path project;
    GitSandbox sandbox;
    Model model;
    String specId;
    String specPath;

    @BeforeEach
    void setUp() throws Exception {
        project = tmp.resolve("demo");
        Files.createDirectories(project);
        sandbox = GitSandbox.at(tmp.resolve("git-home"));
        // the identity of the commits Code-Factory makes: git's, from GIT_CONFIG_GLOBAL (never the developer's own)
        Files.writeString(tmp.resolve("gitconfig"), "[user]\n\tname = Ada\n\temail = ada@example.com\n");
        git("init", "-q", "-b", "main");
        write(GREETER, GREETER_TEXT);
        write("src/test/java/demo/GreeterTest.java", "package demo;\n\nclass GreeterTest {\n    // Greeter\n}\n");
        write("README.md", "# Demo\n\nGreets people.\n");
        write(".gitignore", "build/\n");
        try (CodeFactory f = factory(Map.of())) {
            f.init();
            // written, not the template's placeholder text: a draft that still holds it cannot be approved
            var created = f.create(CreateSpecCommand.of("Greeting people"), "# Greeting people\n\n## Overview\n\n"
                    + "Greeting people: what the feature does, for whom, and why.\n\n## Requirements\n\n"
                    + "### Functional\n\n- The first thing the feature must do.\n");
            specId = created.spec().id().value();
            specPath = created.path();
            f.changeStatus(new ChangeSpecStatusCommand(specId, SpecStatus.APPROVED));
        }
        git("add", "-A");
        git("commit", "-q", "-m", "start");
        model = new Model();
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    // ---- the whole flow --------------------------------------------------------------------------------------------

    // covers feature-007/FR-007
    @Test
    void applies_on_a_branch_in_one_commit_and_undo_puts_back_every_byte_and_the_stashed_work() throws Exception {
        // uncommitted work of every kind: staged, modified, untracked, ignored
        write("notes/todo.txt", "staged note\n");
        git("add", "notes/todo.txt");
        write("README.md", "# Demo\n\nGreets people, kindly.\n");
        write("scratch.txt", "untracked\n");
        write("build/out.log", "ignored\n");
        String statusBefore = git("status", "--porcelain", "--untracked-files=all");
        Map<String, String> before = tree();

        model.answers.add(plan());
        model.answers.add(edits());
        Dialog dialog = new Dialog();
        dialog.dirty = ChangeDialog.DirtyTreeChoice.STASH;
        ChangeOutcome outcome;
        try (CodeFactory f = factory(Map.of())) {
            outcome = f.change(ChangeCommand.of("Add a farewell next to the greeting, and greet with Hi"), dialog);
        }
        assertEquals(Result.APPLIED, outcome.result());
        ChangeRecord r = outcome.record();
        assertEquals(ChangeRecord.Status.APPLIED, r.status());
        assertEquals("factory/change-" + r.id(), r.branch());
        assertEquals(r.branch(), git("rev-parse", "--abbrev-ref", "HEAD").strip());
        assertEquals(git("rev-parse", "main").strip() + "\n", git("rev-parse", "HEAD~1"), "one commit on main");
        String message = git("log", "-1", "--format=%B");
        assertTrue(message.startsWith("change " + r.id() + ": Add a farewell"), message);
        assertTrue(message.contains(specId), message);
        assertEquals(GREETER_TEXT.replace("return \"Hello, \" + name;\n    }\n\n    public String shout",
                "return \"Hi, \" + name;\n    }\n\n    public String shout"), read(GREETER));
        assertEquals("package demo;\n\npublic final class Farewell {\n}\n", read(FAREWELL));
        String spec = read(specPath);
        assertTrue(spec.contains("status: implemented"), spec);
        // feature-010/FR-010: reconciled with the commit the change was made on, written as status is
        assertTrue(spec.contains("\nreconciled: " + git("rev-parse", "main").strip() + "\n---\n"), spec);
        assertTrue(spec.contains("## Change log") && spec.contains("change " + r.id()), spec);
        assertTrue(read("reports/change-log.md").contains("## " + r.id()), read("reports/change-log.md"));
        assertEquals("", git("status", "--porcelain"), "everything committed, the person's work stashed");
        assertTrue(git("stash", "list").contains("before change " + r.id()), git("stash", "list"));
        assertEquals("ignored\n", read("build/out.log"));
        assertEquals(List.of(ChangeOrderStep.ANALYSIS, ChangeOrderStep.IMPACT, ChangeOrderStep.PLAN_REVIEW,
                ChangeOrderStep.GENERATION, ChangeOrderStep.DIFF_REVIEW, ChangeOrderStep.APPLIED), dialog.steps);
        assertEquals(List.of(GREETER, FAREWELL), dialog.shownDiffs.get(0).stream().map(FileDiff::path).toList());
        assertEquals("none configured", r.tests());

        UndoOutcome undone;
        try (CodeFactory f = factory(Map.of())) {
            undone = f.undo(UndoCommand.last());
            assertEquals(ChangeRecord.Status.UNDONE, f.history().get(0).status());
        }
        assertEquals(Optional.of("main"), undone.branch());
        assertTrue(undone.branchDeleted());
        assertTrue(undone.stashRestored());
        assertEquals("main\n", git("rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals(statusBefore, git("status", "--porcelain", "--untracked-files=all"));
        assertEquals(before, tree());
        assertEquals("", git("stash", "list"));
        assertEquals("", git("branch", "--list", "factory/*"));
        assertEquals("", git("for-each-ref", "refs/factory/"), "the snapshot is dropped once used");
    }

    @Test
    void on_a_detached_head_the_change_branches_from_it_and_undo_detaches_it_there_again() throws Exception {
        String head = git("rev-parse", "HEAD").strip();
        git("checkout", "-q", "--detach");
        Map<String, String> before = tree();
        model.answers.add(plan());
        model.answers.add(edits());
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.APPLIED, outcome.result());
        assertEquals(Optional.empty(), outcome.record().before().branch());
        assertEquals(head + "\n", git("rev-parse", "HEAD~1"));
        UndoOutcome undone;
        try (CodeFactory f = factory(Map.of())) {
            undone = f.undo(UndoCommand.last());
        }
        assertEquals(Optional.empty(), undone.branch(), "detached again");
        assertEquals("HEAD\n", git("rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals(head + "\n", git("rev-parse", "HEAD"));
        assertEquals(before, tree());
        assertEquals("", git("branch", "--list", "factory/*"));
    }

    @Test
    void a_merge_in_progress_or_an_empty_repository_is_refused_before_the_model_is_asked() throws Exception {
        git("checkout", "-q", "-b", "other");
        write("README.md", "# Other\n");
        git("commit", "-q", "-am", "other");
        git("checkout", "-q", "main");
        write("README.md", "# Main\n");
        git("commit", "-q", "-am", "main");
        gitAllowingFailure("merge", "other");
        FactoryException e = assertThrows(FactoryException.class, () -> changeWith(new Dialog()));
        assertTrue(e.getMessage().contains("merge in progress; conflicts in README.md"), e.getMessage());
        assertEquals(0, model.bodies.size());
        assertEquals("", git("branch", "--list", "factory/*"));

        project = tmp.resolve("empty");
        Files.createDirectories(project);
        git("init", "-q", "-b", "main");
        e = assertThrows(FactoryException.class, () -> changeWith(new Dialog()));
        assertTrue(e.getMessage().contains("no commit yet"), e.getMessage());
        assertEquals(0, model.bodies.size());
    }

    // covers feature-007/FR-005
    @Test
    void search_text_found_twice_goes_back_to_the_model_once_with_the_reason() throws Exception {
        model.answers.add(plan());
        // "return \"Hello, \" + name;" is in greet and in shout: ambiguous
        model.answers.add("FILE: " + GREETER + "\n<<<<<<< SEARCH\n        return \"Hello, \" + name;\n=======\n"
                + "        return \"Hi, \" + name;\n>>>>>>> REPLACE\n\n" + newFarewell("java"));
        model.answers.add(edits());
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.APPLIED, outcome.result());
        assertTrue(read(GREETER).contains("return \"Hi, \" + name;\n    }\n\n    public String shout"));
        assertEquals(3, model.bodies.size(), "plan, edits, the one retry, and nothing else");
        String retry = model.bodies.get(2);
        assertTrue(retry.contains(GREETER + ": edit 1 of 1"), retry);
    }

    @Test
    void an_edit_that_still_does_not_apply_after_the_retry_writes_nothing_and_says_which_and_why() throws Exception {
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        String absent = "FILE: " + GREETER + "\n<<<<<<< SEARCH\n        return \"Howdy\";\n=======\n"
                + "        return \"Hi\";\n>>>>>>> REPLACE\n\n" + newFarewell("java");
        model.answers.add(absent);
        model.answers.add(absent);
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.REFUSED, outcome.result());
        String note = outcome.record().note().orElse("");
        assertTrue(note.contains(GREETER + ": edit 1 of 1"), note);
        assertTrue(note.contains("nothing was written"), note);
        assertEquals(1, note.split(java.util.regex.Pattern.quote(GREETER), -1).length - 1, "named once: " + note);
        assertUntouched(before, head);
        try (CodeFactory f = factory(Map.of())) {
            assertEquals(ChangeRecord.Status.ABANDONED, f.history().get(0).status());
        }
    }

    @Test
    void an_answer_that_changes_nothing_is_refused_with_nothing_written() throws Exception {
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        model.answers.add("FILE: " + GREETER + "\n<<<<<<< SEARCH\n    public String greet(String name) {\n=======\n"
                + "    public String greet(String name) {\n>>>>>>> REPLACE\n");
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.REFUSED, outcome.result());
        assertTrue(outcome.record().note().orElse("").contains("changes nothing"), outcome.record().note().orElse(""));
        assertUntouched(before, head);
    }

    // ---- files the build or the tests run ---------------------------------------------------------------------------

    /** A Makefile that the test command runs, committed, and a plan and edits that make it run {@code touch pwned}. */
    private void scriptMakefileChange() throws Exception {
        write("Makefile", "test:\n\techo tests pass\n");
        git("add", "-A");
        git("commit", "-q", "-m", "make");
        model.answers.add("{\"summary\": \"Greet with Hi.\", \"specs\": [], \"files\": [{\"path\": \"" + GREETER
                + "\", \"action\": \"modify\", \"reason\": \"greet\"}, {\"path\": \"Makefile\", \"action\":"
                + " \"modify\", \"reason\": \"test target\"}]}");
        model.answers.add("FILE: " + GREETER + "\n<<<<<<< SEARCH\n    public String greet(String name) {\n"
                + "        return \"Hello, \" + name;\n=======\n    public String greet(String name) {\n"
                + "        return \"Hi, \" + name;\n>>>>>>> REPLACE\n\nFILE: Makefile\n<<<<<<< SEARCH\n\techo tests pass\n"
                + "=======\n\ttouch pwned\n\techo tests pass\n>>>>>>> REPLACE\n");
    }

    private ChangeOutcome changeWithMake(boolean yes, boolean allowBuildChanges, Dialog dialog) {
        try (CodeFactory f = factory(Map.of("project.test-command", "make test"))) {
            return f.change(new ChangeCommand("Greet with Hi", List.of(), yes, false, 0, false, false, true,
                    allowBuildChanges), dialog);
        }
    }

    // covers feature-007/FR-013
    @Test
    void with_yes_a_build_file_not_named_stops_the_change_before_anything_is_written_or_run() throws Exception {
        scriptMakefileChange();
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        Dialog dialog = new Dialog();

        ChangeOutcome outcome = changeWithMake(true, false, dialog);

        assertEquals(Result.REJECTED, outcome.result());
        assertTrue(outcome.record().note().orElse("").contains("--allow-build-changes"), outcome.record().note().orElse(""));
        assertEquals(List.of("Makefile (a Makefile)"), dialog.askedByName);
        assertFalse(Files.exists(project.resolve("pwned")), "the model's Makefile was never run");
        assertUntouched(before, head);
        assertEquals(1, dialog.shownPlans.size(), "under --yes the plan is shown, not asked");
        assertTrue(dialog.shownPlans.get(0).warnings().stream().anyMatch(m -> m.contains("Makefile")
                && m.contains("typing its path")), dialog.shownPlans.get(0).warnings().toString());
        assertEquals(1, dialog.shownDiffs.size(), "and so are the diffs");
    }

    @Test
    void a_build_file_named_by_the_person_is_applied_and_run() throws Exception {
        scriptMakefileChange();
        Dialog dialog = new Dialog();
        dialog.namedByPerson.add("Makefile");

        ChangeOutcome outcome = changeWithMake(true, false, dialog);

        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertTrue(read("Makefile").contains("touch pwned"));
        assertTrue(Files.exists(project.resolve("pwned")), "the person approved it, so the tests ran it");
    }

    @Test
    void without_yes_a_build_file_not_named_is_left_out_and_the_rest_applied() throws Exception {
        scriptMakefileChange();
        Dialog dialog = new Dialog();

        ChangeOutcome outcome = changeWithMake(false, false, dialog);

        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertEquals(List.of(GREETER), outcome.record().files());
        assertEquals("test:\n\techo tests pass\n", read("Makefile"));
        assertFalse(Files.exists(project.resolve("pwned")));
        assertTrue(dialog.said.contains("Makefile is left out: it was not approved by name."), dialog.said.toString());
    }

    @Test
    void allow_build_changes_lets_yes_approve_build_files() throws Exception {
        scriptMakefileChange();
        Dialog dialog = new Dialog();

        ChangeOutcome outcome = changeWithMake(true, true, dialog);

        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertEquals(List.of(), dialog.askedByName);
        assertTrue(Files.exists(project.resolve("pwned")));
    }

    // ---- answers that must never commit a wrong file ------------------------------------------------------------------

    @Test
    void a_search_holding_a_heading_underline_is_read_whole_and_the_file_is_right() throws Exception {
        String guide = "Guide\n=====\n\nOld intro.\n\nUsage\n=======\n\nRun it.\n";
        write("docs/guide.rst", guide);
        git("add", "-A");
        git("commit", "-q", "-m", "guide");
        model.answers.add(planOf("docs/guide.rst", "modify"));
        // the SEARCH and REPLACE parts both hold the title's underline; the second block's hold a 7-sign one
        model.answers.add("FILE: docs/guide.rst\n<<<<<<< SEARCH\nGuide\n=====\n\nOld intro.\n=======\nGuide\n=====\n"
                + "\nNew intro.\n>>>>>>> REPLACE\n<<<<<<< SEARCH\nUsage\n=======\n\nRun it.\n=======\nUsage\n=======\n"
                + "\nRun it twice.\n>>>>>>> REPLACE\n");
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertEquals("Guide\n=====\n\nNew intro.\n\nUsage\n=======\n\nRun it twice.\n", read("docs/guide.rst"));
        assertEquals(2, model.bodies.size(), "read right the first time, no retry");
    }

    @Test
    void a_new_file_holding_bare_fences_is_never_cut_short_but_asked_again() throws Exception {
        String usage = "# Usage\n\n```\nfactory change \"...\"\n```\n\nThen review the diff.\n";
        model.answers.add(planOf("docs/usage.md", "create"));
        model.answers.add("NEW FILE: docs/usage.md\n```markdown\n" + usage + "```\n");
        model.answers.add("NEW FILE: docs/usage.md\n````markdown\n" + usage + "````\n");
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertEquals(usage, read("docs/usage.md"));
        assertEquals(3, model.bodies.size(), "the ambiguous answer went back once");
        assertTrue(model.bodies.get(2).contains("docs/usage.md") && model.bodies.get(2).contains("longer fence"),
                model.bodies.get(2));
    }

    // covers feature-007/FR-005
    @Test
    void a_retry_that_sends_only_the_corrected_block_keeps_the_good_blocks_of_the_first_answer() throws Exception {
        model.answers.add(plan());
        String greet = "    public String greet(String name) {\n        return \"Hello, \" + name;\n=======\n"
                + "    public String greet(String name) {\n        return \"Hi, \" + name;\n>>>>>>> REPLACE\n";
        model.answers.add("FILE: " + GREETER + "\n<<<<<<< SEARCH\n" + greet
                + "<<<<<<< SEARCH\n    public String yell(String name) {\n=======\n    public String yell(String who) {\n"
                + ">>>>>>> REPLACE\n\n" + newFarewell("java"));
        model.answers.add("Sorry, here is the corrected block.\n\nFILE: " + GREETER + "\n<<<<<<< SEARCH\n"
                + "    public String shout(String name) {\n=======\n    public String shout(String who) {\n"
                + ">>>>>>> REPLACE\n");
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertEquals(GREETER_TEXT.replace("return \"Hello, \" + name;\n    }\n\n    public String shout(String name)",
                "return \"Hi, \" + name;\n    }\n\n    public String shout(String who)"), read(GREETER));
        assertEquals("package demo;\n\npublic final class Farewell {\n}\n", read(FAREWELL));
    }

    @Test
    void a_retry_that_sends_every_block_again_applies_each_once() throws Exception {
        model.answers.add(plan());
        String good = "<<<<<<< SEARCH\n    public String greet(String name) {\n=======\n"
                + "    public String greet(String name) {\n        // greets\n>>>>>>> REPLACE\n";
        model.answers.add("FILE: " + GREETER + "\n" + good + "<<<<<<< SEARCH\n    public String yell(String name) {\n"
                + "=======\n    public String yell(String who) {\n>>>>>>> REPLACE\n\n" + newFarewell("java"));
        model.answers.add("FILE: " + GREETER + "\n" + good + "<<<<<<< SEARCH\n    public String shout(String name) {\n"
                + "=======\n    public String shout(String who) {\n>>>>>>> REPLACE\n\n" + newFarewell("java"));
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertEquals(GREETER_TEXT.replace("    public String greet(String name) {\n",
                "    public String greet(String name) {\n        // greets\n").replace("shout(String name)",
                "shout(String who)"), read(GREETER));
    }

    @Test
    void a_retry_that_leaves_out_a_failed_block_is_refused_rather_than_half_done() throws Exception {
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        String bad = "<<<<<<< SEARCH\n    public String yell(String name) {\n=======\n    public String yell(String w) {\n"
                + ">>>>>>> REPLACE\n";
        model.answers.add("FILE: " + GREETER + "\n" + bad + bad.replace("yell", "holler") + "\n" + newFarewell("java"));
        model.answers.add("FILE: " + GREETER + "\n" + bad.replace("yell", "shout") + "\n");
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.REFUSED, outcome.result());
        assertTrue(outcome.record().note().orElse("").contains("2 of its blocks could not be used"), outcome.record().note().orElse(""));
        assertUntouched(before, head);
    }

    // covers feature-007/FR-012
    @Test
    void edits_outside_the_project_or_into_git_and_factory_are_refused_and_never_written() throws Exception {
        model.answers.add(plan());
        model.answers.add(edits() + "\nFILE: README.md\n<<<<<<< SEARCH\n# Demo\n=======\n# Hacked\n>>>>>>> REPLACE\n"
                + "\nNEW FILE: .git/hooks/pre-commit\n```\nrm -rf /\n```\n"
                + "\nNEW FILE: ../escape.txt\n```\nout\n```\n"
                + "\nNEW FILE: " + tmp.resolve("absolute.txt") + "\n```\nout\n```\n"
                + "\nFILE: .factory/templates/README.md\n<<<<<<< SEARCH\ntemplate\n=======\nx\n>>>>>>> REPLACE\n");
        String config = read(".factory/templates/README.md");
        model.answers.add(edits());
        Dialog dialog = new Dialog();
        ChangeOutcome outcome = changeWith(dialog);
        assertEquals(Result.APPLIED, outcome.result());
        assertEquals("# Demo\n\nGreets people.\n", read("README.md"));
        assertFalse(Files.exists(project.resolve(".git/hooks/pre-commit")));
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
        assertFalse(Files.exists(tmp.resolve("absolute.txt")));
        assertEquals(config, read(".factory/templates/README.md"));
        String retry = model.bodies.get(2);
        for (String refused : List.of(".git/hooks/pre-commit", "../escape.txt", "absolute.txt",
                ".factory/templates/README.md")) {
            assertTrue(retry.contains(refused), refused + " is named in the retry: " + retry);
        }
        String problems = retry.substring(retry.indexOf("could not be applied, for these reasons"),
                retry.indexOf("Your previous edits:"));
        assertTrue(problems.contains("- ../escape.txt:"), problems);
        assertFalse(problems.contains("- README.md:"), "a file outside the plan is left out, not sent back: "
                + problems);
        assertTrue(dialog.said.contains("Left out: README.md: left out: it is not in the approved plan, so the"
                + " model's edit of it is never written (revise the plan to include it, in another change)."),
                dialog.said.toString());
    }

    @Test
    void an_edit_of_a_file_taken_out_of_the_plan_is_left_out_and_the_rest_applied() throws Exception {
        model.answers.add(plan());
        model.answers.add(edits()); // the greeter too, though the person took it out of the plan
        Dialog dialog = new Dialog();
        dialog.decisions.add((p, text) -> PlanDecision.edit(text.lines().filter(l -> !l.contains("modify " + GREETER))
                .reduce("", (a, b) -> a + b + "\n")));
        dialog.decisions.add((p, text) -> PlanDecision.approve());

        ChangeOutcome outcome = changeWith(dialog);

        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertEquals(List.of(FAREWELL), outcome.record().files());
        assertEquals(GREETER_TEXT, read(GREETER), "never written");
        assertEquals("package demo;\n\npublic final class Farewell {\n}\n", read(FAREWELL));
        assertEquals(2, model.bodies.size(), "the plan and the edits: nothing sent back");
        assertTrue(dialog.said.stream().anyMatch(m -> m.startsWith("Left out: " + GREETER + ": left out: it is not in"
                + " the approved plan")), dialog.said.toString());
        assertEquals(List.of(FAREWELL), dialog.shownDiffs.get(0).stream().map(FileDiff::path).toList(),
                "only the planned file is offered");
    }

    // covers feature-007/FR-006
    @Test
    void an_answer_that_only_edits_files_outside_the_plan_is_refused_naming_them() throws Exception {
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(planOf(FAREWELL, "create"));
        model.answers.add(edits().substring(0, edits().indexOf("NEW FILE:")));

        ChangeOutcome outcome = changeWith(new Dialog());

        assertEquals(Result.REFUSED, outcome.result());
        assertTrue(outcome.record().note().orElse("").contains("changes no file of the approved plan (only " + GREETER),
                outcome.record().note().orElse(""));
        assertEquals(2, model.bodies.size(), "nothing to send back: the plan and the edits");
        assertUntouched(before, head);
    }

    @Test
    void a_plan_without_files_is_asked_again_once_then_refused_with_nothing_changed() throws Exception {
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add("{\"summary\": \"nothing to do\", \"specs\": [], \"files\": []}");
        model.answers.add("I think this is already done.");
        FactoryException e = assertThrows(FactoryException.class, () -> changeWith(new Dialog()));
        assertTrue(e.getMessage().contains("usable plan"), e.getMessage());
        assertEquals(2, model.bodies.size());
        assertUntouched(before, head);
    }

    @Test
    void wrong_fence_languages_chatter_and_a_truncated_first_answer_are_handled() throws Exception {
        model.answers.add("Sure! Here is the plan:\n```yaml\n" + plan() + "\n```\nLet me know.");
        // cut off in the middle of the second block
        model.answers.add("FILE: " + GREETER + "\n<<<<<<< SEARCH\n    public String greet(String name) {\n"
                + "        return \"Hello, \" + name;\n=======\n    public String greet(String name) {\n"
                + "        return \"Hi, \" + name;\n>>>>>>> REPLACE\n\nNEW FILE: " + FAREWELL + "\n```python\npackage");
        model.answers.add("```diff\n" + edits().replace("```java", "```python") + "```\n");
        ChangeOutcome outcome = changeWith(new Dialog());
        assertEquals(Result.APPLIED, outcome.result());
        assertEquals("package demo;\n\npublic final class Farewell {\n}\n", read(FAREWELL));
        assertTrue(model.bodies.get(2).contains("cut off"), model.bodies.get(2));
    }

    @Test
    void binary_files_links_and_plans_over_the_limits_cannot_be_approved() throws Exception {
        Files.write(project.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.createSymbolicLink(project.resolve("link.java"), project.resolve(GREETER));
        git("add", "-A");
        git("commit", "-q", "-m", "binary and link");
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add("{\"summary\": \"s\", \"files\": [{\"path\": \"logo.png\", \"action\": \"modify\"},"
                + " {\"path\": \"link.java\", \"action\": \"modify\"}]}");
        FactoryException e;
        try (CodeFactory f = factory(Map.of())) {
            e = assertThrows(FactoryException.class, () -> f.change(new ChangeCommand("Recolour the logo", List.of(),
                    true, false, 0, false, false, true), new Dialog()));
        }
        assertTrue(e.getMessage().contains("logo.png is a binary"), e.getMessage());
        assertTrue(e.getMessage().contains("link.java is a symlink"), e.getMessage());
        assertEquals(1, model.bodies.size(), "no edits are asked for a plan that cannot be carried out");
        assertUntouched(before, head);

        model.answers.add(plan());
        try (CodeFactory f = factory(Map.of("change.max-files", "1"))) {
            e = assertThrows(FactoryException.class, () -> f.change(new ChangeCommand("Add a farewell", List.of(),
                    true, false, 0, false, false, true), new Dialog()));
        }
        assertTrue(e.getMessage().contains("more than change.max-files (1)"), e.getMessage());
        assertUntouched(before, head);
    }

    // covers feature-007/FR-012
    @Test
    void new_text_over_change_max_bytes_is_refused_before_anything_is_written() throws Exception {
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        String big = "NEW FILE: " + FAREWELL + "\n```\n" + "x".repeat(3000) + "\n```\n";
        model.answers.add(big);
        model.answers.add(big);
        ChangeOutcome outcome;
        try (CodeFactory f = factory(Map.of("change.max-bytes", "2KB"))) {
            outcome = f.change(ChangeCommand.of("Add a farewell"), new Dialog());
        }
        assertEquals(Result.REFUSED, outcome.result());
        assertTrue(outcome.record().note().orElse("").contains("bytes"), outcome.record().note().orElse(""));
        assertUntouched(before, head);
    }

    // ---- the person decides ----------------------------------------------------------------------------------------

    // covers feature-007/FR-002
    @Test
    void a_rejected_plan_writes_nothing_and_is_recorded() throws Exception {
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        Dialog dialog = new Dialog();
        dialog.decisions.add((p, text) -> PlanDecision.reject("not now"));
        ChangeOutcome outcome = changeWith(dialog);
        assertEquals(Result.REJECTED, outcome.result());
        assertEquals(1, model.bodies.size(), "no edits asked for");
        assertUntouched(before, head);
        assertEquals(ChangeRecord.Status.ABANDONED, outcome.record().status());
        assertTrue(dialog.planTexts.get(0).contains(GREETER), dialog.planTexts.get(0));
    }

    // covers feature-007/FR-002
    @Test
    void an_edited_plan_is_read_back_and_only_its_files_are_asked_for() throws Exception {
        model.answers.add(plan());
        model.answers.add(newFarewell("java"));
        Dialog dialog = new Dialog();
        dialog.decisions.add((p, text) -> PlanDecision.edit(text.lines().filter(l -> !l.contains("modify " + GREETER))
                .reduce("", (a, b) -> a + b + "\n")));
        dialog.decisions.add((p, text) -> PlanDecision.approve());
        ChangeOutcome outcome = changeWith(dialog);
        assertEquals(Result.APPLIED, outcome.result());
        assertEquals(List.of(FAREWELL), outcome.plan().files().stream().map(f -> f.path()).toList());
        assertEquals(GREETER_TEXT, read(GREETER));
        String generation = model.bodies.get(1);
        assertFalse(generation.contains("public String shout"), "the dropped file is not sent: " + generation);
    }

    @Test
    void an_edit_that_cannot_be_read_is_given_back_with_why_and_the_plan_kept_as_it_was() throws Exception {
        model.answers.add(plan());
        model.answers.add(newFarewell("java"));
        Dialog dialog = new Dialog();
        dialog.problemsExpected = true;
        String[] broken = new String[1];
        dialog.decisions.add((p, text) -> PlanDecision.edit(broken[0] = text.replace("- modify " + GREETER,
                "- rewrite " + GREETER)));
        dialog.decisions.add((p, text) -> PlanDecision.edit(text.lines().filter(l -> !l.startsWith("- rewrite "))
                .reduce("", (a, b) -> a + b + "\n")));
        dialog.decisions.add((p, text) -> PlanDecision.approve());

        ChangeOutcome outcome = changeWith(dialog);

        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        PlanReview second = dialog.reviews.get(1);
        assertEquals(broken[0], second.text(), "the person's own text, to edit again");
        assertTrue(second.unreadable().contains("does not read as a file: \"- rewrite " + GREETER),
                second.unreadable());
        assertEquals(dialog.reviews.get(0).plan(), second.plan(), "the plan as it was");
        assertTrue(second.approvable(), "the plan as it was can still be approved");
        PlanReview third = dialog.reviews.get(2);
        assertEquals("", third.unreadable());
        assertEquals(List.of(FAREWELL), third.plan().files().stream().map(f -> f.path()).toList());
        assertEquals(List.of(FAREWELL), outcome.plan().files().stream().map(f -> f.path()).toList());
    }

    @Test
    void a_plan_with_problems_is_asked_again_when_approved_and_can_be_edited_right() throws Exception {
        Files.write(project.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        git("add", "-A");
        git("commit", "-q", "-m", "binary");
        model.answers.add(planOf("logo.png", "modify"));
        model.answers.add(newFarewell("java"));
        Dialog dialog = new Dialog();
        dialog.problemsExpected = true;
        dialog.decisions.add((p, text) -> PlanDecision.approve());
        dialog.decisions.add((p, text) -> PlanDecision.edit(text.replaceAll("- modify logo.png.*",
                "- create " + FAREWELL)));

        ChangeOutcome outcome = changeWith(dialog);

        assertEquals(Result.APPLIED, outcome.result(), outcome.record().note().orElse(""));
        assertFalse(dialog.reviews.get(0).approvable());
        assertTrue(dialog.reviews.get(0).problems().get(0).contains("logo.png is a binary"),
                dialog.reviews.get(0).problems().toString());
        assertEquals(dialog.reviews.get(0), dialog.reviews.get(1), "asked again as it was");
        assertTrue(dialog.reviews.get(2).approvable());
    }

    // covers feature-007/FR-002
    @Test
    void only_the_approved_diffs_are_applied() throws Exception {
        model.answers.add(plan());
        model.answers.add(edits());
        Dialog dialog = new Dialog();
        dialog.approve = diffs -> List.of(FAREWELL);
        ChangeOutcome outcome = changeWith(dialog);
        assertEquals(Result.APPLIED, outcome.result());
        assertEquals(GREETER_TEXT, read(GREETER));
        assertTrue(Files.exists(project.resolve(FAREWELL)));
        assertEquals(List.of(FAREWELL), outcome.record().files());
        assertEquals("", git("status", "--porcelain"));
    }

    @Test
    void rejecting_every_diff_puts_everything_back() throws Exception {
        write("scratch.txt", "untracked stays\n");
        write("README.md", "# Demo, modified\n");
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        model.answers.add(edits());
        Dialog dialog = new Dialog();
        dialog.dirty = ChangeDialog.DirtyTreeChoice.STASH;
        dialog.approve = diffs -> List.of();
        ChangeOutcome outcome = changeWith(dialog);
        assertEquals(Result.REJECTED, outcome.result());
        assertUntouched(before, head);
        assertEquals("", git("stash", "list"));
    }

    // covers feature-007/FR-007
    @Test
    void a_dirty_tree_is_never_mixed_in_stopping_changes_nothing() throws Exception {
        write("README.md", "# Demo, modified\n");
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        Dialog dialog = new Dialog();
        dialog.dirty = ChangeDialog.DirtyTreeChoice.STOP;
        ChangeOutcome outcome = changeWith(dialog);
        assertEquals(Result.REJECTED, outcome.result());
        assertTrue(outcome.record().note().orElse("").contains("uncommitted"), outcome.record().note().orElse(""));
        assertEquals(0, model.bodies.size());
        assertUntouched(before, head);
    }

    // ---- verify ----------------------------------------------------------------------------------------------------

    // covers feature-007/FR-008
    @Test
    void failing_tests_go_back_to_the_model_and_the_fix_is_a_second_commit_that_undo_also_takes_back()
            throws Exception {
        Map<String, String> before = tree();
        model.answers.add(plan());
        model.answers.add(edits());
        model.answers.add(FIX);
        Dialog dialog = new Dialog();
        ChangeOutcome outcome = changeWithTests("echo checking; grep -q Bye " + FAREWELL, 1, dialog);
        assertEquals(Result.APPLIED, outcome.result());
        assertEquals("passed", outcome.record().tests());
        assertEquals(2, outcome.record().commits().size());
        assertTrue(read(FAREWELL).contains("// Bye"));
        assertTrue(dialog.output.contains("checking"), dialog.output.toString());
        assertEquals(2, dialog.shownDiffs.size(), "the fix is shown as a diff too");
        assertEquals(ChangeOrderStep.VERIFIED, dialog.steps.get(dialog.steps.size() - 1));
        assertTrue(model.bodies.get(2).contains("checking"), "the test output goes to the model");
        try (CodeFactory f = factory(Map.of())) {
            f.undo(new UndoCommand(outcome.record().id(), false));
        }
        assertEquals(before, tree());
        assertEquals("", git("branch", "--list", "factory/*"));
    }

    /** A test fix that makes {@code grep -q Bye FAREWELL} pass. */
    private static final String FIX = "FILE: " + FAREWELL + "\n<<<<<<< SEARCH\npublic final class Farewell {\n}\n"
            + "=======\npublic final class Farewell {\n    // Bye\n}\n>>>>>>> REPLACE\n";

    /** A test fix whose search text is not in the file. */
    private static final String FIX_NOT_FOUND = "FILE: " + FAREWELL + "\n<<<<<<< SEARCH\npublic class Farewell {}\n"
            + "=======\npublic class Farewell { /* Bye */ }\n>>>>>>> REPLACE\n";

    // covers feature-007/FR-008
    @Test
    void a_test_fix_that_does_not_apply_goes_back_to_the_model_once_like_any_edit() throws Exception {
        model.answers.add(plan());
        model.answers.add(edits());
        model.answers.add(FIX_NOT_FOUND);
        model.answers.add(FIX);
        Dialog dialog = new Dialog();
        ChangeOutcome outcome = changeWithTests("grep -q Bye " + FAREWELL, 1, dialog);
        assertEquals(Result.APPLIED, outcome.result(), String.join("\n", dialog.said));
        assertEquals(4, model.bodies.size(), "plan, edits, the fix and its one retry");
        assertTrue(model.bodies.get(3).contains(FAREWELL + ": edit 1 of 1"), model.bodies.get(3));
        assertEquals(2, outcome.record().commits().size());
        assertTrue(read(FAREWELL).contains("// Bye"));
    }

    @Test
    void a_test_fix_that_still_does_not_apply_ends_the_rounds_with_the_change_kept_and_the_reason_told()
            throws Exception {
        model.answers.add(plan());
        model.answers.add(edits());
        model.answers.add(FIX_NOT_FOUND);
        model.answers.add(FIX_NOT_FOUND);
        Dialog dialog = new Dialog();
        ChangeOutcome outcome = changeWithTests("grep -q Bye " + FAREWELL, 3, dialog);
        assertEquals(Result.APPLIED_TESTS_FAILING, outcome.result());
        assertEquals(4, model.bodies.size(), "no further round once a fix could not be applied");
        assertEquals(1, outcome.record().commits().size(), "the change's commit only");
        String said = String.join("\n", dialog.said);
        assertTrue(said.contains("The fix could not be applied"), said);
        assertTrue(said.contains(FAREWELL + ": edit 1 of 1"), said);
        assertEquals("package demo;\n\npublic final class Farewell {\n}\n", read(FAREWELL));
    }

    @Test
    void tests_still_failing_leave_the_change_applied_and_say_so() throws Exception {
        model.answers.add(plan());
        model.answers.add(edits());
        ChangeOutcome outcome;
        try (CodeFactory f = factory(Map.of("project.test-command", "exit 3"))) {
            outcome = f.change(ChangeCommand.of("Add a farewell"), new Dialog());
        }
        assertEquals(Result.APPLIED_TESTS_FAILING, outcome.result());
        assertEquals("failed (exit 3)", outcome.record().tests());
    }

    // ---- undo ------------------------------------------------------------------------------------------------------

    /** What a killed JVM leaves: no catch block, no rollback; only what was saved before. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    // covers feature-007/FR-010
    @Test
    void a_change_killed_after_stashing_is_undone_exactly_from_its_record() throws Exception {
        write("README.md", "# Demo\n\nGreets people, kindly.\n");
        write("scratch.txt", "untracked\n");
        git("add", "scratch.txt");
        write("notes.txt", "untracked notes\n");
        String statusBefore = git("status", "--porcelain", "--untracked-files=all");
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        model.answers.add(edits());
        Dialog dialog = new Dialog();
        dialog.dirty = ChangeDialog.DirtyTreeChoice.STASH;
        dialog.approve = diffs -> {
            throw new Killed();
        };
        try (CodeFactory f = factory(Map.of())) {
            assertThrows(Killed.class, () -> f.change(ChangeCommand.of("Add a farewell"), dialog));
        }
        assertFalse(git("stash", "list").isEmpty(), "the person's work is in the stash, the tree is not as it was");

        UndoOutcome undone;
        try (CodeFactory f = factory(Map.of())) {
            assertEquals(ChangeRecord.Status.INTERRUPTED, f.history().get(0).status(), "no process works on it");
            undone = f.undo(UndoCommand.last());
        }
        assertTrue(undone.stashRestored());
        assertFalse(undone.branchDeleted());
        assertEquals(Optional.empty(), undone.why(), "no branch was made, none is kept");
        assertEquals(Optional.of("main"), undone.branch());
        assertEquals(head, git("rev-parse", "HEAD"));
        assertEquals(statusBefore, git("status", "--porcelain", "--untracked-files=all"));
        assertEquals(before, tree());
        assertEquals("", git("stash", "list"));
        assertEquals("", git("for-each-ref", "refs/factory/"));
    }

    // covers feature-008/FR-012
    @Test
    void undoing_a_change_killed_after_its_commit_keeps_the_branch_that_holds_the_commit() throws Exception {
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        model.answers.add(edits());
        Dialog dialog = new Dialog();
        dialog.approve = diffs -> {
            throw new Killed();
        };
        String branch;
        try (CodeFactory f = factory(Map.of())) {
            assertThrows(Killed.class, () -> f.change(ChangeCommand.of("Add a farewell"), dialog));
            branch = f.history().get(0).branch();
        }
        // what a process killed between its commit and saving the record leaves: the branch with the commit
        git("checkout", "-q", "-b", branch);
        write("README.md", "# Demo\n\nGreets people, and says goodbye.\n");
        git("commit", "-q", "-am", "the change's commit");
        String commit = git("rev-parse", "HEAD");

        UndoOutcome undone;
        try (CodeFactory f = factory(Map.of())) {
            assertEquals(ChangeRecord.Status.INTERRUPTED, f.history().get(0).status());
            undone = f.undo(UndoCommand.last());
        }
        assertFalse(undone.branchDeleted(), "its commit is on no other ref");
        assertTrue(undone.why().orElse("").contains("has a commit the record does not know"), undone.why().toString());
        assertEquals(commit, git("rev-parse", branch), "kept as it was");
        assertEquals(head, git("rev-parse", "HEAD"));
        assertEquals(before, tree());
    }

    @Test
    void a_connection_dropped_while_the_edits_come_puts_everything_back_the_stashed_work_included() throws Exception {
        write("README.md", "# Demo\n\nGreets people, kindly.\n");
        write("notes.txt", "untracked notes\n");
        String statusBefore = git("status", "--porcelain", "--untracked-files=all");
        Map<String, String> before = tree();
        String head = git("rev-parse", "HEAD");
        model.answers.add(plan());
        model.answers.add(Model.DROP);
        Dialog dialog = new Dialog();
        dialog.dirty = ChangeDialog.DirtyTreeChoice.STASH;
        try (CodeFactory f = factory(Map.of("llm.max-attempts", "1"))) {
            FactoryException e = assertThrows(FactoryException.class,
                    () -> f.change(ChangeCommand.of("Add a farewell"), dialog));
            assertEquals(ChangeRecord.Status.ABANDONED, f.history().get(0).status(), e.getMessage());
        }
        assertEquals(2, model.bodies.size(), "the plan, and the edits that never arrived");
        assertTrue(String.join("\n", dialog.said).contains("nothing was written: the branch, the index and every"
                + " file are as they were, your stashed work given back"), String.join("\n", dialog.said));
        assertEquals(head, git("rev-parse", "HEAD"));
        assertEquals("main\n", git("rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals(statusBefore, git("status", "--porcelain", "--untracked-files=all"));
        assertEquals(before, tree());
        assertEquals("", git("stash", "list"), "the stashed work is given back, not left in the stash");
        assertEquals("", git("branch", "--list", "factory/*"));
    }

    @Test
    void undo_refuses_to_lose_work_made_after_the_change_unless_forced() throws Exception {
        model.answers.add(plan());
        model.answers.add(edits());
        changeWith(new Dialog());
        write("after.txt", "new work\n");
        try (CodeFactory f = factory(Map.of())) {
            ProjectStateException e = assertThrows(ProjectStateException.class, () -> f.undo(UndoCommand.last()));
            assertTrue(e.getMessage().contains("after.txt"), e.getMessage());
            assertTrue(Files.exists(project.resolve(FAREWELL)), "nothing undone");
            f.undo(new UndoCommand(null, true));
        }
        assertEquals("main\n", git("rev-parse", "--abbrev-ref", "HEAD"));
        assertFalse(Files.exists(project.resolve(FAREWELL)));
    }

    @Test
    void undo_keeps_a_pushed_branch_and_says_why() throws Exception {
        Path bare = tmp.resolve("remote.git");
        gitIn(tmp, "init", "-q", "--bare", bare.toString());
        git("remote", "add", "origin", bare.toString());
        model.answers.add(plan());
        model.answers.add(edits());
        ChangeOutcome outcome = changeWith(new Dialog());
        git("push", "-q", "origin", outcome.record().branch());
        UndoOutcome undone;
        try (CodeFactory f = factory(Map.of())) {
            undone = f.undo(UndoCommand.last());
        }
        assertFalse(undone.branchDeleted());
        assertTrue(undone.why().orElseThrow().contains("pushed"), undone.why().toString());
        assertEquals("main\n", git("rev-parse", "--abbrev-ref", "HEAD"));
    }

    @Test
    void undo_of_nothing_or_twice_says_so() throws Exception {
        try (CodeFactory f = factory(Map.of())) {
            assertTrue(assertThrows(FactoryException.class, () -> f.undo(UndoCommand.last())).getMessage()
                    .contains("no change to undo"));
        }
        model.answers.add(plan());
        model.answers.add(edits());
        String id = changeWith(new Dialog()).record().id();
        try (CodeFactory f = factory(Map.of())) {
            f.undo(UndoCommand.last());
            assertTrue(assertThrows(FactoryException.class, () -> f.undo(new UndoCommand(id, false))).getMessage()
                    .contains("already undone"));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String plan() {
        return "{\"summary\": \"Greet with Hi and add a Farewell class.\", \"specs\": [{\"id\": \"" + specId
                + "\", \"reason\": \"it is about greeting\"}], \"files\": ["
                + "{\"path\": \"" + GREETER + "\", \"action\": \"modify\", \"reason\": \"greet says Hi\"},"
                + "{\"path\": \"" + FAREWELL + "\", \"action\": \"create\", \"reason\": \"the farewell\"}]}";
    }

    /** A plan that touches one file, {@code path}, by {@code action}. */
    private String planOf(String path, String action) {
        return "{\"summary\": \"Change " + path + ".\", \"specs\": [{\"id\": \"" + specId + "\", \"reason\": \"it"
                + " is about greeting\"}], \"files\": [{\"path\": \"" + path + "\", \"action\": \"" + action
                + "\", \"reason\": \"asked for\"}]}";
    }

    private static String edits() {
        return "Here are the edits.\n\nFILE: " + GREETER + "\n<<<<<<< SEARCH\n    public String greet(String name) {\n"
                + "        return \"Hello, \" + name;\n=======\n    public String greet(String name) {\n"
                + "        return \"Hi, \" + name;\n>>>>>>> REPLACE\n\n" + newFarewell("java");
    }

    private static String newFarewell(String language) {
        return "NEW FILE: " + FAREWELL + "\n```" + language + "\npackage demo;\n\npublic final class Farewell {\n}\n"
                + "```\n";
    }

    private ChangeOutcome changeWith(Dialog dialog) {
        try (CodeFactory f = factory(Map.of())) {
            return f.change(ChangeCommand.of("Add a farewell next to the greeting, and greet with Hi"), dialog);
        }
    }

    /** "Add a farewell" with {@code testCommand} as project.test-command and up to {@code rounds} test fixes. */
    private ChangeOutcome changeWithTests(String testCommand, int rounds, Dialog dialog) {
        try (CodeFactory f = factory(Map.of("project.test-command", testCommand))) {
            return f.change(new ChangeCommand("Add a farewell", List.of(), false, false, rounds, false, false, true),
                    dialog);
        }
    }

    private CodeFactory factory(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("FACTORY_AUTHOR", "Ada Tester");
        env.put("HOME", tmp.toString());
        env.put("GIT_CONFIG_GLOBAL", tmp.resolve("gitconfig").toString());
        if (model != null) {
            env.put("FACTORY_LLM_PROVIDER", "ollama");
            env.put("FACTORY_LLM_ENDPOINT", model.url());
            env.put("FACTORY_LLM_MODEL", "llama3.2:latest");
        }
        CodeFactory.Builder b = CodeFactory.builder().projectRoot(project).environment(env)
                .userConfigDir(tmp.resolve("cfg"));
        overrides.forEach(b::override);
        return b.build();
    }

    private void assertUntouched(Map<String, String> before, String head) throws Exception {
        assertEquals(before, tree());
        assertEquals(head, git("rev-parse", "HEAD"));
        assertEquals("main\n", git("rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals("", git("branch", "--list", "factory/*"));
    }

    /** Every file outside .git and Code-Factory's own records, with its bytes (as ISO-8859-1 text, byte for byte). */
    private Map<String, String> tree() throws IOException, InterruptedException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(project)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = project.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && !rel.startsWith(".git/") && !rel.startsWith(".factory/")) {
                    out.put(rel, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        out.put("(index)", git("ls-files", "--stage"));
        return out;
    }

    private void write(String path, String text) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private String read(String path) throws IOException {
        return Files.readString(project.resolve(path), StandardCharsets.UTF_8);
    }

    private String git(String... args) throws IOException, InterruptedException {
        return gitIn(project, args);
    }

    /** Runs git where a failure is expected (a merge that conflicts); returns its output. */
    private String gitAllowingFailure(String... args) throws IOException, InterruptedException {
        try {
            return git(args);
        } catch (IOException failed) {
            return failed.getMessage();
        }
    }

    private String gitIn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-c", "user.name=Ada", "-c", "user.email=ada@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        GitSandbox.Result r = sandbox.run(dir, command.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + r.err() + r.out());
        }
        return r.out();
    }

    /** The person, scripted: plan decisions in order (approve when none are left), diffs approved by a rule. */
    static final class Dialog implements ChangeDialog {
        final Deque<java.util.function.BiFunction<ChangePlan, String, PlanDecision>> decisions = new ArrayDeque<>();
        Function<List<FileDiff>, List<String>> approve = diffs -> diffs.stream().map(FileDiff::path).toList();
        DirtyTreeChoice dirty = DirtyTreeChoice.STOP;
        final List<ChangeOrderStep> steps = new ArrayList<>();
        final List<String> said = new ArrayList<>();
        final List<String> planTexts = new ArrayList<>();
        final List<PlanReview> reviews = new ArrayList<>();
        final List<PlanReview> shownPlans = new ArrayList<>();
        /** Whether a review may come with problems or an unreadable edit (else it fails the test). */
        boolean problemsExpected;
        final List<List<FileDiff>> shownDiffs = new ArrayList<>();
        final List<String> output = new ArrayList<>();
        final List<String> askedByName = new ArrayList<>();
        final java.util.Set<String> namedByPerson = new java.util.HashSet<>();

        @Override
        public void step(ChangeOrderStep step, String detail) {
            if (!steps.contains(step)) {
                steps.add(step);
            }
        }

        @Override
        public void say(String message) {
            said.add(message);
        }

        @Override
        public DirtyTreeChoice dirtyTree(WorkingTreeStatus status) {
            return dirty;
        }

        @Override
        public PlanDecision reviewPlan(PlanReview review) {
            reviews.add(review);
            planTexts.add(review.text());
            assertTrue(problemsExpected || review.problems().isEmpty() && review.unreadable().isEmpty(),
                    "problems: " + review.problems() + " " + review.unreadable());
            return decisions.isEmpty() ? PlanDecision.approve()
                    : decisions.removeFirst().apply(review.plan(), review.text());
        }

        @Override
        public void showPlan(PlanReview review) {
            shownPlans.add(review);
        }

        @Override
        public void showDiffs(int round, List<FileDiff> diffs) {
            shownDiffs.add(diffs);
        }

        @Override
        public List<String> reviewDiffs(int round, List<FileDiff> diffs) {
            shownDiffs.add(diffs);
            return approve.apply(diffs);
        }

        @Override
        public boolean approveByName(FileDiff diff, String why) {
            askedByName.add(diff.path() + " (" + why + ")");
            return namedByPerson.contains(diff.path());
        }

        @Override
        public void testOutput(String line) {
            output.add(line);
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    }

    /** The testkit's Ollama fake server, answering chats from a script in order; an empty script answers "". */
    static final class Model implements AutoCloseable {
        /** An answer that is cut off mid-way by the connection dropping. */
        static final String DROP = "<drop the connection>";
        final Deque<String> answers = new ArrayDeque<>();
        /** The body of every chat request, in order. */
        final List<String> bodies = new CopyOnWriteArrayList<>();
        private final OllamaFakeServer server = OllamaFakeServer.start();

        Model() {
            server.respond(this::chat);
        }

        String url() {
            return server.uri().toString();
        }

        private Reply chat(Request request) {
            if ("GET".equals(request.method())) {
                return Reply.json(200, "{\"models\":[{\"name\":\"llama3.2:latest\"}]}");
            }
            bodies.add(request.body());
            String text;
            synchronized (answers) {
                text = answers.isEmpty() ? "" : answers.removeFirst();
            }
            Usage usage = new Usage(10, 20);
            if (text.equals(DROP)) {
                // the start of an answer, then a reset connection
                return Reply.status(200).header("Content-Type", "application/json")
                        .chunk("{\"model\":\"llama3.2:latest\",\"message\":{\"role\":").cut();
            }
            if (request.body().contains("\"stream\":true")) {
                return Reply.status(200).header("Content-Type", "application/x-ndjson")
                        .chunk(OllamaFakeServer.line(text, false, usage) + OllamaFakeServer.line("", true, usage));
            }
            return Reply.json(200, OllamaFakeServer.line(text, true, usage));
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
