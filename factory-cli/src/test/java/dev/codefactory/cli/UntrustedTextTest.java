package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codefactory.cli.TestProject.Result;
import dev.codefactory.domain.text.ControlCharacters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from spec files and from models, holding terminal escape sequences, carriage returns and bidirectional
 * overrides, printed by the CLI end to end: shown as {@code ^[}, {@code ^M}, {@code <U+202E>}, never obeyed; in
 * {@code --json} as escapes; in the reports written for it. Only our own colours (on a terminal with colour) and the
 * status line's {@code \r ESC [ 2K} (on a terminal) reach the output as control characters.
 */
// covers feature-002/NFR-003
class UntrustedTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ESC = "\u001b";
    /** The title of the hostile spec, as the spec file's YAML spells it and as it reads. */
    private static final String TITLE_YAML = "\"\\e]0;pwned\\a Login \\e[2J\"";
    private static final String TITLE = ESC + "]0;pwned\u0007 Login " + ESC + "[2J";
    private static final String TITLE_SHOWN = "^[]0;pwned^G Login ^[[2J";
    /** What a model says, streamed in chunks of 7 characters (so the sequences are cut between tokens). */
    private static final String ANSWER = "Fine." + ESC + "]0;pwned\u0007 evil();\r// harmless " + ESC + "[2J"
            + ESC + "[31mred " + "\u202etxt.exe\u009b2J";
    private static final String ANSWER_SHOWN = "Fine.^[]0;pwned^G evil();^M// harmless ^[[2J^[[31mred "
            + "<U+202E>txt.exe<U+009B>2J";

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "p", model);
        project.write("contracts/specs/login.md", "---\nid: feature-001\ntitle: " + TITLE_YAML + "\nstatus: approved\n"
                + "created: 2026-01-01\nupdated: 2026-01-01\ntags: [auth]\n---\n\n# Login\n\n## Overview\n\n"
                + "People sign in with `LoginService`. evil();\r// harmless\n\n## Requirements\n\n"
                + "- `LoginService` checks the password \u202eevil.\n- See [the notes](notes" + ESC + "]0;x\u0007.md).\n");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    /**
     * Fails when {@code output} holds a control character (but tab and line feed), once what the CLI prints itself
     * is taken out: line endings, and on a terminal the status line's erase and, with colour, {@link Style}'s
     * colour sequences.
     */
    static void assertShownNotObeyed(String output, boolean terminal, boolean colour) {
        String rest = output.replace("\r\n", "\n");
        if (terminal) {
            rest = rest.replace("\r" + ESC + "[2K", "");
        }
        if (colour) {
            for (String code : Style.CODES) {
                rest = rest.replace(ESC + "[" + code + "m", "");
            }
        }
        for (int i = 0; i < rest.length(); i++) {
            if (ControlCharacters.isUnsafe(rest.charAt(i))) {
                fail("U+" + Integer.toHexString(rest.charAt(i)) + " reached the output at " + i + ": "
                        + ControlCharacters.escape(rest.substring(Math.max(0, i - 40), Math.min(rest.length(), i + 40))));
            }
        }
    }

    private static void assertShownNotObeyed(Result r) {
        assertShownNotObeyed(r.out(), false, false);
        assertShownNotObeyed(r.err(), false, false);
    }

    @Test
    void spec_list_show_and_validate_show_a_hostile_title_and_body_instead_of_obeying_them() {
        Result list = project.run("spec", "list");
        assertEquals(1, list.exit(), "the broken link is an error: " + list.err());
        assertTrue(list.out().contains(TITLE_SHOWN), list.out());
        assertTrue(list.err().contains("link 'notes^[]0;x^G.md' does not resolve"), list.err());
        assertShownNotObeyed(list);

        Result show = project.run("spec", "show", "feature-001");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("feature-001  " + TITLE_SHOWN), show.out());
        assertTrue(show.out().contains("evil();^M// harmless"), show.out());
        assertTrue(show.out().contains("<U+202E>evil."), show.out());
        assertShownNotObeyed(show);

        Result validate = project.run("spec", "validate");
        assertEquals(1, validate.exit(), validate.out());
        assertTrue(validate.out().contains("link 'notes^[]0;x^G.md' does not resolve"), validate.out());
        assertShownNotObeyed(validate);
    }

    @Test
    void on_a_terminal_our_colours_stay_and_the_hostile_sequences_are_shown() {
        project.terminal = true;
        Result show = project.run("spec", "show", "feature-001");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains(ESC + "[1mfeature-001  " + TITLE_SHOWN + ESC + "[0m"), show.out());
        assertShownNotObeyed(show.out(), true, true);

        Result validate = project.run("spec", "validate");
        assertTrue(validate.out().contains(ESC + "[31merror" + ESC + "[0m"), validate.out());
        assertTrue(validate.out().contains("link 'notes^[]0;x^G.md'"), validate.out());
        assertShownNotObeyed(validate.out(), true, true);
    }

    @Test
    void without_colour_not_even_a_colour_code_from_a_file_passes() throws IOException {
        project.write("contracts/specs/login.md", project.read("contracts/specs/login.md")
                .replace(TITLE_YAML, "\"\\e[31mRed \\e[1mlogin\""));
        project.terminal = true;
        project.env.put("NO_COLOR", "1");
        Result noColour = project.run("spec", "list");
        assertTrue(noColour.out().contains("^[[31mRed ^[[1mlogin"), noColour.out());
        assertShownNotObeyed(noColour.out(), true, false);

        project.env.remove("NO_COLOR");
        Result flag = project.run("spec", "list", "--no-color");
        assertTrue(flag.out().contains("^[[31mRed ^[[1mlogin"), flag.out());
        assertFalse(flag.out().contains(ESC), flag.out());
        Result before = project.run("--no-color", "spec", "show", "feature-001");
        assertTrue(before.out().contains("feature-001  ^[[31mRed ^[[1mlogin"), before.out());
        assertFalse(before.out().contains(ESC), before.out());
    }

    @Test
    void json_output_escapes_the_hostile_text_and_reads_back_as_it_was() throws IOException {
        for (List<String> args : List.of(List.of("spec", "list", "--json"),
                List.of("spec", "show", "feature-001", "--json"), List.of("spec", "validate", "--json"))) {
            Result r = project.run(args.toArray(String[]::new));
            assertShownNotObeyed(r);
            assertTrue(r.out().contains("\\u001b"), String.join(" ", args) + ": " + r.out());
            JSON.readTree(r.out());
        }
        Result show = project.run("spec", "show", "feature-001", "--json");
        assertEquals(TITLE, JSON.readTree(show.out()).get("title").asText());
        assertTrue(show.out().contains("password \\u202eevil."), show.out());
        assertTrue(show.out().contains("evil();\\r// harmless"), show.out());
    }

    @Test
    void the_validation_report_file_shows_the_hostile_text() throws IOException {
        Result r = project.run("spec", "validate", "--report");
        assertEquals(1, r.exit(), r.out());
        String report;
        try (Stream<Path> files = Files.list(project.root.resolve("reports"))) {
            report = Files.readString(files.filter(f -> f.getFileName().toString().startsWith("validation-"))
                    .findFirst().orElseThrow());
        }
        assertTrue(report.contains("link 'notes^[]0;x^G.md' does not resolve"), report);
        assertShownNotObeyed(report, false, false);
    }

    @Test
    void a_streamed_answer_is_shown_token_by_token_without_obeying_it() throws IOException {
        model.generations.add(ANSWER);
        project.terminal = true; // the spinner's status line, but no colour: ESC [ 31 m is one of ours
        project.env.put("NO_COLOR", "1");
        Result r = project.run("ask", "hello?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(ANSWER_SHOWN), r.out());
        assertShownNotObeyed(r.out(), true, false);
        assertShownNotObeyed(r.err(), true, false);

        project.terminal = false;
        Result json = project.run("ask", "hello?", "--json", "--no-cache");
        assertShownNotObeyed(json);
        assertEquals(ANSWER, JSON.readTree(json.out()).get("text").asText());
        assertTrue(json.out().contains("\\u001b]0;pwned\\u0007 evil();\\r// harmless"), json.out());
    }

    @Test
    void a_review_finding_is_shown_and_written_to_the_report_without_its_control_characters() throws IOException {
        project.write("src/main/java/app/LoginService.java", "package app;\n\nclass LoginService {\n"
                + "    boolean login(String user, String password) {\n        return true;\n    }\n}\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "code");
        model.reviews.add("{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"missing\",\"evidence\":[],\"note\":\"\"}],"
                + "\"findings\":[{\"severity\":\"high\",\"category\":\"correctness\",\"file\":"
                + "\"src/main/java/app/LoginService.java\",\"startLine\":5,\"endLine\":5,\"requirement\":\"R1\","
                + "\"message\":\"no check\\u001b]0;pwned\\u0007 evil();\\r// harmless\\u001b[2J\\u202e\","
                + "\"suggestion\":\"check\\u009b2J it\"}]}");

        Result text = project.run("review", "--yes");
        assertEquals(0, text.exit(), text.err());
        assertShownNotObeyed(text);
        assertTrue(text.out().contains("no check^[]0;pwned^G evil();^M// harmless^[[2J<U+202E>"), text.out());

        Result json = project.run("review", "--yes", "--json");
        assertShownNotObeyed(json);
        JsonNode findings = JSON.readTree(json.out()).get("findings");
        String message = "no check" + ESC + "]0;pwned\u0007 evil();\r// harmless" + ESC + "[2J\u202e";
        assertTrue(findings.findValuesAsText("message").contains(message), findings.toString());

        List<Path> reports;
        try (Stream<Path> files = Files.list(project.root.resolve("reports"))) {
            reports = files.filter(f -> f.getFileName().toString().startsWith("review-")).collect(Collectors.toList());
        }
        assertEquals(2, reports.size(), reports.toString());
        for (Path report : reports) {
            String markdown = Files.readString(report);
            assertTrue(markdown.contains("no check^[]0;pwned^G evil();<br>// harmless^[[2J<U+202E>"), markdown);
            assertTrue(markdown.contains("check<U+009B>2J it"), markdown);
            assertShownNotObeyed(markdown, false, false);
        }
    }

    @Test
    void an_intakes_questions_streamed_spec_and_saved_file_show_the_models_control_characters()
            throws IOException {
        // (the questions are read one line each: the carriage return becomes a space there)
        model.questions.add("[{\"question\": \"Which team\\u001b]0;pwned\\u0007 size?\\r\\u001b[2J\"}]");
        model.generations.add("# Team calendar\u001b]0;x\u0007\n\n## Overview\n\nAbsences\u001b[2J and rooms.\r"
                + "\n\n## Requirements\n\n- A member marks an absence \u202eevil.\n");
        Path answers = project.write("answers.yaml", "answers:\n  - five people\n");
        Result r = project.run("intake", "A shared team calendar where members of a small team see each other's"
                + " absences and book meeting rooms.", "--answers", answers.toString(), "--yes", "--no-commit");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Which team^[]0;pwned^G size? ^[[2J"), r.err());
        assertTrue(r.out().contains("Absences^[[2J and rooms."), r.out());
        assertShownNotObeyed(r);
        String saved;
        try (Stream<Path> files = Files.list(project.root.resolve("contracts/specs"))) {
            saved = Files.readString(files.filter(f -> !f.getFileName().toString().equals("login.md")).findFirst()
                    .orElseThrow());
        }
        assertTrue(saved.contains("Absences^[[2J and rooms."), saved);
        assertTrue(saved.contains("<U+202E>evil."), saved);
        assertShownNotObeyed(saved, false, false);
    }

    @Test
    void a_changes_plan_diff_and_test_output_show_the_control_characters_of_the_model_and_the_code()
            throws IOException {
        Files.delete(project.root.resolve("contracts/specs/login.md"));
        project.write("src/Note.java", "class Note {\n    void f() { evil();\r// harmless\n    }\n}\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "start");
        project.env.put("FACTORY_PROJECT_TEST_COMMAND", "printf 'tests ok\\033]0;pwned\\007\\n'");
        project.env.put("NO_COLOR", "1");
        model.changes.add("{\"summary\": \"Add a note\\u001b]0;pwned\\u0007\", \"specs\": [], \"files\": [{\"path\":"
                + " \"src/Note.java\", \"action\": \"modify\", \"reason\": \"holds\\u001b[2J it\"}]}");
        model.changes.add("FILE: src/Note.java\n<<<<<<< SEARCH\n    }\n}\n=======\n    }\n    // \u202e\u2066\n}\n"
                + ">>>>>>> REPLACE\n");

        Result r = project.runTyping("a\ny\n", "change", "Add a note"); // approve the plan, apply the file

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Add a note^[]0;pwned^G"), r.out());
        assertTrue(r.out().contains("holds^[[2J it"), r.out());
        assertTrue(r.out().contains("     void f() { evil();^M// harmless"), "a context line of the diff: " + r.out());
        assertTrue(r.out().contains("+    // <U+202E><U+2066>"), r.out());
        assertTrue(r.out().contains("tests ok^[]0;pwned^G"), r.out());
        assertShownNotObeyed(r.out(), true, false);
        assertShownNotObeyed(r.err(), true, false);
    }

    @Test
    void picoclis_help_keeps_its_colours_on_a_terminal_and_has_none_with_no_color() {
        project.terminal = true;
        Result help = project.run("spec", "--help");
        assertTrue(help.out().contains(ESC + "[1m"), help.out());
        assertFalse(help.out().contains("^["), help.out());
        assertShownNotObeyed(help.out(), true, true);

        Result plain = project.run("--no-color", "spec", "--help");
        assertFalse(plain.out().contains(ESC) || plain.out().contains("^["), plain.out());
        Result after = project.run("spec", "list", "--no-color", "--help");
        assertFalse(after.out().contains(ESC) || after.out().contains("^["), after.out());
    }
}
