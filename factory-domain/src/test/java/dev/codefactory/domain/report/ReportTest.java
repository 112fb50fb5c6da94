package dev.codefactory.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    private static Report report(List<Finding> findings) {
        return new Report("validation", "Contract validation", NOW, List.of(), findings, Map.of());
    }

    @Test
    void sorts_findings_by_location_whatever_the_input_order() {
        Finding late = Finding.error("r", "b.md", 1, "m");
        Finding early = Finding.warning("r", "a.md", 5, "m");

        assertEquals(List.of(early, late), report(List.of(late, early)).findings());
    }

    @Test
    void counts_findings_per_severity() {
        Report r = report(List.of(Finding.error("r", "a.md", 1, "m"), Finding.error("r", "a.md", 2, "m"),
                Finding.warning("r", "a.md", 3, "m")));

        assertEquals(2, r.count(Severity.ERROR));
        assertEquals(1, r.count(Severity.WARNING));
        assertEquals(0, r.count(Severity.INFO));
    }

    @Test
    void has_at_least_a_warning_but_not_an_error_when_only_warnings_were_found() {
        Report r = report(List.of(Finding.warning("r", "a.md", 3, "m")));

        assertFalse(r.hasAtLeast(Severity.ERROR));
        assertTrue(r.hasAtLeast(Severity.WARNING));
        assertTrue(r.hasAtLeast(Severity.INFO));
    }

    @Test
    void has_nothing_at_any_threshold_when_nothing_was_found() {
        Report r = report(List.of());

        assertFalse(r.hasAtLeast(Severity.INFO));
    }
}
