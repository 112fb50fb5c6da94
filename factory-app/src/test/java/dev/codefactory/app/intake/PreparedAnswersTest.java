package dev.codefactory.app.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.config.ConfigException;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-005/FR-002
class PreparedAnswersTest {

    @TempDir
    Path dir;

    private static Question q(int n) {
        return new Question("q" + n, "Question " + n + "?", "");
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("answers.yaml"), yaml);
    }

    private PreparedAnswers read(String yaml) throws IOException {
        return read(file(yaml));
    }

    /** The answers file as the front end hands it over ({@code AnswersFile} in the CLI reads it). */
    private static PreparedAnswers read(Path file) throws IOException {
        return PreparedAnswers.parse(file, Files.readString(file));
    }

    @Test
    void list_answers_go_to_the_questions_in_order() throws IOException {
        PreparedAnswers answers = read("answers:\n  - Teams of up to 50 people\n  - Email, and Google sign-in\n");
        assertEquals(Optional.of("Teams of up to 50 people"), answers.answerFor(q(1), 1));
        assertEquals(Optional.of("Email, and Google sign-in"), answers.answerFor(q(2), 2));
        assertEquals(Optional.empty(), answers.answerFor(q(3), 3));
        assertEquals(Optional.empty(), answers.answerFor(q(1), 0));
    }

    @Test
    void list_answers_are_matched_by_the_number_asked_not_by_the_question_id() throws IOException {
        PreparedAnswers answers = read("answers:\n  - first\n  - second\n");
        assertEquals(Optional.of("second"), answers.answerFor(q(7), 2));
    }

    @Test
    void an_answer_by_question_id_wins_over_the_one_at_its_position() throws IOException {
        PreparedAnswers answers = read("answers:\n  - by position 1\n  - by position 2\nq2: by id\n");
        assertEquals(Optional.of("by position 1"), answers.answerFor(q(1), 1));
        assertEquals(Optional.of("by id"), answers.answerFor(q(2), 2));
    }

    @Test
    void answers_by_id_alone_answer_only_their_question() throws IOException {
        PreparedAnswers answers = read("q3: Nothing else\n");
        assertEquals(Optional.of("Nothing else"), answers.answerFor(q(3), 3));
        assertEquals(Optional.empty(), answers.answerFor(q(1), 1));
    }

    @Test
    void an_empty_list_item_skips_its_question_without_moving_the_next_answers() throws IOException {
        PreparedAnswers answers = read("answers:\n  - one\n  -\n  - three\n");
        assertEquals(Optional.of("one"), answers.answerFor(q(1), 1));
        assertEquals(Optional.of(""), answers.answerFor(q(2), 2));
        assertEquals(Optional.of("three"), answers.answerFor(q(3), 3));
    }

    @Test
    void sections_are_found_by_heading_ignoring_case() throws IOException {
        PreparedAnswers answers = read("sections:\n  Overview: A shared calendar.\n  Tech. Stack: Java 17\n");
        assertEquals(Optional.of("A shared calendar."), answers.sectionText("overview"));
        assertEquals(Optional.of("A shared calendar."), answers.sectionText("OVERVIEW"));
        assertEquals(Optional.of("Java 17"), answers.sectionText("tech. stack"));
        assertEquals(Optional.empty(), answers.sectionText("Requirements"));
    }

    @Test
    void a_heading_given_twice_in_different_case_is_refused() throws IOException {
        Path file = file("sections:\n  Overview: one\n  overview: two\n");
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    }

    @Test
    void block_scalars_keep_their_lines() throws IOException {
        PreparedAnswers answers = read("answers:\n  - |\n    line one\n    line two\nq2: |\n  a\n\n  b\n"
                + "sections:\n  Overview: |\n    First.\n    Second.\n");
        assertEquals(Optional.of("line one\nline two\n"), answers.answerFor(q(1), 1));
        assertEquals(Optional.of("a\n\nb\n"), answers.answerFor(q(2), 2));
        assertEquals(Optional.of("First.\nSecond.\n"), answers.sectionText("Overview"));
    }

    @Test
    void unicode_and_quoted_text_survive() throws IOException {
        PreparedAnswers answers = read("answers:\n  - \"Équipes: 50 \\\"personnes\\\" 📅\"\n  - 'it''s #1'\n");
        assertEquals(Optional.of("Équipes: 50 \"personnes\" 📅"), answers.answerFor(q(1), 1));
        assertEquals(Optional.of("it's #1"), answers.answerFor(q(2), 2));
    }

    @Test
    void an_unknown_key_names_the_file_the_key_and_the_accepted_keys() throws IOException {
        Path file = file("answers:\n  - one\nqestions: oops\n");
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'qestions'"), e.getMessage());
        for (String accepted : List.of("answers:", "q1:", "sections:")) {
            assertTrue(e.getMessage().contains(accepted), e.getMessage());
        }
    }

    @Test
    void a_key_written_like_a_huge_list_index_is_an_unknown_key() throws IOException {
        Path file = file("\"answers[999999999]\": x\n");
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> read(file));
        assertTrue(e.getMessage().contains("'answers[999999999]'"), e.getMessage());
    }

    @Test
    void answers_given_as_one_text_instead_of_a_list_are_refused() throws IOException {
        Path file = file("answers: Teams of up to 50 people\n");
        InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("must be a list"), e.getMessage());
    }

    @Test
    void malformed_yaml_names_the_file_and_the_line() throws IOException {
        Path file = file("answers:\n  - one\n - two\n");
        ConfigException e = assertThrows(ConfigException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void a_quote_left_open_names_the_line_where_it_opened() throws IOException {
        Path file = file("q1: fine\nq2: \"never closed\nq3: x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    }

    @Test
    void a_key_written_twice_names_the_file_and_both_lines() throws IOException {
        Path file = file("q1: a\nq2: b\nq1: c\n");
        ConfigException e = assertThrows(ConfigException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
        assertTrue(e.getMessage().contains("first on line 1"), e.getMessage());
    }

    @Test
    void a_file_that_is_not_a_mapping_names_the_answers_keys_not_the_configuration_keys() throws IOException {
        for (String yaml : List.of("Teams of up to 50 people\n", "- one\n- two\n")) {
            Path file = file(yaml);
            FactoryException e = assertThrows(FactoryException.class, () -> read(file));
            assertTrue(e.getMessage().startsWith(file + ":1: "), e.getMessage());
            assertTrue(e.getMessage().contains("answers:"), e.getMessage());
            assertFalse(e.getMessage().contains("llm:"), e.getMessage());
            assertFalse(e.getMessage().contains("github:"), e.getMessage());
        }
    }

    @Test
    void an_empty_or_comment_only_file_gives_no_answers() throws IOException {
        for (String yaml : List.of("", "# nothing yet\n", "---\n", "answers:\n", "answers: []\n")) {
            PreparedAnswers answers = read(yaml);
            assertEquals(List.of(), answers.inOrder(), yaml);
            assertEquals(Map.of(), answers.byId(), yaml);
            assertEquals(Map.of(), answers.sections(), yaml);
            assertEquals(Optional.empty(), answers.answerFor(q(1), 1), yaml);
        }
    }

    @Test
    void none_answers_nothing() {
        assertEquals(Optional.empty(), PreparedAnswers.NONE.answerFor(q(1), 1));
        assertEquals(Optional.empty(), PreparedAnswers.NONE.sectionText("Overview"));
    }

    @Test
    void yes_and_no_stay_the_words_typed_not_yaml_booleans() throws IOException {
        Path file = Files.writeString(dir.resolve("yn.yaml"), "answers:\n  - no\n  - Yes\n  - \"no\"\n  - off\n"
                + "q5: No   # a comment\nsections:\n  Overview: yes\n");
        PreparedAnswers a = read(file);
        assertEquals(List.of("no", "Yes", "no", "off"), a.inOrder());
        assertEquals("No", a.byId().get("q5"));
        assertEquals("yes", a.sectionText("overview").orElseThrow());
    }
}
