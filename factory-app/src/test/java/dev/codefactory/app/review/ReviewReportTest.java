package dev.codefactory.app.review;

import static dev.codefactory.app.review.ReviewReportFixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.review.ReviewReport.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewReportTest {

    private static ReviewReport withFindings(List<Item> findings) {
        return new ReviewReport("r", ReviewReportFixtures.DATE, List.of(), List.of(), null, null, null, false, false,
                List.of(), findings, List.of(), ReviewReportFixtures.metrics(), 0);
    }

    @Test
    void ranks_severities_most_serious_first() {
        assertEquals(0, ReviewReport.rank("critical"));
        assertEquals(1, ReviewReport.rank("high"));
        assertEquals(2, ReviewReport.rank("medium"));
        assertEquals(3, ReviewReport.rank("low"));
        assertEquals(4, ReviewReport.rank("info"));
        assertThrows(IllegalArgumentException.class, () -> ReviewReport.rank("blocker"));
        assertThrows(IllegalArgumentException.class, () -> ReviewReport.rank(null));
    }

    @Test
    void sorts_findings_by_severity_then_file_then_line() {
        ReviewReport r = withFindings(List.of(
                item("low", "security", "a.java", 1, 1, "model"),
                item("critical", "security", "b.java", 9, 9, "model"),
                item("critical", "security", "b.java", 2, 2, "model"),
                item("critical", "security", "a.java", 5, 5, "model")));
        assertEquals(List.of("critical a.java:5", "critical b.java:2", "critical b.java:9", "low a.java:1"),
                r.findings().stream().map(f -> f.severity() + " " + f.file() + ":" + f.startLine()).toList());
    }

    @Test
    void fails_at_threshold_when_a_finding_is_at_or_above_it() {
        ReviewReport r = withFindings(List.of(item("medium", "security", "a.java", 1, 1, "model")));
        assertTrue(r.failsAt("info"));
        assertTrue(r.failsAt("medium"));
        assertFalse(r.failsAt("high"));
        assertFalse(r.failsAt("critical"));
        assertFalse(withFindings(List.of()).failsAt("info"));
    }

    @Test
    void copies_lists_so_later_changes_do_not_leak_in() {
        List<Item> findings = new ArrayList<>(List.of(item("low", "security", "a.java", 1, 1, "model")));
        ReviewReport r = withFindings(findings);
        findings.clear();
        assertEquals(1, r.findings().size());
        assertThrows(UnsupportedOperationException.class, () -> r.findings().clear());
    }

    @Test
    void rejects_unknown_severity_category_and_source() {
        assertThrows(IllegalArgumentException.class, () -> item("urgent", "security", "a", 1, 1, "model"));
        assertThrows(IllegalArgumentException.class, () -> item("low", "style", "a", 1, 1, "model"));
        assertThrows(IllegalArgumentException.class, () -> item("low", "security", "a", 1, 1, "linter"));
        assertThrows(IllegalArgumentException.class, () -> item("low", "security", "a", 1, 1, "check:"));
        assertThrows(IllegalArgumentException.class, () -> item("low", "security", "a", 5, 4, "model"));
    }

    @Test
    void rejects_nulls() {
        assertThrows(NullPointerException.class, () -> new ReviewReport(null, ReviewReportFixtures.DATE, List.of(),
                List.of(), null, null, null, false, false, List.of(), List.of(), List.of(),
                ReviewReportFixtures.metrics(), 0));
        assertThrows(NullPointerException.class, () -> new ReviewReport.Metrics(1, 1,
                java.util.Collections.singletonMap("java", null), 0, 0, 0));
    }

    @Test
    void keeps_languages_in_name_order() {
        var m = new ReviewReport.Metrics(1, 1, Map.of("yaml", 1, "java", 3, "markdown", 2), 0, 0, 0);
        assertEquals(List.of("java", "markdown", "yaml"), List.copyOf(m.languages().keySet()));
    }

    @Test
    void names_the_specs_a_partial_review_missed() {
        assertEquals(List.of("SPEC-2", "SPEC-3"), ReviewReportFixtures.partial().unreviewedSpecIds());
    }

    @Test
    void weights_the_overall_score_by_requirements() {
        // SPEC-1: 0.8 x 10, SPEC-2: 0.5 x 4
        assertEquals((8.0 + 2.0) / 14, ReviewReportFixtures.full().overallScore().getAsDouble(), 1e-9);
        assertTrue(ReviewReportFixtures.empty().overallScore().isEmpty());
    }

    @Test
    void a_requirement_ref_is_the_global_address_of_a_stable_id_only() {
        Item stable = new Item("feature-006", "low", "compliance", "a", 1, 1, "NFR-010", "m", "", "f", "model");
        assertEquals(Optional.of("feature-006/NFR-010"), stable.requirementRef());
        for (String notStable : new String[] {"R3", "fr-001", "FR-1"}) {
            assertEquals(Optional.empty(), new Item("feature-006", "low", "compliance", "a", 1, 1, notStable, "m", "",
                    "f", "model").requirementRef(), notStable);
        }
        assertEquals(Optional.empty(), new Item("feature-006", "low", "compliance", "a", 1, 1, null, "m", "", "f",
                "model").requirementRef());
        assertEquals(Optional.empty(), new Item("", "low", "compliance", "a", 1, 1, "FR-001", "m", "", "f",
                "model").requirementRef(), "a check finding of no spec has no address");
    }
}
