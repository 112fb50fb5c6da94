package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.trace.IdFinding.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-010/FR-001
class SpecRequirementsTest {

    private static String body(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void reads_each_requirement_with_its_id_text_and_line() {
        SpecRequirements read = SpecRequirements.read(body(
                "# Title",
                "## Requirements",
                "### Functional",
                "- FR-001: A user can log in.",
                "- FR-002: A user can log out,",
                "  from any page.",
                "### Non-Functional",
                "- NFR-001: Pages load in 1 s."), 10);

        assertEquals(List.of(
                new RequirementItem(RequirementId.parse("FR-001"), "A user can log in.", 13),
                new RequirementItem(RequirementId.parse("FR-002"), "A user can log out, from any page.", 14),
                new RequirementItem(RequirementId.parse("NFR-001"), "Pages load in 1 s.", 17)), read.items());
        assertEquals(List.of(), read.findings());
    }

    @Test
    void acceptance_criteria_are_checks_not_requirements_and_need_no_id() {
        SpecRequirements read = SpecRequirements.read(body(
                "## Requirements",
                "- FR-001: A user can log in.",
                "## Acceptance Criteria",
                "- [x] Logging in is tested end to end."), 1);

        assertEquals(List.of(new RequirementItem(RequirementId.parse("FR-001"), "A user can log in.", 2)),
                read.items());
        assertEquals(List.of(), read.findings());
        assertEquals(2, dev.codefactory.domain.spec.Requirements.of("s", body(
                "## Requirements",
                "- FR-001: A user can log in.",
                "## Acceptance Criteria",
                "- [x] Logging in is tested end to end."), 1).size(), "review still judges the criteria");
    }

    @Test
    void reads_the_same_items_review_numbers() {
        String body = body("## Requirements", "- [x] FR-001: Checked.", "1. FR-002: Numbered.", "* plain item",
                "  - FR-003: nested");

        SpecRequirements read = SpecRequirements.read(body, 1);

        assertEquals(dev.codefactory.domain.spec.Requirements.of("s", body, 1).size(), read.items().size());
        assertEquals("[FR-001, FR-002, null, FR-003]",
                read.items().stream().map(RequirementItem::id).toList().toString());
    }

    // covers feature-010/FR-004
    @Test
    void finds_a_missing_id_at_its_line() {
        SpecRequirements read = SpecRequirements.read(body("## Requirements", "- FR-001: one", "- A user can"), 5);

        assertNull(read.items().get(1).id());
        assertEquals("A user can", read.items().get(1).text());
        assertTrue(read.items().get(1).requirementId().isEmpty());
        assertEquals(1, read.findings().size());
        assertEquals(Problem.MISSING, read.findings().get(0).problem());
        assertEquals(7, read.findings().get(0).line());
    }

    // covers feature-010/FR-004, feature-010/FR-013
    @Test
    void finds_a_duplicate_id_naming_the_first_line() {
        SpecRequirements read = SpecRequirements.read(body("## Requirements", "- FR-001: one", "- FR-002: two",
                "- FR-001: three"), 1);

        assertEquals(List.of(new IdFinding(Problem.DUPLICATE, 4, read.findings().get(0).message())), read.findings());
        assertTrue(read.findings().get(0).message().contains("line 2"), read.findings().get(0).message());
        assertEquals(RequirementId.parse("FR-001"), read.items().get(2).id());
    }

    @Test
    void counts_functional_and_non_functional_numbers_apart() {
        SpecRequirements read = SpecRequirements.read(body("## Requirements", "- FR-001: one", "- NFR-001: two"), 1);

        assertEquals(List.of(), read.findings());
    }

    // covers feature-010/FR-004
    @Test
    void finds_malformed_ids() {
        SpecRequirements read = SpecRequirements.read(body("## Requirements",
                "- FR-1: short",
                "- fr-001: lowercase",
                "- FR-001 no colon",
                "- FR-01: two digits",
                "- FR-: no number",
                "- XR-001: wrong kind",
                "- FR-0001: extra zero"), 1);

        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), read.findings().stream().map(IdFinding::line).toList());
        assertTrue(read.findings().stream().allMatch(f -> f.problem() == Problem.MALFORMED), read.findings()::toString);
        assertTrue(read.items().stream().allMatch(i -> i.id() == null));
        assertTrue(read.findings().get(2).message().contains("colon"), read.findings().get(2).message());
        assertTrue(read.findings().get(0).message().contains("'FR-1'"), read.findings().get(0).message());
    }

    @Test
    void takes_words_with_hyphens_as_text_without_an_id() {
        SpecRequirements read = SpecRequirements.read(body("## Requirements", "- Non-functional: fast",
                "- E-mail is sent"), 1);

        assertEquals(List.of(Problem.MISSING, Problem.MISSING),
                read.findings().stream().map(IdFinding::problem).toList());
    }

    @Test
    void ignores_ids_in_fenced_code_and_outside_requirements() {
        SpecRequirements read = SpecRequirements.read(body(
                "## Overview",
                "- FR-009: not a requirement here",
                "## Requirements",
                "```markdown",
                "- FR-001: an example",
                "- FR-1: a bad example",
                "```",
                "~~~",
                "- FR-001: another",
                "~~~",
                "- FR-001: the real one",
                "## Data Model",
                "- FR-001: no duplicate here"), 1);

        assertEquals(List.of(new RequirementItem(RequirementId.parse("FR-001"), "the real one", 11)), read.items());
        assertEquals(List.of(), read.findings());
    }

    @Test
    void reads_crlf_bodies_with_the_same_lines() {
        SpecRequirements read = SpecRequirements.read("## Requirements\r\n- FR-001: one\r\n- FR-1: two\r\n", 3);

        assertEquals(new RequirementItem(RequirementId.parse("FR-001"), "one", 4), read.items().get(0));
        assertEquals(5, read.findings().get(0).line());
    }

    @Test
    void reads_nothing_from_an_empty_body() {
        assertEquals(new SpecRequirements(List.of(), List.of()), SpecRequirements.read(null, 1));
        assertEquals(new SpecRequirements(List.of(), List.of()), SpecRequirements.read("", 1));
    }

    @Test
    void reads_the_projects_own_draft_spec_syntax() {
        SpecRequirements read = SpecRequirements.read(body("## Requirements", "", "### Functional", "",
                "Requirement ids", "- FR-001: A requirement is a list item of a spec's Requirements section that",
                "  starts with its id and a colon: `- FR-001: A user can ...` (functional)."), 1);

        assertEquals(1, read.items().size());
        assertEquals(RequirementId.parse("FR-001"), read.items().get(0).id());
        assertEquals(List.of(), read.findings());
    }
}
