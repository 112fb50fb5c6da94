package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedLinksTest {
    private static final NearDuplicates.Candidate CATALOG = new NearDuplicates.Candidate("feature-001", "Spec catalog",
            List.of(), "contracts/specs/spec-catalog.md");
    private static final NearDuplicates.Candidate ADR = new NearDuplicates.Candidate("adr-001", "Hexagonal [core]",
            List.of(), "contracts/decisions/adr-001.md");

    @Test
    void adds_a_related_specs_section_with_relative_links_when_there_is_none() {
        assertEquals("# T\n\n## Overview\n\nx\n\n## Related Specs\n\n- [Spec catalog](spec-catalog.md)\n"
                        + "- [Hexagonal \\[core\\]](../decisions/adr-001.md)\n",
                RelatedLinks.add("# T\n\n## Overview\n\nx\n", List.of(CATALOG, ADR), "contracts/specs"));
    }

    @Test
    void appends_to_an_existing_section_before_the_next_heading_and_keeps_its_text() {
        String body = "# T\n\n## Related Specs\n\n<!-- hint -->\n- [Other](other.md)\n\n## Notes\n\nn\n";
        assertEquals("# T\n\n## Related Specs\n\n<!-- hint -->\n- [Other](other.md)\n- [Spec catalog](spec-catalog.md)"
                + "\n\n## Notes\n\nn\n", RelatedLinks.add(body, List.of(CATALOG), "contracts/specs"));
    }

    @Test
    void fills_an_empty_section_at_the_end() {
        assertEquals("# T\n\n## Related Specs\n\n- [Spec catalog](spec-catalog.md)\n",
                RelatedLinks.add("# T\n\n## Related Specs\n", List.of(CATALOG), "contracts/specs"));
    }

    @Test
    void a_spec_the_body_already_mentions_is_not_linked_twice_and_nothing_changes_without_candidates() {
        String body = "# T\n\nSee [the catalog](spec-catalog.md).\n";
        assertEquals(body, RelatedLinks.add(body, List.of(CATALOG), "contracts/specs"));
        assertEquals("# T\n", RelatedLinks.add("# T\n", List.of(), "contracts/specs"));
    }

    @Test
    void relative_paths_climb_out_of_the_folder_as_needed() {
        assertEquals("spec-catalog.md", RelatedLinks.relative("contracts/specs", "contracts/specs/spec-catalog.md"));
        assertEquals("../decisions/adr-001.md", RelatedLinks.relative("contracts/specs", "contracts/decisions/adr-001.md"));
        assertEquals("../../README.md", RelatedLinks.relative("contracts/specs", "README.md"));
    }
}
