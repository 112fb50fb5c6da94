package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// covers feature-010/FR-001
class RequirementIdTest {

    @ParameterizedTest
    @CsvSource({"FR-001,FR,1", "NFR-012,NFR,12", "FR-1000,FR,1000", "FR-999,FR,999", "NFR-123456789,NFR,123456789"})
    void parses_and_renders_the_canonical_form(String text, RequirementId.Kind kind, int number) {
        RequirementId id = RequirementId.parse(text);

        assertEquals(new RequirementId(kind, number), id);
        assertEquals(text, id.toString());
    }

    @Test
    void renders_at_least_three_digits() {
        assertEquals("FR-001", new RequirementId(RequirementId.Kind.FR, 1).toString());
        assertEquals("NFR-012", new RequirementId(RequirementId.Kind.NFR, 12).toString());
        assertEquals("FR-1000", new RequirementId(RequirementId.Kind.FR, 1000).toString());
    }

    @Test
    void rejects_a_number_below_one() {
        assertThrows(IllegalArgumentException.class, () -> new RequirementId(RequirementId.Kind.FR, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FR-1|at least three digits, e.g. FR-001",
        "FR-01|at least three digits, e.g. FR-001",
        "fr-001|capitals",
        "Nfr-001|capitals",
        "FR-|a number follows the hyphen",
        "FR|a hyphen and a number follow FR",
        "XR-001|starts with FR- or NFR-",
        "FR-00a|only digits follow the hyphen",
        "'FR-001 '|only digits follow the hyphen",
        "FR-000|numbers start at 1",
        "FR-0001|write it FR-001",
        "FR-1234567890|at most 9 digits",
        "' FR-001'|starts with FR- or NFR-"})
    void says_why_a_text_is_malformed(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequirementId.parse(text));

        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertEquals(e.getMessage(), RequirementId.problem(text).orElseThrow());
        assertTrue(RequirementId.tryParse(text).isEmpty());
    }

    @Test
    void rejects_the_empty_text() {
        assertTrue(RequirementId.problem("").isPresent());
        assertTrue(RequirementId.tryParse(null).isEmpty());
    }

    @Test
    void shows_control_characters_visibly_in_its_reasons() {
        String why = RequirementId.problem("FR-\u001b[2J").orElseThrow();

        assertFalse(why.contains("\u001b"), why);
        assertTrue(why.contains("^["), why);
    }

    @Test
    void orders_functional_before_non_functional_then_by_number() {
        List<RequirementId> ids = new ArrayList<>(List.of(RequirementId.parse("NFR-001"),
                RequirementId.parse("FR-010"), RequirementId.parse("FR-002")));
        ids.sort(null);

        assertEquals("[FR-002, FR-010, NFR-001]", ids.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR-1", "fr-001", "FR-", "FR", "XR-001", "NFR", "nfr-2", "ABCDE-", "FR1"})
    void knows_texts_meant_as_ids(String token) {
        assertTrue(RequirementId.looksLikeId(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "Non-functional", "E-mail", "ABCDEF-1", "X-ray", "Users", "**FR-001**"})
    void knows_words_not_meant_as_ids(String token) {
        assertFalse(RequirementId.looksLikeId(token));
    }
}
