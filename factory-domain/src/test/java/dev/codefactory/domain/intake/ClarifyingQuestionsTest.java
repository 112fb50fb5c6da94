package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// covers feature-005/FR-002
class ClarifyingQuestionsTest {

    private static List<String> texts(List<Question> questions) {
        return questions.stream().map(Question::text).collect(Collectors.toList());
    }

    @Test
    void reads_an_array_of_strings() {
        List<Question> q = ClarifyingQuestions.parse("[\"Who signs in?\", \"Is SSO needed?\"]", 5);
        assertEquals(List.of(new Question("q1", "Who signs in?", ""), new Question("q2", "Is SSO needed?", "")), q);
    }

    @Test
    void reads_an_array_of_objects_with_question_and_why() {
        List<Question> q = ClarifyingQuestions.parse(
                "[{\"question\": \"Who signs in?\", \"why\": \"Roles differ.\"}, {\"text\": \"MFA?\", "
                        + "\"reason\": \"Security.\"}, {\"q\": \"Lockout?\", \"rationale\": \"Abuse.\"}]", 5);
        assertEquals(List.of(new Question("q1", "Who signs in?", "Roles differ."), new Question("q2", "MFA?", "Security."),
                new Question("q3", "Lockout?", "Abuse.")), q);
    }

    @Test
    void reads_an_object_holding_questions() {
        assertEquals(List.of("A?", "B?"), texts(ClarifyingQuestions.parse("{\"questions\": [\"A?\", {\"question\": \"B?\"}]}", 5)));
    }

    @Test
    void reads_an_object_with_another_name_for_its_question_list() {
        assertEquals(List.of("A?"), texts(ClarifyingQuestions.parse("{\"clarifying_questions\": [\"A?\"]}", 5)));
    }

    @Test
    void finds_json_inside_prose_and_a_code_fence() {
        String raw = "Sure! I have a few [important] questions:\n```json\n[{\"question\": \"Who?\", \"why\": \"w\"}]\n```\nThanks";
        assertEquals(List.of(new Question("q1", "Who?", "w")), ClarifyingQuestions.parse(raw, 5));
    }

    @Test
    void skips_json_of_another_shape_and_keeps_looking() {
        String raw = "Config {\"a\": 1} and [1, 2] then [\"Real question?\"]";
        assertEquals(List.of("Real question?"), texts(ClarifyingQuestions.parse(raw, 5)));
    }

    @Test
    void an_empty_json_array_means_no_questions() {
        assertEquals(List.of(), ClarifyingQuestions.parse("[]", 5));
        assertEquals(List.of(), ClarifyingQuestions.parse("Nothing to ask: []\n1. Is this ignored?", 5));
    }

    @Test
    void falls_back_to_numbered_and_bulleted_lines_ending_with_a_question_mark() {
        String raw = "Some questions:\n1. Who signs in?\n2) Is SSO needed?\n- What about MFA?\n* **Lockout policy?**\n"
                + "3. This is not a question.\nWhy is this unlisted?";
        assertEquals(List.of("Who signs in?", "Is SSO needed?", "What about MFA?", "Lockout policy?"),
                texts(ClarifyingQuestions.parse(raw, 10)));
    }

    @Test
    void falls_back_to_any_line_ending_with_a_question_mark() {
        String raw = "I wonder:\nWho signs in?\nThat is all.\n### Is SSO needed?";
        assertEquals(List.of("Who signs in?", "Is SSO needed?"), texts(ClarifyingQuestions.parse(raw, 10)));
    }

    @Test
    void numbers_ids_in_order_after_dropping_duplicates_and_empty_ones() {
        List<Question> q = ClarifyingQuestions.parse("[\"A?\", \"  \", \"a?\", \" B? \", \"\"]", 5);
        assertEquals(List.of(new Question("q1", "A?", ""), new Question("q2", "B?", "")), q);
    }

    @Test
    void caps_at_max() {
        assertEquals(List.of("A?", "B?"), texts(ClarifyingQuestions.parse("[\"A?\", \"B?\", \"C?\"]", 2)));
    }

    @Test
    void max_zero_gives_nothing() {
        assertEquals(List.of(), ClarifyingQuestions.parse("[\"A?\"]", 0));
        assertEquals(List.of(), ClarifyingQuestions.parse("[\"A?\"]", -1));
    }

    @Test
    void ignores_objects_without_a_question() {
        assertEquals(List.of("B?"), texts(ClarifyingQuestions.parse("[{\"why\": \"x\"}, {\"question\": \"B?\"}, 3]", 5)));
    }

    @Test
    void a_non_string_why_counts_as_empty() {
        assertEquals(List.of(new Question("q1", "A?", "")),
                ClarifyingQuestions.parse("[{\"question\": \"A?\", \"why\": 42}]", 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "[[[[", "{\"questions\": 3}", "[1, 2, 3]", "}{][", "```\n```", "\u0000"})
    void garbage_gives_an_empty_list(String raw) {
        assertEquals(List.of(), ClarifyingQuestions.parse(raw, 5));
    }

    @Test
    void null_gives_an_empty_list() {
        assertEquals(List.of(), ClarifyingQuestions.parse(null, 5));
    }

    @Test
    void deeply_nested_garbage_does_not_throw() {
        assertEquals(List.of(), ClarifyingQuestions.parse("[".repeat(50_000), 5));
    }

    @Test
    void a_question_with_null_why_has_an_empty_why() {
        assertEquals("", new Question("q1", "A?", null).why());
    }
}
