package dev.codefactory.domain.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void labels_are_lower_case_and_hyphenated() {
        assertEquals("intake", Mode.INTAKE.label());
        assertEquals("review", Mode.REVIEW.label());
        assertEquals("change-order", Mode.CHANGE_ORDER.label());
        assertEquals("rescue", Mode.RESCUE.label());
    }
}
