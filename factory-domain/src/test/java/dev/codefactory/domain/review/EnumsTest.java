package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnumsTest {

    @Test
    void severity_is_at_least_itself_and_anything_less_serious() {
        assertTrue(ReviewSeverity.HIGH.isAtLeast(ReviewSeverity.HIGH));
        assertTrue(ReviewSeverity.CRITICAL.isAtLeast(ReviewSeverity.INFO));
        assertFalse(ReviewSeverity.LOW.isAtLeast(ReviewSeverity.MEDIUM));
    }

    @Test
    void severity_parses_any_case_and_rejects_unknown_text() {
        assertEquals(Optional.of(ReviewSeverity.CRITICAL), ReviewSeverity.parse(" Critical "));
        assertEquals(Optional.of(ReviewSeverity.INFO), ReviewSeverity.parse("INFO"));
        assertEquals(Optional.empty(), ReviewSeverity.parse("severe"));
        assertEquals(Optional.empty(), ReviewSeverity.parse(null));
    }

    @Test
    void severity_labels_round_trip() {
        for (ReviewSeverity s : ReviewSeverity.values()) {
            assertEquals(Optional.of(s), ReviewSeverity.parse(s.label()));
        }
        assertEquals("medium", ReviewSeverity.MEDIUM.label());
    }

    @Test
    void severity_maps_to_sarif_levels() {
        assertEquals("error", ReviewSeverity.CRITICAL.sarifLevel());
        assertEquals("error", ReviewSeverity.HIGH.sarifLevel());
        assertEquals("warning", ReviewSeverity.MEDIUM.sarifLevel());
        assertEquals("note", ReviewSeverity.LOW.sarifLevel());
        assertEquals("note", ReviewSeverity.INFO.sarifLevel());
    }

    @Test
    void category_test_gap_is_labelled_with_a_hyphen() {
        assertEquals("test-gap", Category.TEST_GAP.label());
        assertEquals("security", Category.SECURITY.label());
    }

    @Test
    void category_accepts_space_underscore_and_hyphen_in_any_case() {
        assertEquals(Optional.of(Category.TEST_GAP), Category.parse("test gap"));
        assertEquals(Optional.of(Category.TEST_GAP), Category.parse("TEST_GAP"));
        assertEquals(Optional.of(Category.TEST_GAP), Category.parse("Test-Gap"));
        assertEquals(Optional.of(Category.MAINTAINABILITY), Category.parse("Maintainability"));
        assertEquals(Optional.empty(), Category.parse("style"));
        assertEquals(Optional.empty(), Category.parse(null));
    }

    @Test
    void category_labels_round_trip() {
        for (Category c : Category.values()) {
            assertEquals(Optional.of(c), Category.parse(c.label()));
        }
    }

    @Test
    void verdict_parses_any_case_and_gives_credit() {
        assertEquals(Optional.of(Verdict.PARTIAL), Verdict.parse("Partial"));
        assertEquals(Optional.of(Verdict.CONTRADICTED), Verdict.parse("contradicted"));
        assertEquals(Optional.empty(), Verdict.parse("done"));
        assertEquals(Optional.empty(), Verdict.parse(null));
        assertEquals(1.0, Verdict.MET.credit());
        assertEquals(0.5, Verdict.PARTIAL.credit());
        assertEquals(0.0, Verdict.MISSING.credit());
        assertEquals(0.0, Verdict.CONTRADICTED.credit());
    }
}
