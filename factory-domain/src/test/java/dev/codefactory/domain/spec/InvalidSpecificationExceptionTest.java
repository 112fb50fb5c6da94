package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codefactory.domain.report.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidSpecificationExceptionTest {
    private static final Finding FIRST = Rule.ID_FORMAT.error("contracts/specs/a.md", 2, "id 'A' is not valid");
    private static final Finding SECOND = Rule.SECTION_MISSING.error("contracts/specs/a.md", 0, "no Overview");

    @Test
    void message_is_the_first_finding_with_its_location_and_rule() {
        assertEquals("contracts/specs/a.md:2: id 'A' is not valid [id.format]",
                new InvalidSpecificationException(List.of(FIRST)).getMessage());
    }

    @Test
    void message_counts_the_other_findings_and_says_how_to_see_them() {
        InvalidSpecificationException e = new InvalidSpecificationException(List.of(FIRST, SECOND, SECOND));

        assertEquals("contracts/specs/a.md:2: id 'A' is not valid [id.format]"
                + " (and 2 more; run 'factory spec validate')", e.getMessage());
        assertEquals(List.of(FIRST, SECOND, SECOND), e.findings());
    }

    @Test
    void refuses_to_exist_without_findings() {
        assertThrows(IllegalArgumentException.class, () -> new InvalidSpecificationException(List.of()));
    }

    @Test
    void spec_not_found_says_how_to_list_the_ids() {
        assertEquals("no spec with id or path 'feature-9' in contracts/; 'factory spec list' shows the ids",
                new SpecNotFoundException("feature-9").getMessage());
    }

    @Test
    void every_rule_id_is_unique_and_dotted() {
        List<String> ids = java.util.Arrays.stream(Rule.values()).map(Rule::id).toList();

        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), ids.toString());
        ids.forEach(id -> assertEquals(true, id.matches("[a-z-]+\\.[a-z-]+"), id));
    }
}
