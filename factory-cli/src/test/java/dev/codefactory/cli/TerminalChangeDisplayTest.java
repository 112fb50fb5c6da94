package dev.codefactory.cli;

import static dev.codefactory.cli.ChangeTest.FAREWELL_AFTER;
import static dev.codefactory.cli.ChangeTest.GREETER;
import static dev.codefactory.cli.ChangeTest.GREETER_AFTER;
import static dev.codefactory.cli.ChangeTest.GREETER_BEFORE;
import static dev.codefactory.cli.ChangeTest.REQUEST;
import static dev.codefactory.cli.TerminalChangeTest.EDITS3;
import static dev.codefactory.cli.TerminalChangeTest.PLAN3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code factory change} shows at a real terminal ({@link Pty}): the plan without the editor's instructions,
 * what went wrong with an answer right above the question asked again, the plan and the diffs where the questions
 * are asked (also when standard output is a file), everything still shown under {@code --yes}, and questions that fit
 * the terminal.
 */
// covers feature-007/FR-003
@EnabledOnOs({OS.LINUX, OS.MAC})
class TerminalChangeDisplayTest {
    static final String FAREWELL = "src/main/java/app/Farewell.java";
    /** {@link TerminalChangeTest#EDITS3} with the greeter's block indented 2 columns less than the file. */
    static final String EDITS3_REINDENTED = EDITS3.substring(0, EDITS3.indexOf("NEW FILE:")).replace("\n    ", "\n  ")
            + EDITS3.substring(EDITS3.indexOf("NEW FILE:"));
    /** How each question of a change ends, before what was typed. */
    private static final List<String> QUESTIONS = List.of("[r]eject? ", "[q]uit ", "s[t]op? ", "Path to apply");

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "greeter", model);
        project.write(GREETER, GREETER_BEFORE);
        project.write("README.md", "greeter\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "greeter");
        model.changes.add(PLAN3);
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private Pty change(int columns, int rows, String redirect, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("change", REQUEST));
        args.addAll(List.of(more));
        return Pty.start(project.root, project.env, columns, rows, redirect, args.toArray(String[]::new));
    }

    /** An editor: a shell script run on the plan's file. */
    private Path editor(String name, String script) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script);
        assertTrue(file.toFile().setExecutable(true));
        return file;
    }

    /** Every line of {@code text} that ends with a question and its answer, each as wide as the terminal shows it. */
    private static List<String> questions(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (QUESTIONS.stream().anyMatch(line::contains)) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void the_plan_is_shown_without_the_editors_instructions_and_unwrapped_while_the_editor_gets_them()
            throws Exception {
        Path seen = tmp.resolve("seen.md");
        project.env.put("EDITOR", editor("look.sh", "cp \"$1\" '" + seen + "'\n").toString());
        try (Pty pty = change(80, 24, null)) {
            pty.expect("[a]pprove / [e]dit / [r]eject? ").type("e\r");
            pty.expect("Nothing was changed in the editor.").expect("[a]pprove / [e]dit / [r]eject? ").type("r\r");

            assertEquals(ExitCodes.REJECTED, pty.exit(Duration.ofSeconds(30)), pty.text());
            String shown = pty.text();
            assertFalse(shown.contains("<!--") || shown.contains("Save and close the editor"), shown);
            assertTrue(shown.contains("- modify README.md: say so (analysis: no sign in the request or the specs;"
                    + " the model's own choice)\n"), "one line, for the terminal to wrap: " + shown);
            assertTrue(Files.readString(seen).contains("<!-- Edit the Summary, Specs and Files sections."),
                    "the editor still gets its instructions: " + Files.readString(seen));
        }
    }

    @Test
    void an_unreadable_edit_is_said_right_above_the_question_and_kept_for_the_next_edit() throws Exception {
        model.changes.add(EDITS3); // README.md too, though the person takes it out of the plan
        Path edits = tmp.resolve("edits");
        // first edit: a line that does not read; second: the person's text must come back, then README.md goes
        project.env.put("EDITOR", editor("edit.sh", "if [ -e '" + edits + "' ]; then\n"
                + "  grep -q '^- rewrite README.md' \"$1\" || exit 3\n"
                + "  sed -i '/README.md/d' \"$1\"\n"
                + "else\n"
                + "  touch '" + edits + "'\n"
                + "  sed -i 's/^- modify README.md/- rewrite README.md/' \"$1\"\n"
                + "fi\n").toString());
        try (Pty pty = change(80, 24, null)) {
            pty.expect("[a]pprove / [e]dit / [r]eject? ").type("x\r");
            pty.expect("'x' is not an answer here: a approves the plan, e opens it in your editor, r rejects it.\n")
                    .expect("[a]pprove / [e]dit / [r]eject? ").type("e\r");
            pty.expect("Your edit could not be read: line 17 of the plan does not read as a file: \"- rewrite"
                    + " README.md").expect("Your text is kept for the next edit.\n")
                    .expect("[e]dit it again / [a]pprove the plan above / [r]eject? ").type("e\r");
            pty.expect("# Change plan").expect("[a]pprove / [e]dit / [r]eject? ").type("a\r");
            pty.expect("Left out: README.md: left out: it is not in the approved plan");
            pty.expect("Apply this file (1/2)? ").type("y\r");
            pty.expect("Apply this file (2/2)? ").type("y\r");

            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            pty.expect("Applied on branch factory/change-");
            String shown = pty.text();
            assertEquals(2, shown.split("# Change plan ", -1).length - 1, "drawn for the plan and for the edited"
                    + " plan, never for an edit that could not be read: " + shown);
            String afterError = shown.substring(shown.indexOf("Your edit could not be read"));
            assertTrue(afterError.indexOf("[e]dit it again") < afterError.indexOf("# Change plan"),
                    "the error is right above the question: " + shown);
            assertFalse(shown.contains("exited with 3"), "the second edit got the person's text back: " + shown);
            assertEquals(GREETER_AFTER, project.read(GREETER));
            assertEquals(FAREWELL_AFTER, project.read(FAREWELL));
            assertEquals("greeter\n", project.read("README.md"), "taken out of the plan: never written");
        }
    }

    @Test
    void a_plan_that_cannot_be_approved_says_why_right_above_the_question() throws Exception {
        model.changes.clear();
        model.changes.add(PLAN3.replace("\"README.md\"", "\"logo.png\""));
        project.write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "logo");
        try (Pty pty = change(80, 24, null)) {
            pty.expect("## Impact").expect("The plan cannot be approved as it is; edit or reject it:\n")
                    .expect("  - logo.png is a binary: Code-Factory only writes text files; leave it out\n")
                    .expect("[e]dit / [r]eject? ").type("a\r");
            pty.expect("The plan cannot be approved as it is").expect("[e]dit / [r]eject? ").type("r\r");

            assertEquals(ExitCodes.REJECTED, pty.exit(Duration.ofSeconds(30)), pty.text());
            assertEquals(1, pty.text().split("# Change plan ", -1).length - 1, "not drawn again: " + pty.text());
        }
    }

    @Test
    void with_stdout_in_a_file_the_plan_and_the_diffs_are_shown_where_the_questions_are_asked() throws Exception {
        model.changes.add(EDITS3);
        try (Pty pty = change(80, 24, "> out.txt")) {
            pty.expect("## Files").expect("- modify README.md: say so").expect("[a]pprove / [e]dit / [r]eject? ")
                    .type("a\r");
            pty.expect("modify " + GREETER + "  +4 -0").expect("+    String bye() {").expect("Apply this file (1/3)? ")
                    .type("y\r");
            pty.expect("+final class Farewell {").expect("Apply this file (2/3)? ").type("y\r");
            pty.expect("+greeter, and farewell").expect("Apply this file (3/3)? ").type("n\r");

            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            String file = project.read("out.txt");
            assertTrue(file.startsWith("Applied on branch factory/change-"), "the result goes to the file: " + file);
            assertFalse(file.contains("## Files") || file.contains("String bye()"), "and nothing to approve: " + file);
            assertEquals(GREETER_AFTER, project.read(GREETER));
            assertEquals("greeter\n", project.read("README.md"));
        }
    }

    @Test
    void with_yes_the_plan_the_diffs_and_how_edits_were_placed_are_shown() throws Exception {
        model.changes.add(EDITS3_REINDENTED);
        try (Pty pty = change(80, 24, null, "--yes")) {
            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            pty.expect("# Change plan").expect("- create " + FAREWELL + ": holds the word")
                    .expect("modify " + GREETER + "  +4 -0")
                    .expect("note: edit 1 matched at line 4 after ignoring indentation; its replacement was"
                            + " re-indented\n")
                    .expect("+    String bye() {").expect("+greeter, and farewell").expect("Applied on branch");
            assertFalse(pty.text().contains("Apply this file"), "nothing asked");
        }
    }

    @Test
    void with_yes_and_json_the_plan_and_the_diffs_go_to_standard_error() throws Exception {
        model.changes.add(EDITS3_REINDENTED);
        try (Pty pty = change(80, 24, "> out.json", "--yes", "--json")) {
            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            pty.expect("# Change plan").expect("note: edit 1 matched at line 4 after ignoring indentation")
                    .expect("+    String bye() {");
            String json = project.read("out.json");
            assertEquals("applied", new ObjectMapper().readTree(json).get("result").asText(), json);
            assertFalse(json.contains("# Change plan"), json);
        }
    }

    /** {@link TerminalChangeTest#EDITS3} with the greeter's return changed too. */
    static final String EDITS3_CHANGING = EDITS3.replace("=======\n    String hello() {\n        return \"hello\";",
            "=======\n    String hello() {\n        return \"hello there\";");

    // covers feature-007/FR-004
    @Test
    void on_a_colour_terminal_changed_words_are_reversed_and_keywords_coloured_but_not_with_no_color()
            throws Exception {
        model.changes.add(EDITS3_CHANGING);
        try (Pty pty = change(80, 24, null, "--yes")) {
            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            String raw = pty.raw();
            assertTrue(raw.contains("\u001b[32m\u001b[7m there\u001b[0m"), "the added word, reversed: " + raw);
            assertTrue(raw.contains("\u001b[32m\u001b[1mreturn\u001b[0m"), "a keyword of an added line, bold: " + raw);
            assertTrue(raw.contains("\u001b[35mclass\u001b[0m"), "a keyword of a context line: " + raw);
        }
        project.git("checkout", "-q", "-");
        model.changes.add(PLAN3);
        model.changes.add(EDITS3_CHANGING);
        project.env.put("NO_COLOR", "1");
        try (Pty pty = change(80, 24, null, "--yes")) {
            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            pty.expect("+        return \"hello there\";");
            String raw = pty.raw();
            assertFalse(raw.contains("\u001b[7m") || raw.contains("\u001b[32m") || raw.contains("\u001b[35m"),
                    "plain text with NO_COLOR: " + raw);
        }
    }

    @Test
    void at_80_columns_every_question_and_its_answer_fit_on_one_line() throws Exception {
        model.changes.add(EDITS3);
        project.env.put("EDITOR", "false");
        try (Pty pty = change(80, 24, null)) {
            pty.expect("[a]pprove / [e]dit / [r]eject? ").type("e\r");
            pty.expect("exited with 1").expect("[a]pprove / [e]dit / [r]eject? ").type("a\r");
            pty.expect("Apply this file (1/3)? ").type("what\r");
            pty.expect("Apply this file (1/3)? ").type("y\r");
            pty.expect("Apply this file (2/3)? ").type("a\r");

            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            List<String> questions = questions(pty.text());
            assertEquals(5, questions.size(), questions.toString());
            for (String question : questions) {
                assertTrue(question.length() <= 80, question.length() + " columns: " + question);
            }
        }
    }

    @Test
    void at_40_columns_by_20_rows_the_change_can_still_be_read_and_answered() throws Exception {
        model.changes.add(EDITS3);
        try (Pty pty = change(40, 20, null)) {
            pty.expect("- modify README.md").expect("[r]eject? ").type("a\r");
            pty.expect("+    String bye() {").expect("[q]uit ").type("y\r");
            pty.expect("+final class Farewell {").expect("[q]uit ").type("n\r");
            pty.expect("+greeter, and farewell").expect("[q]uit ").type("y\r");

            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            pty.expect("Applied on branch");
            assertEquals(GREETER_AFTER, project.read(GREETER));
            assertFalse(Files.exists(project.root.resolve(FAREWELL)), "the file answered n is not written");
            assertEquals("greeter, and farewell\n", project.read("README.md"));
        }
    }

}
