package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private static final String ID_LINE = "- FR-001: Replace this line with the first thing the feature must do.";
    private static final Placeholders WITH_IDS = Placeholders.of(List.of(new SpecTemplate(SpecKind.SPEC, "built-in",
            "---\nid: {{id}}\n---\n# {{title}}\n\n## Requirements\n\n" + ID_LINE + "\n")));

    @Test
    void a_requirement_placeholder_is_found_whatever_id_it_carries_or_without_one() {
        for (String line : List.of(ID_LINE, "  - FR-003: Replace this line with the first thing the feature must do. ",
                "- NFR-12: Replace this line with the first thing the feature must do.",
                "- Replace this line with the first thing the feature must do.")) {
            assertEquals(Optional.of(ID_LINE), WITH_IDS.match(SpecKind.SPEC, line), line);
        }
        Placeholders older = Placeholders.of(List.of(new SpecTemplate(SpecKind.SPEC, "built-in",
                "# {{title}}\n\n- Replace this line with the first thing the feature must do.\n")));
        assertEquals(Optional.of("- Replace this line with the first thing the feature must do."),
                older.match(SpecKind.SPEC, ID_LINE), "an older template's text, now with an id, is still its text");
    }

    @Test
    void a_written_requirement_is_no_placeholder() {
        assertEquals(Optional.empty(), WITH_IDS.match(SpecKind.SPEC, "- FR-001: A user can log in."));
        assertEquals(Optional.empty(), WITH_IDS.match(SpecKind.SPEC,
                "- FR-001 Replace this line with the first thing the feature must do."));
    }

    @Test
    void only_an_id_after_a_list_marker_is_left_out() {
        assertEquals("- A", Placeholders.withoutRequirementId("- FR-001: A"));
        assertEquals("* A", Placeholders.withoutRequirementId("* NFR-2:  A"));
        assertEquals("FR-001: A", Placeholders.withoutRequirementId("FR-001: A"));
        assertEquals("- fr-001: A", Placeholders.withoutRequirementId("- fr-001: A"));
        assertEquals("- FR-: A", Placeholders.withoutRequirementId("- FR-: A"));
        assertEquals("- ABCDEF-1: A", Placeholders.withoutRequirementId("- ABCDEF-1: A"));
        assertEquals("- FR-001:A", Placeholders.withoutRequirementId("- FR-001:A"));
        assertEquals("-", Placeholders.withoutRequirementId("-"));
    }
}
