package dev.codefactory.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DraftRequirementIdsTest {

    @Test
    void a_draft_whose_requirements_all_have_their_ids_has_no_problem() {
        assertEquals(List.of(), DraftRequirementIds.problems("# Team calendar\n\n## Requirements\n\n### Functional\n\n"
                + "- FR-001: A member can mark an absence.\n- FR-002: A member can book a room.\n\n"
                + "### Non-Functional\n\n- NFR-001: A booking shows within 5 seconds.\n\n## Acceptance Criteria\n\n"
                + "- [ ] an absence shows on the calendar\n\n## Testing Strategy\n\n```\n- not a requirement\n```\n"));
    }

    @Test
    void each_requirement_without_an_id_is_a_problem_on_its_line_quoting_it() {
        List<String> problems = DraftRequirementIds.problems("# Team calendar\n\n## Requirements\n\n"
                + "### Functional\n\n- A member can mark an absence.\n- FR-002: A member can book a room.\n\n"
                + "### Non-Functional\n\n- A booking shows to the team within 5 seconds, whatever the size of the"
                + " team and the number of rooms.\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line 7 (\"A member can mark an absence.\"): this requirement has no"
                + " id: start it with the next free id of its kind, FR-001"), problems.get(0));
        assertTrue(problems.get(0).contains("NFR-001, NFR-002, ... under Non-Functional"), problems.get(0));
        assertTrue(problems.get(1).startsWith("line 12 (\"A booking shows to the team within 5 seconds, whatever"
                + " th...\")"), problems.get(1));
    }

    @Test
    void malformed_and_shared_ids_are_problems_that_say_what_to_write() {
        List<String> problems = DraftRequirementIds.problems("## Requirements\n"
                + "- FR-1: short number\n- fr-002: lower case\n- FR-003 no colon\n- FR-004: first\n- FR-004: again\n"
                + "- **FR-005**: emphasised\n");
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line 2 (\"FR-1: short number\"): "), problems.get(0));
        assertTrue(problems.get(0).contains("FR-001"), problems.get(0));
        assertTrue(problems.get(1).contains("capitals"), problems.get(1));
        assertTrue(problems.get(2).contains("colon"), problems.get(2));
        assertTrue(problems.get(3).startsWith("line 6 (\"again\"): FR-004 is already the id of the requirement at"
                + " line 5"), problems.get(3));
        assertTrue(problems.get(4).startsWith("line 7 (\"**FR-005**: emphasised\"): this requirement has no id"),
                problems.get(4));
    }

    @Test
    void a_draft_without_requirements_has_no_id_problem() {
        assertEquals(List.of(), DraftRequirementIds.problems("# Title\n\n## Overview\n\nSomething.\n"));
        assertEquals(List.of(), DraftRequirementIds.problems(""));
    }
}
