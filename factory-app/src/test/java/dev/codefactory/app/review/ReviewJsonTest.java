package dev.codefactory.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.json.JsonReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// covers feature-006/FR-006
class ReviewJsonTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(ReviewReport r) {
        return (Map<String, Object>) JsonReader.parse(ReviewJson.render(r));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        Object n = node;
        for (Object key : path) {
            n = key instanceof Integer i ? ((List<Object>) n).get(i) : ((Map<String, Object>) n).get(key);
        }
        return (T) n;
    }

    @Test
    void keeps_a_stable_key_order() {
        Map<String, Object> doc = parse(ReviewReportFixtures.full());
        assertEquals(List.of("format", "id", "date", "scope", "specIds", "provider", "model", "commit", "partial",
                "offline", "unreviewedSpecIds", "summary", "specs", "findings", "skipped", "metrics"),
                List.copyOf(doc.keySet()));
        assertEquals(ReviewJson.render(ReviewReportFixtures.full()), ReviewJson.render(ReviewReportFixtures.full()));
    }

    @Test
    void a_finding_about_a_spec_as_a_whole_is_at_the_spec_file_with_no_line() {
        Map<String, Object> doc = parse(ReviewReportFixtures.specLevel());
        Map<String, Object> finding = at(doc, "findings", 0);
        assertEquals("Account locking is not implemented anywhere", finding.get("message"));
        assertEquals(ReviewReportFixtures.SPEC_PATH, finding.get("file"));
        assertEquals(0L, ((Number) finding.get("startLine")).longValue());
        assertEquals("R-2", finding.get("requirementId"));
        assertEquals("src/Login.java", at(doc, "findings", 1, "file"));
    }

    @Test
    void is_pretty_printed_with_two_spaces() {
        String json = ReviewJson.render(ReviewReportFixtures.empty());
        assertTrue(json.startsWith("{\n  \"format\": \"code-factory/review/1\",\n  \"id\": \"review-empty\",\n"),
                json);
        assertTrue(json.contains("\n  \"findings\": [],\n"), json);
        assertTrue(json.endsWith("}\n"), json);
    }

    @Test
    void carries_the_findings_with_escaped_text() {
        Map<String, Object> doc = parse(ReviewReportFixtures.full());
        List<Object> findings = at(doc, "findings");
        assertEquals(10, findings.size());
        assertEquals("critical", at(findings, 0, "severity"));
        Map<String, Object> pipe = findings.stream().map(f -> (Map<String, Object>) cast(f))
                .filter(f -> "fp-pipe".equals(f.get("fingerprint"))).findFirst().orElseThrow();
        assertEquals("Uses a | b where\nthe spec says c", pipe.get("message"));
        assertTrue(pipe.containsKey("requirementId"));
        assertNull(pipe.get("requirementId"));
        assertEquals(4L, pipe.get("startLine"));
        assertEquals("docs/résumé 東京.md", findings.stream().map(f -> (String) at(f, "file"))
                .filter(f -> f.startsWith("docs/")).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void carries_summary_specs_skipped_and_metrics() {
        Map<String, Object> doc = parse(ReviewReportFixtures.full());
        assertEquals(2L, (Long) at(doc, "summary", "bySeverity", "critical"));
        assertEquals(2L, (Long) at(doc, "summary", "specsReviewed"));
        assertEquals(new BigDecimal("0.8"), at(doc, "specs", 0, "score"));
        assertEquals("too large", at(doc, "skipped", 1, "reason"));
        assertEquals(10L, (Long) at(doc, "metrics", "languages", "java"));
        assertEquals(3L, (Long) at(doc, "metrics", "droppedFindings"));
        assertEquals(83_400L, (Long) at(doc, "metrics", "durationMillis"));
    }

    @Test
    void marks_partial_and_offline_reports() {
        Map<String, Object> partial = parse(ReviewReportFixtures.partial());
        assertEquals(Boolean.TRUE, partial.get("partial"));
        assertEquals(List.of("SPEC-2", "SPEC-3"), partial.get("unreviewedSpecIds"));
        Map<String, Object> empty = parse(ReviewReportFixtures.empty());
        assertEquals(Boolean.TRUE, empty.get("offline"));
        assertNull(at(empty, "summary", "overallScore"));
        assertTrue(empty.containsKey("model"));
    }

    @Test
    void a_finding_gives_its_requirement_stable_id_and_global_ref_and_a_place_number_no_ref() {
        Map<String, Object> doc = parse(ReviewReportFixtures.stableIds());
        Map<String, Object> stable = at(doc, "findings", 0);
        assertEquals("FR-002", stable.get("requirementId"));
        assertEquals("feature-006/FR-002", stable.get("requirementRef"));
        Map<String, Object> positional = at(doc, "findings", 1);
        assertEquals("R3", positional.get("requirementId"));
        assertTrue(positional.containsKey("requirementRef"));
        assertNull(positional.get("requirementRef"), "a place number is no address");
    }

    @Test
    void each_spec_carries_its_requirements_with_ref_verdict_and_links() {
        Map<String, Object> doc = parse(ReviewReportFixtures.requirementRows());
        assertEquals(new BigDecimal(2), new BigDecimal(at(doc, "specs", 0, "requirements").toString()),
                "the count stays");
        Map<String, Object> fr1 = at(doc, "specs", 0, "requirementResults", 0);
        assertEquals(List.of("id", "ref", "verdict", "text", "line", "implementedBy", "coveredBy"),
                List.copyOf(fr1.keySet()));
        assertEquals("FR-001", fr1.get("id"));
        assertEquals("feature-006/FR-001", fr1.get("ref"));
        assertEquals("met", fr1.get("verdict"));
        assertTrue(fr1.get("text").toString().endsWith("never to one typed into the form"), "the whole text");
        assertEquals(List.of("src/reset/Reset Mailer.java:3", "src/reset/Tokens.java:9"), fr1.get("implementedBy"));
        assertEquals(List.of("test/ResetTest.java:20"), fr1.get("coveredBy"));
        Map<String, Object> fr2 = at(doc, "specs", 0, "requirementResults", 1);
        assertEquals("contradicted", fr2.get("verdict"));
        assertEquals(List.of(), fr2.get("implementedBy"));
        Map<String, Object> r1 = at(doc, "specs", 1, "requirementResults", 0);
        assertEquals("R1", r1.get("id"));
        assertTrue(r1.containsKey("ref"));
        assertNull(r1.get("ref"), "a place number is no address");
        assertEquals("unassessed", r1.get("verdict"));
        assertEquals(List.of(), r1.get("coveredBy"));
        assertEquals(2, ((List<?>) at(doc, "specs", 1, "requirementResults")).size());
    }
}
