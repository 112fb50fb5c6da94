package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.review.ReviewAnswer.Evidence;
import dev.codefactory.domain.review.ReviewAnswer.MalformedAnswerException;
import dev.codefactory.domain.review.ReviewAnswer.Parsed;
import dev.codefactory.domain.review.ReviewAnswer.ReviewFinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

// covers feature-006/FR-003
class ReviewAnswerTest {

    private static final Set<String> IDS = Set.of("R1", "R2");
    private static final Map<String, Integer> LINES = Map.of("src/A.java", 50, "src/B.java", 10);
    private static final BiPredicate<String, Integer> EXISTS =
            (file, line) -> LINES.containsKey(file) && line >= 1 && line <= LINES.get(file);

    private static Parsed parse(String raw) {
        return ReviewAnswer.parse("SPEC-1", raw, IDS, EXISTS);
    }

    private static String finding(String fields) {
        return "{\"requirements\":[],\"findings\":[{" + fields + "}]}";
    }

    @Test
    void reads_a_well_formed_answer() {
        Parsed p = parse("{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":[{\"file\":\"src/A.java\","
                + "\"startLine\":3,\"endLine\":9}],\"note\":\"ok\"},{\"id\":\"R2\",\"verdict\":\"Partial\"}],"
                + "\"findings\":[{\"severity\":\"high\",\"category\":\"test gap\",\"file\":\"src/B.java\","
                + "\"startLine\":2,\"endLine\":4,\"requirement\":\"R2\",\"message\":\"No test for expiry\","
                + "\"suggestion\":\"Add one\"}]}");
        assertEquals(2, p.assessments().size());
        assertEquals(Verdict.MET, p.assessments().get(0).verdict());
        assertEquals(List.of(new Evidence("src/A.java", 3, 9)), p.assessments().get(0).evidence());
        assertEquals("ok", p.assessments().get(0).note());
        assertEquals(Verdict.PARTIAL, p.assessments().get(1).verdict());
        assertEquals(List.of(new ReviewFinding("SPEC-1", ReviewSeverity.HIGH, Category.TEST_GAP, "src/B.java", 2, 4,
                "R2", "No test for expiry", "Add one")), p.findings());
        assertEquals(0, p.droppedFindings());
        assertEquals(List.of(), p.dropReasons());
    }

    @Test
    void tolerates_prose_and_code_fences_around_the_json() {
        Parsed p = parse("Here is my review {of sorts}:\n```json\n{\"requirements\":[{\"id\":\"R1\",\"verdict\":"
                + "\"missing\"}],\"findings\":[]}\n```\nHope it helps.");
        assertEquals(Verdict.MISSING, p.assessments().get(0).verdict());
    }

    @Test
    void throws_malformed_when_there_is_no_json_object_of_the_shape() {
        MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> parse("I think it is fine."));
        assertTrue(e.problem().contains("no well-formed JSON"));
        MalformedAnswerException shape = assertThrows(MalformedAnswerException.class, () -> parse("{\"ok\": true}"));
        assertTrue(shape.problem().contains("\"requirements\""));
        assertThrows(MalformedAnswerException.class, () -> parse("{\"requirements\": [ {\"id\": "));
        assertThrows(MalformedAnswerException.class, () -> parse(""));
        assertThrows(MalformedAnswerException.class, () -> parse("{\"requirements\": \"none\", \"findings\": []}"));
        assertTrue(IllegalArgumentException.class.isAssignableFrom(MalformedAnswerException.class));
    }

    @Test
    void end_line_defaults_to_start_line() {
        Parsed p = parse(finding("\"severity\":\"low\",\"category\":\"correctness\",\"file\":\"src/A.java\","
                + "\"startLine\":7,\"message\":\"m\""));
        assertEquals(7, p.findings().get(0).endLine());
    }

    @Test
    void drops_a_finding_citing_an_unknown_file_and_names_it() {
        Parsed p = parse(finding("\"severity\":\"low\",\"category\":\"security\",\"file\":\"src/Ghost.java\","
                + "\"startLine\":1,\"message\":\"m\""));
        assertEquals(List.of(), p.findings());
        assertEquals(1, p.droppedFindings());
        assertTrue(p.dropReasons().get(0).contains("src/Ghost.java"), p.dropReasons().toString());
    }

    @Test
    void drops_a_finding_whose_lines_run_past_the_file_or_start_below_one() {
        Parsed past = parse(finding("\"severity\":\"low\",\"category\":\"security\",\"file\":\"src/B.java\","
                + "\"startLine\":8,\"endLine\":11,\"message\":\"m\""));
        assertEquals(1, past.droppedFindings());
        assertTrue(past.dropReasons().get(0).contains("8-11"));
        Parsed zero = parse(finding("\"severity\":\"low\",\"category\":\"security\",\"file\":\"src/B.java\","
                + "\"startLine\":0,\"message\":\"m\""));
        assertEquals(1, zero.droppedFindings());
    }

    @Test
    void drops_a_finding_with_unknown_severity_or_category_or_no_message() {
        Parsed p = parse("{\"findings\":[{\"severity\":\"urgent\",\"category\":\"security\",\"message\":\"a\"},"
                + "{\"severity\":\"low\",\"category\":\"style\",\"message\":\"b\"},"
                + "{\"severity\":\"low\",\"category\":\"security\",\"message\":\" \"}, 42]}");
        assertEquals(4, p.droppedFindings());
        assertEquals(4, p.dropReasons().size());
        assertTrue(p.dropReasons().get(0).contains("urgent"));
        assertTrue(p.dropReasons().get(1).contains("style"));
        assertTrue(p.dropReasons().get(2).contains("no message"));
    }

    @Test
    void keeps_a_finding_without_file_as_spec_level_and_clears_an_unknown_requirement() {
        Parsed p = parse(finding("\"severity\":\"medium\",\"category\":\"compliance\",\"file\":null,"
                + "\"requirement\":\"R9\",\"message\":\"Logout is not implemented\""));
        ReviewFinding f = p.findings().get(0);
        assertNull(f.file());
        assertEquals(0, f.startLine());
        assertNull(f.requirementId());
        Parsed nullText = parse(finding("\"severity\":\"medium\",\"category\":\"compliance\","
                + "\"requirement\":\"null\",\"message\":\"x\""));
        assertNull(nullText.findings().get(0).requirementId());
    }

    @Test
    void drops_assessments_of_unknown_ids_unknown_verdicts_and_repeats() {
        Parsed p = parse("{\"requirements\":[{\"id\":\"R7\",\"verdict\":\"met\"},{\"id\":\"R1\",\"verdict\":\"done\"},"
                + "{\"id\":\"R2\",\"verdict\":\"met\"},{\"id\":\"R2\",\"verdict\":\"missing\"}]}");
        assertEquals(1, p.assessments().size());
        assertEquals("R2", p.assessments().get(0).requirementId());
        assertEquals(Verdict.MET, p.assessments().get(0).verdict());
        assertEquals(3, p.dropReasons().size());
        assertTrue(p.dropReasons().get(0).contains("R7"));
        assertTrue(p.dropReasons().get(1).contains("done"));
        assertEquals(0, p.droppedFindings());
    }

    @Test
    void drops_evidence_citing_missing_lines_but_keeps_the_assessment() {
        Parsed p = parse("{\"requirements\":[{\"id\":\"R1\",\"verdict\":\"met\",\"evidence\":["
                + "{\"file\":\"src/A.java\",\"startLine\":\"4\"},{\"file\":\"src/A.java\",\"startLine\":49,"
                + "\"endLine\":51},{\"file\":\"nope\",\"startLine\":1}]}]}");
        assertEquals(List.of(new Evidence("src/A.java", 4, 4)), p.assessments().get(0).evidence());
        assertEquals(2, p.dropReasons().size());
        assertTrue(p.dropReasons().get(1).contains("nope"));
    }

    @Test
    void fingerprint_ignores_lines_case_digits_and_whitespace_but_not_file_or_category() {
        ReviewFinding a = new ReviewFinding("S", ReviewSeverity.HIGH, Category.SECURITY, "a.java", 3, 4, null,
                "SQL built from input on line 12", "");
        ReviewFinding moved = new ReviewFinding("S", ReviewSeverity.LOW, Category.SECURITY, "a.java", 30, 40, "R1",
                "sql  built from input on line 13", "x");
        ReviewFinding otherFile = new ReviewFinding("S", ReviewSeverity.HIGH, Category.SECURITY, "b.java", 3, 4, null,
                "SQL built from input on line 12", "");
        ReviewFinding otherCategory = new ReviewFinding("S", ReviewSeverity.HIGH, Category.CORRECTNESS, "a.java", 3,
                4, null, "SQL built from input on line 12", "");
        assertEquals(a.fingerprint(), moved.fingerprint());
        assertNotEquals(a.fingerprint(), otherFile.fingerprint());
        assertNotEquals(a.fingerprint(), otherCategory.fingerprint());
        assertTrue(a.fingerprint().matches("[0-9a-f]{16}"), a.fingerprint());
    }

    @Test
    void records_validate_their_values() {
        assertThrows(IllegalArgumentException.class, () -> new Evidence("a", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Evidence("a", 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new ReviewFinding("S", ReviewSeverity.LOW,
                Category.SECURITY, null, 1, 1, null, "m", ""));
        assertThrows(NullPointerException.class, () -> new ReviewFinding("S", ReviewSeverity.LOW,
                Category.SECURITY, "a", 1, 1, null, null, ""));
        assertEquals("", new ReviewFinding("S", ReviewSeverity.LOW, Category.SECURITY, "a", 1, 1, null, "m", null)
                .suggestion());
    }
}
