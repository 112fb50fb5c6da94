package dev.codefactory.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RequirementsTest {

    private static List<String> texts(List<Requirement> rs) {
        return rs.stream().map(Requirement::text).collect(Collectors.toList());
    }

    @Test
    void reads_items_under_requirements_heading_with_ids_and_file_lines() {
        String body = "# Login\n\nIntro.\n\n## Requirements\n\n- Users log in with email\n* Passwords are hashed\n"
                + "1. Sessions expire\n\n## Notes\n\n- not a requirement\n";
        List<Requirement> rs = Requirements.of("SPEC-1", body, 5);
        assertEquals(List.of("Users log in with email", "Passwords are hashed", "Sessions expire"), texts(rs));
        assertEquals(List.of("R1", "R2", "R3"), rs.stream().map(Requirement::id).collect(Collectors.toList()));
        assertEquals(11, rs.get(0).line());
        assertEquals(13, rs.get(2).line());
        assertEquals("SPEC-1", rs.get(1).specId());
    }

    @Test
    void reads_functional_non_functional_and_acceptance_criteria_in_any_case_and_level() {
        String body = "### FUNCTIONAL\n- a\n#### non-functional\n- b\n# Acceptance Criteria\n- c\n"
                + "## Non Functional Requirements:\n- d\n## 3. Functional Requirements\n- e\n";
        assertEquals(List.of("a", "b", "c", "d", "e"), texts(Requirements.of("S", body, 1)));
    }

    @Test
    void includes_subsections_until_a_heading_of_the_same_or_higher_level() {
        String body = "## Requirements\n### Login\n- a\n### Logout\n- b\n## Design\n- c\n### Functional\n- d\n";
        assertEquals(List.of("a", "b", "d"), texts(Requirements.of("S", body, 1)));
    }

    @Test
    void removes_checkbox_markers() {
        String body = "## Acceptance Criteria\n- [ ] open task\n- [x] done task\n- [X] also done\n";
        assertEquals(List.of("open task", "done task", "also done"), texts(Requirements.of("S", body, 1)));
    }

    @Test
    void skips_html_comments_and_items_left_blank() {
        String body = "## Requirements\n<!-- one testable statement per bullet\n- like this -->\n- <!-- hint -->\n"
                + "- real <!-- inline --> one\n-\n";
        List<Requirement> rs = Requirements.of("S", body, 1);
        assertEquals(List.of("real one"), texts(rs));
        assertEquals(5, rs.get(0).line());
    }

    @Test
    void joins_indented_continuation_lines() {
        String body = "## Requirements\n- The export must\n  include every row\n    and the header\n- next\n";
        assertEquals(List.of("The export must include every row and the header", "next"),
                texts(Requirements.of("S", body, 1)));
    }

    @Test
    void blank_line_or_unindented_prose_ends_an_item() {
        String body = "## Requirements\n- one\n\n  indented after blank\n- two\nprose\n";
        assertEquals(List.of("one", "two"), texts(Requirements.of("S", body, 1)));
    }

    @Test
    void ignores_list_items_inside_fenced_code() {
        String body = "## Requirements\n```yaml\n- not: an item\n## Not a heading\n```\n- real\n";
        assertEquals(List.of("real"), texts(Requirements.of("S", body, 1)));
    }

    @Test
    void nested_items_are_requirements_of_their_own() {
        String body = "## Requirements\n- parent\n  - child\n";
        assertEquals(List.of("parent", "child"), texts(Requirements.of("S", body, 1)));
    }

    @Test
    void body_without_requirements_heading_has_none() {
        assertTrue(Requirements.of("S", "# T\n- a\n## Design\n- b\n", 1).isEmpty());
        assertTrue(Requirements.of("S", null, 1).isEmpty());
    }

    @Test
    void handles_crlf_line_endings() {
        assertEquals(List.of("a", "b"), texts(Requirements.of("S", "## Requirements\r\n- a\r\n- b\r\n", 1)));
    }

    @Test
    void rejects_a_start_line_below_one() {
        assertThrows(IllegalArgumentException.class, () -> Requirements.of("S", "", 0));
    }

    @Test
    void requirement_validates_its_values() {
        assertThrows(NullPointerException.class, () -> new Requirement(null, "R1", "t", 1));
        assertThrows(IllegalArgumentException.class, () -> new Requirement("S", " ", "t", 1));
        assertThrows(IllegalArgumentException.class, () -> new Requirement("S", "R1", "t", 0));
    }

    @Test
    void non_functional_lines_are_the_statements_under_a_non_functional_heading_and_its_sub_headings() {
        String body = String.join("\n", "## Requirements", "### Functional", "- one", "### Non-Functional",
                "- two", "#### Performance", "- three", "### Other", "- four", "## Nonfunctional requirements",
                "- five", "## Acceptance Criteria", "- six", "## Non-Functional", "- seven") + "\n";

        assertEquals(java.util.Set.of(5, 7, 11, 15), Requirements.nonFunctionalLines(body, 1));
        assertEquals(java.util.Set.of(), Requirements.nonFunctionalLines("", 1));
    }
}
