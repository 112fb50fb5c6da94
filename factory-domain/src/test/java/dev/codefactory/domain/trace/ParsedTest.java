package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParsedTest {

    @Test
    void a_value_is_given_back_and_has_no_problem() {
        Parsed<String> parsed = Parsed.of("FR-001");
        assertEquals("FR-001", parsed.orThrow());
        assertEquals(Optional.of("FR-001"), parsed.valueIfAny());
        assertTrue(parsed.problemIfAny().isEmpty());
    }

    @Test
    void a_problem_is_the_message_of_what_orThrow_throws() {
        Parsed<String> parsed = Parsed.not("FR-1 is not a requirement id");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parsed::orThrow);
        assertEquals("FR-1 is not a requirement id", e.getMessage());
        assertTrue(parsed.valueIfAny().isEmpty());
        assertEquals(Optional.of("FR-1 is not a requirement id"), parsed.problemIfAny());
    }

    @Test
    void it_is_a_value_or_a_problem_never_both_or_neither() {
        assertThrows(IllegalArgumentException.class, () -> new Parsed<>("FR-001", "why"));
        assertThrows(IllegalArgumentException.class, () -> new Parsed<>(null, null));
    }
}
