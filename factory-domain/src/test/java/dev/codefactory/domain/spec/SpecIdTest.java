package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "feature-001", "adr-2", "auth-login", "a1b2", "x-1-y-2"})
    void accepts_lowercase_letters_digits_and_single_hyphens(String id) {
        assertTrue(SpecId.isValid(id));
        assertEquals(id, new SpecId(id).value());
    }

    @Test
    void accepts_64_characters() {
        String id = "a" + "-b".repeat(31) + "c";

        assertEquals(64, id.length());
        assertTrue(SpecId.isValid(id));
    }

    @Test
    void rejects_65_characters() {
        String id = "a" + "-b".repeat(31) + "cd";

        assertEquals(65, id.length());
        assertFalse(SpecId.isValid(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Feature-001", "feature-A", "1feature", "-feature", "feature--001", "feature-",
            "feature_001", "feature 001", "feature.001", "", "é-001"})
    void rejects_anything_else(String id) {
        assertFalse(SpecId.isValid(id));
    }

    @Test
    void null_is_not_valid() {
        assertFalse(SpecId.isValid(null));
    }

    @Test
    void refuses_to_construct_an_invalid_id_saying_what_is_allowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpecId("Feature-1"));

        assertEquals("'Feature-1' is not a valid spec id: lowercase letters, digits and single hyphens,"
                + " starting with a letter, at most 64 characters", e.getMessage());
    }

    @Test
    void reads_the_sequence_number_after_its_prefix() {
        assertEquals(1, new SpecId("feature-001").sequenceAfter("feature"));
        assertEquals(42, new SpecId("adr-42").sequenceAfter("adr"));
        assertEquals(0, new SpecId("arch-000").sequenceAfter("arch"));
    }

    @Test
    void has_no_sequence_under_another_prefix() {
        assertEquals(-1, new SpecId("feature-001").sequenceAfter("adr"));
        assertEquals(-1, new SpecId("feature-001").sequenceAfter("feat"));
    }

    @Test
    void has_no_sequence_when_more_than_digits_follow_the_prefix() {
        assertEquals(-1, new SpecId("feature-01a").sequenceAfter("feature"));
        assertEquals(-1, new SpecId("feature-login").sequenceAfter("feature"));
        assertEquals(-1, new SpecId("feature-x-001").sequenceAfter("feature"));
        assertEquals(-1, new SpecId("feature").sequenceAfter("feature"));
    }

    @Test
    void has_no_sequence_when_the_number_is_too_long_for_an_int() {
        assertEquals(123456789, new SpecId("feature-123456789").sequenceAfter("feature"));
        assertEquals(-1, new SpecId("feature-1234567890").sequenceAfter("feature"));
    }

    @Test
    void sorts_and_prints_as_its_value() {
        List<SpecId> ids = new ArrayList<>(List.of(new SpecId("feature-010"), new SpecId("adr-001"),
                new SpecId("feature-002")));

        ids.sort(null);

        assertEquals("[adr-001, feature-002, feature-010]", ids.toString());
    }
}
