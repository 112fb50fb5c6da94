package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.spec.SpecId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// covers feature-010/FR-001
class RequirementRefTest {

    @Test
    void parses_and_renders_spec_slash_id() {
        RequirementRef ref = RequirementRef.parse("feature-010/FR-003");

        assertEquals(new SpecId("feature-010"), ref.spec());
        assertEquals(new RequirementId(RequirementId.Kind.FR, 3), ref.id());
        assertEquals("feature-010/FR-003", ref.toString());
        assertEquals(ref, RequirementRef.parse(ref.toString()));
    }

    @Test
    void takes_any_spec_id() {
        assertEquals("auth-login/NFR-1000", RequirementRef.parse("auth-login/NFR-1000").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "feature-010|write <spec id>/<requirement id>",
        "Feature-010/FR-003|is not a spec id",
        "/FR-003|is not a spec id",
        "feature--010/FR-003|is not a spec id",
        "feature-010/FR-1|at least three digits",
        "feature-010/fr-001|capitals",
        "feature-010/|the requirement id is missing",
        "feature-010/XR-001|starts with FR- or NFR-",
        "feature-010/FR-003/x|only digits follow the hyphen"})
    void says_why_a_reference_is_malformed(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequirementRef.parse(text));

        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertEquals(e.getMessage(), RequirementRef.problem(text).orElseThrow());
        assertTrue(RequirementRef.tryParse(text).isEmpty());
    }

    @Test
    void orders_by_spec_then_id() {
        RequirementRef a = RequirementRef.parse("adr-001/NFR-001");
        RequirementRef b = RequirementRef.parse("feature-010/FR-002");
        RequirementRef c = RequirementRef.parse("feature-010/FR-010");

        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(c) < 0);
    }
}
