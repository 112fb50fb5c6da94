package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.intake.TemplateSections.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

// covers feature-005/FR-007
class TemplateSectionsTest {

    /** The body of factory-adapter-fs's templates/spec.md, after its front matter. */
    static final String SPEC_TEMPLATE = "\n# {{title}}\n\n## Overview\n\n"
            + "<!-- What this feature is, who it is for and why it matters, in a few sentences. -->\n"
            + "{{title}}: replace this line with what the feature does, for whom, and why.\n\n"
            + "## Requirements\n\n### Functional\n\n"
            + "<!-- What the system must do, one testable statement per line: \"A user can ...\", \"The service returns ...\". -->\n"
            + "- Replace this line with the first thing the feature must do.\n\n"
            + "### Non-Functional\n\n"
            + "<!-- Limits that can be measured: response times, volumes, security, accessibility, compatibility. -->\n\n"
            + "## API Specification\n\n"
            + "<!-- The commands, endpoints or interfaces this feature adds or changes: inputs, outputs and errors. -->\n\n"
            + "## Data Model\n\n"
            + "<!-- The entities and fields it reads or stores, their constraints, and how long they are kept. -->\n\n"
            + "## Implementation Notes\n\n"
            + "<!-- The approach you expect, constraints and dependencies, so that a reviewer knows what to look for. -->\n\n"
            + "## Testing Strategy\n\n"
            + "<!-- How we will know it works: the checks at each level and the edge cases that matter. -->\n\n"
            + "## Related Specs\n\n"
            + "<!-- Relative links to the contracts this one depends on or affects, once they exist. -->\n";

    @Test
    void reads_the_sections_of_the_real_spec_template_in_order() {
        List<Section> sections = TemplateSections.of(SPEC_TEMPLATE);
        assertEquals(List.of("Overview", "Requirements", "Functional", "Non-Functional", "API Specification",
                "Data Model", "Implementation Notes", "Testing Strategy", "Related Specs"),
                sections.stream().map(Section::heading).collect(Collectors.toList()));
        assertEquals(List.of(2, 2, 3, 3, 2, 2, 2, 2, 2),
                sections.stream().map(Section::level).collect(Collectors.toList()));
    }

    @Test
    void takes_the_first_comment_under_each_heading_as_its_hint() {
        List<Section> sections = TemplateSections.of(SPEC_TEMPLATE);
        assertEquals("What this feature is, who it is for and why it matters, in a few sentences.",
                sections.get(0).hint());
        assertEquals("", sections.get(1).hint(), "Requirements has only a subsection under it");
        assertTrue(sections.get(2).hint().startsWith("What the system must do"));
    }

    @Test
    void joins_a_multi_line_comment_and_skips_front_matter_and_code() {
        String template = "---\ntitle: x\n---\n# {{title}}\n\n## A\n\n<!-- first\n   line -->\n<!-- second -->\n"
                + "```\n## Not a section\n```\n#### Too deep\n## B\n";
        assertEquals(List.of(new Section("A", 2, "first line"), new Section("B", 2, "")),
                TemplateSections.of(template));
    }

    @Test
    void an_empty_template_has_no_sections() {
        assertEquals(List.of(), TemplateSections.of(""));
        assertEquals(List.of(), TemplateSections.of(null));
    }

    @Test
    void fills_answers_under_their_headings_and_keeps_hints_for_the_rest() {
        List<Section> sections = TemplateSections.of(SPEC_TEMPLATE);
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("Overview", "People sign in with email.\n");
        answers.put("Functional", "- A user can sign in.");
        answers.put("Data Model", "   ");
        String body = TemplateSections.fill("User login", sections, answers);
        assertTrue(body.startsWith("# User login\n\n## Overview\n\nPeople sign in with email.\n\n## Requirements\n\n"
                + "### Functional\n\n- A user can sign in.\n\n### Non-Functional\n\n<!-- Limits that can be measured"),
                body);
        assertTrue(body.contains("## Data Model\n\n<!-- The entities and fields"), body);
        assertTrue(body.endsWith("## Related Specs\n\n<!-- Relative links to the contracts this one depends on or "
                + "affects, once they exist. -->\n"), body);
    }

    @Test
    void a_filled_body_has_the_template_structure() {
        List<Section> sections = TemplateSections.of(SPEC_TEMPLATE);
        String body = TemplateSections.fill("T", sections, Map.of());
        assertEquals(sections, TemplateSections.of(body));
        assertTrue(body.endsWith("-->\n") && !body.endsWith("\n\n"));
    }

    @Test
    void matches_answer_keys_ignoring_case() {
        String body = TemplateSections.fill("T", List.of(new Section("Data Model", 2, "")), Map.of("data model", "x"));
        assertEquals("# T\n\n## Data Model\n\nx\n", body);
    }

    @Test
    void a_section_without_hint_or_answer_is_just_its_heading() {
        assertEquals("# T\n\n## A\n\n### B\n", TemplateSections.fill("T",
                List.of(new Section("A", 2, ""), new Section("B", 3, "")), null));
    }

    @Test
    void a_hint_cannot_close_its_comment_early() {
        String body = TemplateSections.fill("T", List.of(new Section("A", 2, "a --> b")), Map.of());
        assertEquals("# T\n\n## A\n\n<!-- a -- > b -->\n", body);
    }
}
