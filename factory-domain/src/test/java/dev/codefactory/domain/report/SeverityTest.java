package dev.codefactory.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeverityTest {

    @Test
    void is_at_least_itself_and_anything_less_serious() {
        assertTrue(Severity.ERROR.isAtLeast(Severity.ERROR));
        assertTrue(Severity.ERROR.isAtLeast(Severity.WARNING));
        assertTrue(Severity.ERROR.isAtLeast(Severity.INFO));
        assertTrue(Severity.WARNING.isAtLeast(Severity.WARNING));
        assertTrue(Severity.WARNING.isAtLeast(Severity.INFO));
        assertTrue(Severity.INFO.isAtLeast(Severity.INFO));
    }

    @Test
    void is_not_at_least_anything_more_serious() {
        assertFalse(Severity.WARNING.isAtLeast(Severity.ERROR));
        assertFalse(Severity.INFO.isAtLeast(Severity.ERROR));
        assertFalse(Severity.INFO.isAtLeast(Severity.WARNING));
    }

    @Test
    void parses_lower_case_labels_only() {
        assertEquals("error", Severity.ERROR.label());
        assertEquals(Optional.of(Severity.WARNING), Severity.parse("warning"));
        assertEquals(Optional.of(Severity.INFO), Severity.parse("info"));
        assertEquals(Optional.empty(), Severity.parse("ERROR"));
        assertEquals(Optional.empty(), Severity.parse("fatal"));
    }
}
