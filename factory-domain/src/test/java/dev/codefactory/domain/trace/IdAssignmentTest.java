package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

// covers feature-010/FR-003
class IdAssignmentTest {
    private static final String FRONT = "---\nid: feature-001\ntitle: Login\nstatus: approved\n---\n";
    private static final int BODY_LINE = 6;

    private static String spec(String... bodyLines) {
        return FRONT + String.join("\n", bodyLines) + "\n";
    }

    private static IdAssignment assign(String text) {
        return IdAssignment.assign(text, BODY_LINE, Set.of());
    }

    private static AssignedId given(String id, int line) {
        return new AssignedId(RequirementId.parse(id), line);
    }

    @Test
    void inserts_only_the_id_and_its_colon_after_the_marker_of_each_requirement_without_one() {
        String text = spec("# Login", "## Requirements", "### Functional", "- A user can log in.",
                "- FR-002: A user can log out.", "- A user can reset,", "  with a mail.", "### Non-Functional",
                "- Pages load in 1 s.", "- NFR-004: Audit every login.", "- Nothing is stored in clear.");

        IdAssignment result = assign(text);

        assertEquals(spec("# Login", "## Requirements", "### Functional", "- FR-003: A user can log in.",
                "- FR-002: A user can log out.", "- FR-004: A user can reset,", "  with a mail.",
                "### Non-Functional", "- NFR-005: Pages load in 1 s.", "- NFR-004: Audit every login.",
                "- NFR-006: Nothing is stored in clear."), result.text());
        assertEquals(List.of(given("FR-003", 9), given("FR-004", 11), given("NFR-005", 14),
                given("NFR-006", 16)), result.assigned());
        assertTrue(result.changed());
    }

    @Test
    void numbers_start_above_every_retired_id_of_their_kind_and_existing_ids_are_never_renumbered() {
        String text = spec("## Requirements", "- FR-001: Kept.", "- New.", "## Non-functional requirements",
                "- Also new.");

        IdAssignment result = IdAssignment.assign(text, BODY_LINE, Set.of(RequirementId.parse("FR-007"),
                RequirementId.parse("NFR-002")));

        assertEquals(spec("## Requirements", "- FR-001: Kept.", "- FR-008: New.", "## Non-functional requirements",
                "- NFR-003: Also new."), result.text());
    }

    @Test
    void nested_numbered_and_checkbox_items_get_the_id_after_marker_and_checkbox() {
        String text = spec("## Requirements", "1. First.", "2) Second.", "   * Nested.", "\t+ Tabbed.",
                "- [ ] Open task.", "- [x]  Done task.", "* [X] Capital.", "10.   Wide.");

        IdAssignment result = assign(text);

        assertEquals(spec("## Requirements", "1. FR-001: First.", "2) FR-002: Second.", "   * FR-003: Nested.",
                "\t+ FR-004: Tabbed.", "- [ ] FR-005: Open task.", "- [x]  FR-006: Done task.",
                "* [X] FR-007: Capital.", "10.   FR-008: Wide."), result.text());
    }

    @Test
    void a_crlf_file_stays_crlf_and_a_missing_last_newline_stays_missing() {
        String text = "---\r\nid: feature-001\r\nstatus: approved\r\n---\r\n## Requirements\r\n- One.\r\n- Two.";

        IdAssignment result = IdAssignment.assign(text, 5, Set.of());

        assertEquals("---\r\nid: feature-001\r\nstatus: approved\r\n---\r\n## Requirements\r\n- FR-001: One.\r\n"
                + "- FR-002: Two.", result.text());
    }

    @Test
    void fenced_code_acceptance_criteria_comments_and_other_sections_are_untouched() {
        String text = spec("## Overview", "- not a requirement.", "## Requirements", "```", "- in code.", "```",
                "<!-- - a hint -->", "- Real one.", "## Acceptance Criteria", "- [ ] A check.", "## Notes",
                "- a note.");

        IdAssignment result = assign(text);

        assertEquals(text.replace("- Real one.", "- FR-001: Real one."), result.text());
        assertEquals(List.of(given("FR-001", 13)), result.assigned());
    }

    @Test
    void malformed_and_duplicate_ids_are_left_for_the_person_and_count_towards_nothing() {
        String text = spec("## Requirements", "- FR-1: Malformed.", "- FR-002 no colon.", "- FR-003: One.",
                "- FR-003: Twice.", "- Missing.");

        IdAssignment result = assign(text);

        assertEquals(text.replace("- Missing.", "- FR-004: Missing."), result.text());
    }

    @Test
    void items_whose_text_starts_on_the_next_line_get_the_id_without_a_trailing_blank() {
        String text = spec("## Requirements", "- ", "  Text below.", "-", "  More below.", "- [ ]",
                "  Task below.");

        IdAssignment result = assign(text);

        assertEquals(spec("## Requirements", "- FR-001:", "  Text below.", "- FR-002:", "  More below.",
                "- [ ] FR-003:", "  Task below."), result.text());
        SpecRequirements after = SpecRequirements.read(result.text().substring(FRONT.length()), BODY_LINE);
        assertEquals(List.of(), after.findings());
        assertEquals("Task below.", after.items().get(2).text());
    }

    @Test
    void is_idempotent_and_gives_back_the_same_text_when_nothing_is_missing() {
        String text = spec("## Requirements", "- One.", "- [ ] Two.", "## Non-Functional", "1. Three.");

        IdAssignment once = assign(text);
        IdAssignment twice = assign(once.text());

        assertEquals(once.text(), twice.text());
        assertFalse(twice.changed());
        assertEquals(List.of(), twice.assigned());
        assertSame(once.text(), twice.text(), "nothing to do returns the very text given");
        String noRequirements = spec("# Title", "Just prose.");
        assertSame(noRequirements, assign(noRequirements).text());
    }

    @Test
    void only_the_body_is_read_so_the_front_matter_never_holds_a_requirement() {
        String text = "---\nid: feature-001\n# Requirements\n- x\n---\n## Requirements\n- One.\n";

        IdAssignment result = IdAssignment.assign(text, 6, Set.of());

        assertEquals("---\nid: feature-001\n# Requirements\n- x\n---\n## Requirements\n- FR-001: One.\n",
                result.text());
        assertThrows(IllegalArgumentException.class, () -> IdAssignment.assign(text, 0, Set.of()));
    }
}
