package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.intake.ClarifyingQuestions.Question;
import dev.codefactory.domain.mode.IntakeStep;
import dev.codefactory.domain.state.IllegalTransitionException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntakeDraftTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:15:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T10:16:30.123Z");

    private static IntakeDraft full() {
        return IntakeDraft.start("intake-20261125-101500", "Login with \"email\"\nand caf\u00e9 \uD83D\uDE00", T0)
                .withStep(IntakeStep.CONTEXT, T0)
                .withQuestions(List.of(new Question("q1", "Who?", "roles"), new Question("q2", "SSO \\ \"yes\"?", "")), T0)
                .withAnswer("q2", "", T0)
                .withAnswer("q1", "Customers\r\n\ttabs", T0)
                .withGenerated("# Login\n\n## Overview\n", T0)
                .withFeedback("More \u2028 detail", T0)
                .withFeedback("second", T1);
    }

    @Test
    void starts_at_the_idea_step_with_nothing_else() {
        IntakeDraft d = IntakeDraft.start("intake-1", "idea", T0);
        assertEquals(IntakeStep.IDEA, d.step());
        assertEquals(T0, d.created());
        assertEquals(T0, d.updated());
        assertEquals(List.of(), d.questions());
        assertEquals(Map.of(), d.answers());
        assertNull(d.current());
        assertNull(d.specId());
    }

    @Test
    void current_is_the_edit_when_there_is_one_else_the_generated_body() {
        IntakeDraft d = IntakeDraft.start("i", "x", T0).withGenerated("gen", T0);
        assertEquals("gen", d.current());
        d = d.withEdited("edit", T1);
        assertEquals("edit", d.current());
        assertEquals(T1, d.updated());
        assertEquals(T0, d.created());
    }

    @Test
    void says_where_a_resume_goes_on_at_each_step() {
        IntakeDraft d = IntakeDraft.start("i", "x", T0);
        assertEquals("the idea", d.resumesAt());
        d = d.withStep(IntakeStep.CONTEXT, T0);
        assertEquals("the clarifying questions", d.resumesAt());
        d = d.withQuestions(List.of(new Question("q1", "Who?", ""), new Question("q2", "How?", ""),
                new Question("q3", "When?", "")), T0).withStep(IntakeStep.QUESTIONS, T0).withAnswer("q1", "me", T0);
        assertEquals("question 2 of 3", d.resumesAt());
        d = d.withAnswer("q2", "", T0).withAnswer("q3", "now", T0);
        assertEquals("the writing of the spec", d.resumesAt());
        d = d.withStep(IntakeStep.GENERATION, T0);
        assertEquals("the writing of the spec", d.resumesAt());
        assertEquals("the review", d.withGenerated("# T\n", T0).withStep(IntakeStep.REVIEW, T0).resumesAt());
        IntakeDraft wizard = IntakeDraft.start("w", "x", T0).withWizard(true, T0).withQuestions(List.of(
                new Question("section:Overview", "Overview", ""), new Question("section:Scope", "Scope", "")), T0)
                .withStep(IntakeStep.GENERATION, T0).withAnswer("section:Overview", "text", T0);
        assertEquals("section 2 of 2 (Scope)", wizard.resumesAt());
    }

    @Test
    void the_idea_can_be_replaced_as_the_person_has_it_now() {
        IntakeDraft d = IntakeDraft.start("i", "half an idea", T0).withIdea("half an idea, and the rest", T1);
        assertEquals("half an idea, and the rest", d.idea());
        assertEquals(T1, d.updated());
        assertEquals(IntakeStep.IDEA, d.step());
    }

    @Test
    void regenerating_drops_the_old_edit() {
        IntakeDraft d = IntakeDraft.start("i", "x", T0).withGenerated("a", T0).withEdited("b", T0).withGenerated("c", T1);
        assertEquals("c", d.current());
        assertNull(d.edited());
    }

    @Test
    void answers_keep_their_order_and_an_empty_answer_means_skipped() {
        IntakeDraft d = full();
        assertEquals(List.of("q2", "q1"), List.copyOf(d.answers().keySet()));
        assertEquals("", d.answers().get("q2"));
    }

    @Test
    void answering_an_unknown_question_is_refused() {
        IntakeDraft d = full();
        assertThrows(IllegalArgumentException.class, () -> d.withAnswer("q9", "x", T1));
    }

    @Test
    void new_questions_drop_old_answers() {
        IntakeDraft d = full().withQuestions(List.of(new Question("q1", "New?", "")), T1);
        assertEquals(Map.of(), d.answers());
    }

    @Test
    void feedback_accumulates_in_order() {
        assertEquals(List.of("More \u2028 detail", "second"), full().feedback());
    }

    @Test
    void saving_records_the_spec_and_moves_to_saved() {
        IntakeDraft d = full().withSaved("SPEC-007", "specs/login.md", T1);
        assertEquals(IntakeStep.SAVED, d.step());
        assertEquals("SPEC-007", d.specId());
        assertEquals("specs/login.md", d.specPath());
    }

    @Test
    void move_to_follows_the_intake_state_machine() {
        IntakeDraft d = IntakeDraft.start("i", "x", T0);
        assertEquals(IntakeStep.CONTEXT, d.moveTo(IntakeStep.CONTEXT, T1).step());
        assertEquals(IntakeStep.IDEA, d.moveTo(IntakeStep.IDEA, T1).step());
        assertThrows(IllegalTransitionException.class, () -> d.moveTo(IntakeStep.SAVED, T1));
    }

    @Test
    void collections_are_copied_and_unmodifiable() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("q1", "a");
        IntakeDraft d = new IntakeDraft("i", T0, T0, IntakeStep.IDEA, "x", List.of(), answers, null, null, List.of(),
                false, null, null);
        answers.put("q2", "b");
        assertEquals(Map.of("q1", "a"), d.answers());
        assertThrows(UnsupportedOperationException.class, () -> d.answers().put("z", "z"));
    }

    @Test
    void required_fields_may_not_be_null() {
        assertThrows(NullPointerException.class, () -> IntakeDraft.start(null, "x", T0));
        assertThrows(NullPointerException.class, () -> IntakeDraft.start("i", null, T0));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("q1", null);
        assertThrows(NullPointerException.class, () -> new IntakeDraft("i", T0, T0, IntakeStep.IDEA, "x", List.of(),
                nullValue, null, null, List.of(), false, null, null));
    }

    @Test
    void round_trips_through_json_with_unicode_newlines_quotes_and_nulls() {
        IntakeDraft d = full();
        assertEquals(d, IntakeDraft.fromJson(d.toJson()));
        IntakeDraft saved = d.withEdited("edited \"body\"\n", T1).withSaved("SPEC-1", "a/b.md", T1)
                .withWizard(true, T1);
        assertEquals(saved, IntakeDraft.fromJson(saved.toJson()));
        IntakeDraft empty = IntakeDraft.start("i", "", T0);
        assertEquals(empty, IntakeDraft.fromJson(empty.toJson()));
    }

    @Test
    void writes_pretty_json_in_a_stable_key_order() {
        String json = IntakeDraft.start("intake-1", "idea", T0).toJson();
        assertEquals("{\n  \"id\": \"intake-1\",\n  \"created\": \"2026-11-25T10:15:00Z\",\n"
                + "  \"updated\": \"2026-11-25T10:15:00Z\",\n  \"step\": \"IDEA\",\n  \"idea\": \"idea\",\n"
                + "  \"questions\": [],\n  \"answers\": {},\n  \"generated\": null,\n  \"edited\": null,\n"
                + "  \"feedback\": [],\n  \"wizard\": false,\n  \"specId\": null,\n  \"specPath\": null\n}\n", json);
        assertTrue(full().toJson().contains("\"questions\": [\n    {\"id\": \"q1\", \"text\": \"Who?\", \"why\": \"roles\"},"));
    }

    @Test
    void optional_fields_may_be_absent() {
        String json = "{\"id\": \"i\", \"created\": \"2026-11-25T10:15:00Z\", \"updated\": \"2026-11-25T10:15:00Z\","
                + " \"step\": \"REVIEW\", \"idea\": \"x\", \"questions\": [], \"answers\": {}, \"feedback\": [],"
                + " \"wizard\": true}";
        IntakeDraft d = IntakeDraft.fromJson(json);
        assertEquals(IntakeStep.REVIEW, d.step());
        assertNull(d.generated());
        assertTrue(d.wizard());
    }

    @Test
    void malformed_or_incomplete_drafts_name_the_field() {
        String good = IntakeDraft.start("i", "x", T0).toJson();
        assertMessage("created", good.replace("\"created\": \"2026-11-25T10:15:00Z\",\n", ""));
        assertMessage("created", good.replace("\"created\": \"2026-11-25T10:15:00Z\"", "\"created\": \"yesterday\""));
        assertMessage("step", good.replace("\"IDEA\"", "\"DANCING\""));
        assertMessage("idea", good.replace("\"idea\": \"x\"", "\"idea\": 3"));
        assertMessage("wizard", good.replace("\"wizard\": false", "\"wizard\": \"no\""));
        assertMessage("questions[0].text", good.replace("\"questions\": []", "\"questions\": [{\"id\": \"q1\"}]"));
        assertMessage("answers.q1", good.replace("\"answers\": {}", "\"answers\": {\"q1\": null}"));
        assertMessage("feedback[0]", good.replace("\"feedback\": []", "\"feedback\": [1]"));
        assertMessage("offset", good.substring(0, good.length() - 3));
        assertMessage("object", "[]");
    }

    private static void assertMessage(String field, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntakeDraft.fromJson(json));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
