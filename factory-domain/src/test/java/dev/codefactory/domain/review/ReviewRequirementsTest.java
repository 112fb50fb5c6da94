package dev.codefactory.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.domain.spec.Requirement;
import dev.codefactory.domain.spec.Requirements;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

// covers feature-010/FR-005
class ReviewRequirementsTest {

    /** The spec file's text and its requirements read the way review reads them (front matter skipped). */
    private static List<Requirement> reviewed(String frontMatter, String body) {
        int bodyStart = (int) frontMatter.chars().filter(c -> c == '\n').count() + 1;
        return ReviewRequirements.named(Requirements.of("feature-006", body, bodyStart), frontMatter + body);
    }

    private static final String FRONT = "---\nid: feature-006\ntitle: Login\nstatus: approved\n---\n";

    private static List<String> ids(List<Requirement> rs) {
        return rs.stream().map(Requirement::id).collect(Collectors.toList());
    }

    @Test
    void a_requirement_with_an_id_is_named_by_it_and_its_text_does_not_repeat_it() {
        List<Requirement> rs = reviewed(FRONT, "# Login\n\n## Requirements\n\n### Functional\n"
                + "- FR-001: Users log in with a password.\n- FR-002: Passwords are hashed.\n\n"
                + "### Non-Functional\n- NFR-001: A login takes under 1 s.\n");
        assertEquals(List.of("FR-001", "FR-002", "NFR-001"), ids(rs));
        assertEquals("Users log in with a password.", rs.get(0).text());
        assertEquals(11, rs.get(0).line(), "the line of the spec file, front matter counted");
        assertEquals(List.of("feature-006"), rs.stream().map(Requirement::specId).distinct()
                .collect(Collectors.toList()));
    }

    @Test
    void one_without_an_id_keeps_its_place_number_which_no_stable_id_can_equal() {
        List<Requirement> rs = reviewed(FRONT, "# Login\n\n## Requirements\n"
                + "- FR-002: Passwords are hashed.\n- Users log out.\n- FR-1: Sessions expire.\n"
                + "- FR-002: Repeated id.\n\n## Acceptance Criteria\n- FR-001: a wrong password is refused\n"
                + "- [ ] the login page loads\n");
        assertEquals(List.of("FR-002", "R2", "R3", "R4", "R5", "R6"), ids(rs));
        assertEquals("Users log out.", rs.get(1).text());
        assertEquals("FR-1: Sessions expire.", rs.get(2).text(), "a malformed id is no id: the model sees it as text");
        assertEquals("FR-002: Repeated id.", rs.get(3).text(), "a repeated id names only its first requirement");
        assertEquals("FR-001: a wrong password is refused", rs.get(4).text(),
                "acceptance criteria carry no ids (feature-010/FR-001)");
    }

    @Test
    void a_spec_without_ids_keeps_the_positional_numbers() {
        String body = "# Login\n\n## Requirements\n- Users log in.\n- Passwords are hashed.\n";
        List<Requirement> positional = Requirements.of("feature-006", body, 6);
        assertEquals(positional, ReviewRequirements.named(positional, FRONT + body));
        assertEquals(List.of("R1", "R2"), ids(positional));
    }

    @Test
    void a_spec_without_front_matter_reads_the_same() {
        String body = "# Login\n## Requirements\n- FR-001: Users log in.\n- Passwords are hashed.\n";
        assertEquals(List.of("FR-001", "R2"), ids(reviewed("", body)));
    }
}
