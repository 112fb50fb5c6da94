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
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

// covers feature-006/FR-003
class ReviewAnswerTest {

    private static final List<String> IDS = List.of("R1", "R2");
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
        assertEquals(1, p.unknownRequirements(), "R7 names no requirement: dropped and counted");
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

    // ---- stable ids (feature-010/FR-005) in the shapes real models write them -------------------------------------

    /** A spec with ids, then an acceptance criterion without one: the prompt lists FR-001, FR-002, NFR-001, R4. */
    private static final List<String> STABLE = List.of("FR-001", "FR-002", "NFR-001", "R4");

    private static Parsed parseStable(String raw) {
        return ReviewAnswer.parse("feature-006", raw, STABLE, EXISTS);
    }

    private static String verdicts(String... ids) {
        StringBuilder out = new StringBuilder("{\"requirements\":[");
        for (int i = 0; i < ids.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"id\":").append(ids[i]).append(",\"verdict\":\"met\"}");
        }
        return out.append("],\"findings\":[]}").toString();
    }

    private static List<String> assessed(Parsed p) {
        return p.assessments().stream().map(ReviewAnswer.Assessment::requirementId).collect(Collectors.toList());
    }

    @Test
    void reads_the_stable_ids_the_prompt_gave_and_the_positional_number_of_one_without() {
        Parsed p = parseStable(verdicts("\"FR-001\"", "\"FR-002\"", "\"NFR-001\"", "\"R4\""));
        assertEquals(STABLE, assessed(p));
        assertEquals(0, p.unknownRequirements());
        assertEquals(List.of(), p.dropReasons());
    }

    @Test
    void reads_ids_in_lower_case_with_short_numbers_qualified_by_the_spec_or_followed_by_the_prompt_label() {
        Parsed p = parseStable(verdicts("\"fr-001\"", "\"FR-2\"", "\"feature-006/NFR-001\"",
                "\"R4 (spec line 30): The login page loads\""));
        assertEquals(STABLE, assessed(p));
        Parsed more = parseStable(verdicts("\"[FR-001]\"", "\"`FR-002`\"", "\"Feature-006/nfr-1\"",
                "\"FR-0002: Passwords are hashed\""));
        assertEquals(List.of("FR-001", "FR-002", "NFR-001"), assessed(more));
        assertTrue(more.dropReasons().get(0).contains("already assessed"), more.dropReasons().toString());
    }

    @Test
    void reads_the_positional_number_a_model_falls_back_to_as_the_requirement_listed_there() {
        Parsed p = parseStable(verdicts("\"R1\"", "\"r2\"", "3", "\"4\""));
        assertEquals(STABLE, assessed(p));
    }

    @Test
    void drops_and_counts_ids_that_name_no_requirement_asked_about() {
        Parsed p = parseStable(verdicts("\"FR-009\"", "\"feature-007/FR-001\"", "\"R5\"", "0",
                "\"the first requirement\"", "\"NFR-002\"", "\"FR-001\""));
        assertEquals(List.of("FR-001"), assessed(p));
        assertEquals(6, p.unknownRequirements());
        assertTrue(p.dropReasons().get(0).contains("'FR-009'"), p.dropReasons().toString());
        assertTrue(p.dropReasons().get(1).contains("'feature-007/FR-001'"), p.dropReasons().toString());
        assertEquals(0, p.droppedFindings());
    }

    @Test
    void a_finding_names_its_requirement_by_the_stable_id_whatever_shape_the_model_wrote() {
        Parsed p = parseStable("{\"findings\":[{\"severity\":\"low\",\"category\":\"compliance\",\"message\":\"a\","
                + "\"requirement\":\"feature-006/fr-002\"},{\"severity\":\"low\",\"category\":\"compliance\","
                + "\"message\":\"b\",\"requirement\":\"R3\"},{\"severity\":\"low\",\"category\":\"compliance\","
                + "\"message\":\"c\",\"requirement\":\"feature-001/FR-002\"}]}");
        assertEquals("FR-002", p.findings().get(0).requirementId());
        assertEquals("NFR-001", p.findings().get(1).requirementId());
        assertNull(p.findings().get(2).requirementId(), "another spec's requirement is not this spec's");
    }

    @Test
    void in_a_spec_without_ids_the_positional_numbers_are_the_ids() {
        List<String> positional = List.of("R1", "R2", "R3");
        Parsed p = ReviewAnswer.parse("S", verdicts("\"R1\"", "\"r2\"", "3", "\"FR-001\""), positional, EXISTS);
        assertEquals(positional, assessed(p));
        assertEquals(1, p.unknownRequirements(), "FR-001 is no id of a spec without ids");
    }
}
