package dev.codefactory.cli;

import static dev.codefactory.cli.IntakeTest.IDEA;
import static dev.codefactory.cli.IntakeTest.QUESTIONS;
import static dev.codefactory.cli.IntakeTest.SPEC;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code factory intake} at a real terminal ({@link Pty}), wide and narrow: Ctrl-C at every question and during every
 * model call stops the intake at once with one line that says how to go on, writes nothing to {@code contracts/},
 * keeps the draft, and exits with 130; {@code --resume} then completes it. The spec is shown once, cleaned as the
 * model writes it, and what goes wrong at the review prompt is said next to it.
 */
// covers feature-005/FR-005
@EnabledOnOs({OS.LINUX, OS.MAC})
class TerminalIntakeTest {
    /** What a chatty model sends: talk, a fence, front matter of its own, the spec, the fence, more talk. */
    static final String CHATTY = "Sure! Here is the spec you asked for:\n\n```markdown\n---\ntitle: mine\nstatus: done\n"
            + "---\n" + SPEC + "```\n\nLet me know if you want changes.";
    /** A line of {@link IntakeTest#SPEC} that appears once in it. */
    static final String SPEC_LINE = "A member can book a room for a time slot.";
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "calendar", model);
        project.env.remove("FACTORY_AUTHOR");
        project.env.put("VISUAL", "");
        project.env.put("EDITOR", "");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "init");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private Pty intake(int columns, int rows, String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = "intake";
        System.arraycopy(args, 0, all, 1, args.length);
        return Pty.start(project.root, project.env, columns, rows, null, all);
    }

    /** The one line a stop prints, and nothing after it; exit 130. */
    private static void assertStopped(Pty pty, String resumeFrom) throws InterruptedException {
        assertEquals(ExitCodes.STOPPED, pty.exit(LIMIT), pty.text());
        String text = pty.text();
        String line = "Stopped: the draft is kept; factory intake --resume goes on from " + resumeFrom + ".";
        assertTrue(text.contains(line), "expected \"" + line + "\" on:\n" + text);
        assertEquals(1, count(text, "Stopped"), text);
        assertEquals("", text.substring(text.indexOf(line) + line.length()).strip(), "nothing after the line");
        assertFalse(text.contains("Exception") || text.contains("factory: "), text);
    }

    /** Nothing in contracts/ but what was committed before, and one draft kept. */
    private JsonNode assertOnlyTheDraftKept(Pty pty) throws IOException {
        assertEquals(List.of(), specFiles(), pty.text());
        assertEquals("", project.git("status", "--porcelain", "contracts"), "contracts/ is as it was");
        return new ObjectMapper().readTree(Files.readString(onlyDraft()));
    }

    /** {@code intake --resume --yes} (no terminal) completes it: one spec, committed, no draft left. */
    private void assertResumeCompletes(String... more) throws IOException {
        String[] args = new String[2 + more.length];
        args[0] = "intake";
        args[1] = "--resume";
        System.arraycopy(more, 0, args, 2, more.length);
        Result resumed = project.run(args);
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertSavedOnce();
    }

    private void assertSavedOnce() throws IOException {
        assertEquals(1, specFiles().size(), specFiles().toString());
        assertEquals("", project.git("status", "--porcelain", "contracts"), "the spec and the index are committed");
        assertEquals(List.of(), drafts(), "the draft is gone once the spec is saved");
    }

    // ---- Ctrl-C at each question and during each model call ----------------------------------------------------

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_at_the_second_line_of_the_idea_keeps_the_first_and_resume_goes_on_from_the_idea(int columns, int rows)
            throws Exception {
        model.generations.add(SPEC);
        try (Pty pty = intake(columns, rows)) {
            pty.expect("Type the idea").expect("> ").type("A shared team calendar where members see absences\r");
            pty.expect("> ").ctrlC();

            assertStopped(pty, "the idea");
            assertFalse(pty.text().contains("Q1"), "no question is asked: " + pty.text());
            assertEquals("A shared team calendar where members see absences",
                    assertOnlyTheDraftKept(pty).get("idea").asText());
            assertTrue(model.bodies.isEmpty(), "the model was asked nothing");
        }
        assertResumeCompletes("--yes", "--no-questions");
        String generation = model.bodies.get(model.bodies.size() - 1);
        assertTrue(generation.contains("A shared team calendar where members see absences"), generation);
    }

    @Test
    void ctrl_c_before_anything_is_typed_keeps_nothing() throws Exception {
        try (Pty pty = intake(80, 24)) {
            pty.expect("Type the idea").expect("> ").ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(LIMIT), pty.text());
            pty.expect("Stopped: nothing was typed, so nothing is kept.");
            assertEquals(List.of(), drafts());
            assertEquals(List.of(), specFiles());
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_at_the_question_about_a_similar_spec_keeps_the_idea(int columns, int rows) throws Exception {
        assertEquals(0, project.run("spec", "new", "Shared team calendar for absences and meeting rooms").exit());
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "a similar spec");
        model.generations.add(SPEC);
        try (Pty pty = intake(columns, rows, IDEA)) {
            pty.expect("[y/N]").ctrlC();

            assertStopped(pty, "the idea");
            assertEquals(List.of("shared-team-calendar-for-absences-and-meeting-rooms.md"), specFiles());
            assertEquals(IDEA, new ObjectMapper().readTree(Files.readString(onlyDraft())).get("idea").asText());
        }
        Result resumed = project.run("intake", "--resume", "--yes", "--no-questions");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(specFiles().contains("team-calendar.md"), specFiles().toString());
        assertEquals(List.of(), drafts());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_at_the_second_question_keeps_the_first_answer_and_resume_asks_only_the_second(int columns, int rows)
            throws Exception {
        model.questions.add(QUESTIONS);
        model.generations.add(CHATTY);
        try (Pty pty = intake(columns, rows, IDEA)) {
            pty.expect("Q1/2").expect("Your answer").type("Up to 50 people\r");
            pty.expect("Q2/2").expect("Your answer").ctrlC();

            assertStopped(pty, "question 2 of 2");
            JsonNode draft = assertOnlyTheDraftKept(pty);
            assertEquals("Up to 50 people", draft.get("answers").get("q1").asText());
            assertFalse(draft.get("answers").has("q2"), draft.toString());
            assertEquals(List.of(ModelLoopback.Kind.QUESTIONS), model.kinds, "no spec was asked for");
        }
        try (Pty pty = intake(columns, rows, "--resume")) {
            pty.expect("Resuming the intake of ");
            pty.expect("Q2/2").expect("Your answer").type("Google sign-in\r");
            pty.expect("[a]ccept").type("a\r");

            assertEquals(0, pty.exit(LIMIT), pty.text());
            String text = pty.text();
            assertFalse(text.contains("Q1/2"), "the first question is not asked again: " + text);
            Matcher header = Pattern.compile("Resuming the intake of (\\S+ \\S+) \\(").matcher(text);
            assertTrue(header.find(), text);
            assertTrue(header.group(1).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), "local time to the"
                    + " second: " + header.group(1));
            assertEquals(1, count(text, SPEC_LINE), "the spec is shown once: " + text);
        }
        assertSavedOnce();
        String generation = model.bodies.get(model.bodies.size() - 1);
        assertTrue(generation.contains("Up to 50 people") && generation.contains("Google sign-in"), generation);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_while_the_questions_are_asked_for_cancels_the_call(int columns, int rows) throws Exception {
        model.questions.add(QUESTIONS);
        model.generations.add(SPEC);
        model.delays.put(ModelLoopback.Kind.QUESTIONS, 60_000);
        try (Pty pty = intake(columns, rows, IDEA)) {
            pty.expect("Using ollama");
            awaitRequests(1);
            long pressed = System.nanoTime();
            pty.ctrlC();

            assertStopped(pty, "the clarifying questions");
            assertQuick(pressed);
            assertOnlyTheDraftKept(pty);
        }
        model.delays.clear();
        assertResumeCompletes("--yes");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_while_the_spec_is_written_cancels_the_stream_and_keeps_the_answers(int columns, int rows)
            throws Exception {
        model.questions.add(QUESTIONS);
        model.generations.add(CHATTY);
        model.lineDelayMillis = 250; // about 15 s for the whole spec
        try (Pty pty = intake(columns, rows, IDEA)) {
            pty.expect("Q1/2").expect("Your answer").type("Up to 50 people\r");
            pty.expect("Q2/2").expect("Your answer").type("Google sign-in\r");
            pty.expect("# Team calendar");
            long pressed = System.nanoTime();
            pty.ctrlC();

            assertStopped(pty, "the writing of the spec");
            assertQuick(pressed);
            String text = pty.text();
            assertFalse(text.contains(SPEC_LINE), "the spec was not written to its end: " + text);
            assertFalse(text.contains("Sure!") || text.contains("```") || text.contains("title: mine"), text);
            JsonNode draft = assertOnlyTheDraftKept(pty);
            assertEquals("Google sign-in", draft.get("answers").get("q2").asText());
            assertTrue(draft.get("generated").isNull(), "no half spec is kept: " + draft);
        }
        model.lineDelayMillis = 0;
        assertResumeCompletes("--yes");
        assertEquals(1, model.kinds.stream().filter(k -> k == ModelLoopback.Kind.QUESTIONS).count(),
                "the questions are not asked again");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_at_the_review_prompt_keeps_the_spec_shown_once(int columns, int rows) throws Exception {
        model.questions.add("[]");
        model.generations.add(CHATTY);
        try (Pty pty = intake(columns, rows, IDEA)) {
            pty.expect("[a]ccept").ctrlC();

            assertStopped(pty, "the review");
            String text = pty.text();
            assertEquals(1, count(text, SPEC_LINE), "the spec is shown once: " + text);
            assertEquals(1, count(text, "# Team calendar"), text);
            assertFalse(text.contains("Sure!") || text.contains("Let me know") || text.contains("```")
                    || text.contains("title: mine"), "none of the model's chatter, fence or front matter: " + text);
            assertTrue(text.contains("Team calendar: "), "one line about it at the prompt: " + text);
            JsonNode draft = assertOnlyTheDraftKept(pty);
            assertTrue(draft.get("generated").asText().contains(SPEC_LINE), draft.toString());
        }
        int requests = model.bodies.size();
        try (Pty pty = intake(columns, rows, "--resume")) {
            pty.expect("[a]ccept").type("a\r");

            assertEquals(0, pty.exit(LIMIT), pty.text());
            assertEquals(1, count(pty.text(), SPEC_LINE), "not seen in this run, so shown once: " + pty.text());
        }
        assertEquals(requests, model.bodies.size(), "the model is asked nothing again");
        assertSavedOnce();
    }

    @Test
    void ctrl_c_at_the_feedback_question_keeps_the_spec() throws Exception {
        model.questions.add("[]");
        model.generations.add(SPEC);
        try (Pty pty = intake(40, 20, IDEA)) {
            pty.expect("[a]ccept").type("r\r");
            pty.expect("What should change?").ctrlC();

            assertStopped(pty, "the review");
            assertTrue(assertOnlyTheDraftKept(pty).get("generated").asText().contains(SPEC_LINE));
        }
        assertResumeCompletes("--yes");
    }

    @Test
    void ctrl_c_while_the_spec_is_written_again_keeps_the_one_before() throws Exception {
        model.questions.add("[]");
        model.generations.add(SPEC);
        try (Pty pty = intake(80, 24, IDEA)) {
            pty.expect("[a]ccept");
            model.lineDelayMillis = 250;
            pty.type("r\r").expect("What should change?").type("Mention public holidays\r");
            awaitRequests(3);
            pty.expect("# Team calendar");
            long pressed = System.nanoTime();
            pty.ctrlC();

            assertStopped(pty, "the review");
            assertQuick(pressed);
            JsonNode draft = assertOnlyTheDraftKept(pty);
            assertEquals(SPEC, draft.get("generated").asText(), "the spec before the regeneration");
            assertEquals("Mention public holidays", draft.get("feedback").get(0).asText());
        }
        model.lineDelayMillis = 0;
        assertResumeCompletes("--yes");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_while_the_model_repairs_the_spec_keeps_it_as_written(int columns, int rows) throws Exception {
        String incomplete = "# Team calendar\n\n## Overview\n\nShared absences and rooms.\n";
        model.questions.add("[]");
        model.generations.add(incomplete);
        model.generations.add(SPEC);
        model.repairs.add(SPEC);
        model.delays.put(ModelLoopback.Kind.REPAIR, 60_000);
        try (Pty pty = intake(columns, rows, IDEA)) {
            pty.expect("repair them once");
            awaitRequests(3);
            long pressed = System.nanoTime();
            pty.ctrlC();

            assertStopped(pty, "the review");
            assertQuick(pressed);
            assertEquals(incomplete, assertOnlyTheDraftKept(pty).get("generated").asText());
        }
        model.delays.clear();
        try (Pty pty = intake(columns, rows, "--resume")) {
            pty.expect("still wrong with it").expect("[r]egenerate").type("r\r");
            pty.expect("What should change?").type("\r");
            pty.expect("[a]ccept").type("a\r");

            assertEquals(0, pty.exit(LIMIT), pty.text());
        }
        assertSavedOnce();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_at_a_section_of_the_offline_wizard_keeps_the_sections_written(int columns, int rows)
            throws Exception {
        try (Pty pty = intake(columns, rows, IDEA, "--offline")) {
            pty.expect("[1/").expect("Overview").expect("> ").type("A shared calendar for small teams.\r");
            pty.expect("> ").type("\r");
            pty.expect("[2/").expect("> ").ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(LIMIT), pty.text());
            Matcher line = Pattern.compile("goes on from section 2 of \\d+ \\((\\S+)\\)\\.").matcher(pty.text());
            assertTrue(line.find(), pty.text());
            assertStopped(pty, line.group(0).substring("goes on from ".length(), line.group(0).length() - 1));
            JsonNode draft = assertOnlyTheDraftKept(pty);
            assertEquals("A shared calendar for small teams.", draft.get("answers").get("section:Overview").asText());
        }
        Path answers = Files.writeString(tmp.resolve("sections.yaml"), "sections:\n  Functional: |\n"
                + "    - A member can mark an absence.\n");
        assertResumeCompletes("--yes", "--answers", answers.toString());
        String saved = project.read("contracts/specs/" + specFiles().get(0));
        assertTrue(saved.contains("A shared calendar for small teams."), saved);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "40,20"})
    void ctrl_c_with_json_prints_a_stopped_result_naming_the_draft(int columns, int rows) throws Exception {
        model.generations.add(SPEC);
        model.lineDelayMillis = 250;
        try (Pty pty = Pty.start(project.root, project.env, columns, rows, "> result.json", "intake", IDEA,
                "--no-questions", "--json")) {
            awaitRequests(1);
            assertTrue(Await.until(() -> model.linesSent.get() >= 2, LIMIT), "the spec is on its way");
            long pressed = System.nanoTime();
            pty.ctrlC();

            assertStopped(pty, "the writing of the spec");
            assertQuick(pressed);
            JsonNode json = new ObjectMapper().readTree(project.read("result.json"));
            assertFalse(json.get("saved").asBoolean());
            assertTrue(json.get("stopped").asBoolean(), json.toString());
            assertEquals("the writing of the spec", json.get("resumeFrom").asText());
            assertEquals(onlyDraft(), project.root.resolve(json.get("draft").asText()));
            assertEquals(List.of(), specFiles());
        }
    }

    // ---- at the review prompt -----------------------------------------------------------------------------------

    // covers feature-005/FR-004
    @Test
    void e_without_an_editor_and_a_wrong_choice_are_answered_next_to_the_prompt() throws Exception {
        model.questions.add("[]");
        model.generations.add(SPEC);
        try (Pty pty = intake(80, 24, IDEA)) {
            pty.expect("[q]uit? ").type("e\r");
            pty.expect("No editor to open: set VISUAL or EDITOR").expect("[q]uit? ").type("x\r");
            pty.expect("Not a choice: type a to accept it, e to edit it, r to have it written again or q to quit")
                    .expect("[q]uit? ").type("q\r");

            assertEquals(ExitCodes.FINDINGS, pty.exit(LIMIT), pty.text());
            String text = pty.text();
            assertEquals(1, count(text, SPEC_LINE), "the spec is not shown again: " + text);
            assertNextTo(text, "No editor to open:", "[a]ccept, [e]dit");
            assertNextTo(text, "Not a choice:", "[a]ccept, [e]dit");
        }
        assertEquals(SPEC, new ObjectMapper().readTree(Files.readString(onlyDraft())).get("generated").asText());
    }

    /** The prompt comes right after the message: at most the rest of the message's line between them. */
    private static void assertNextTo(String text, String message, String prompt) {
        int at = text.indexOf(message);
        assertTrue(at >= 0, text);
        String after = text.substring(at);
        int next = after.indexOf(prompt);
        assertTrue(next >= 0, after);
        assertTrue(after.substring(0, next).strip().split("\n").length <= 1, "the message is next to the prompt: "
                + after);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void awaitRequests(int n) throws InterruptedException {
        Await.until(() -> model.bodies.size() >= n, LIMIT);
        assertEquals(n, model.bodies.size(), model.kinds.toString()); // the model has it: the call is under way
    }

    private static void assertQuick(long pressed) {
        long millis = (System.nanoTime() - pressed) / 1_000_000;
        assertTrue(millis < 15_000, "stopped " + millis + " ms after Ctrl-C, not after the model's minute");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private List<String> specFiles() throws IOException {
        try (Stream<Path> files = Files.list(project.root.resolve("contracts/specs"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
    }

    private List<Path> drafts() throws IOException {
        Path dir = project.root.resolve(".factory/drafts");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    private Path onlyDraft() throws IOException {
        List<Path> drafts = drafts();
        assertEquals(1, drafts.size(), drafts.toString());
        return drafts.get(0);
    }
}
