package dev.codefactory.domain.adopt;

import static dev.codefactory.domain.adopt.AdoptFixtures.CONTROLLER;
import static dev.codefactory.domain.adopt.AdoptFixtures.TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-011/FR-007, feature-011/FR-008
class DraftedSpecTest {
    static final String GOOD = "# Owners\n\n## Overview\n\nOwners of pets are shown and added.\n\n## Requirements\n\n"
            + "### Functional\n\n"
            + "- FR-001: An owner is shown with their pets.\n"
            + "  Evidence: impl" + "ements `" + CONTROLLER + ":42`, covers `" + TEST + ":30`\n"
            + "- FR-002: A new owner is saved and shown.\n"
            + "  Evidence: impl" + "ements `" + CONTROLLER + ":60`, covers `" + TEST + ":55`\n\n"
            + "## Open Questions\n\n- Is a duplicate owner refused?\n";

    private static DraftedSpec read(String answer) {
        return DraftedSpec.read(answer, AdoptFixtures.owners(), false);
    }

    @Test
    void a_sound_answer_has_no_problem_and_is_kept_as_written() {
        DraftedSpec d = read(GOOD);
        assertEquals(List.of(), d.problems());
        assertTrue(d.sound());
        assertEquals(GOOD, d.body());
    }

    @Test
    void chatter_a_markdown_fence_and_the_models_own_front_matter_are_removed() {
        DraftedSpec d = read("Sure! Here is the spec you asked for:\n\n```markdown\n---\nid: owners\nstatus: approved\n"
                + "---\n" + GOOD + "```\n\nLet me know if you want changes.");
        assertEquals(GOOD, d.body());
        assertTrue(d.hadFrontMatter());
        assertEquals(List.of(), d.problems());
    }

    @Test
    void an_answer_cut_off_mid_list_is_truncated_and_names_the_missing_section() {
        String cut = GOOD.substring(0, GOOD.indexOf("- FR-002")) + "- FR-002: A new owner is saved and\n"
                + "  Evidence: impl" + "ements `" + CONTROLLER;
        DraftedSpec d = read(cut);
        assertTrue(d.truncated());
        assertTrue(d.problems().contains("the section \"## Open Questions\" is missing: add it at the end (write"
                + " \"None.\" when nothing is unclear)"), d.problems().toString());
        assertTrue(d.problems().stream().anyMatch(p -> p.startsWith("the answer was cut off before its end (it stops"
                + " before \"## Open Questions\")")), d.problems().toString());
    }

    @Test
    void a_finish_at_the_output_limit_is_truncated_too() {
        assertTrue(DraftedSpec.read(GOOD, AdoptFixtures.owners(), true).truncated());
        assertFalse(read(GOOD).truncated());
    }

    @Test
    void a_wrong_anchor_says_which_location_and_what_the_evidence_has_in_that_file() {
        DraftedSpec d = read(GOOD.replace(CONTROLLER + ":60", CONTROLLER + ":61")
                .replace(TEST + ":30", "src/test/java/Invented.java:3"));
        assertEquals(List.of("line 12: FR-001 cites `src/test/java/Invented.java:3`, which is not a location of the"
                        + " evidence given (that file is not in it): cite only locations listed in the evidence,"
                        + " written exactly",
                "line 14: FR-002 cites `" + CONTROLLER + ":61`, which is not a location of the evidence given (in"
                        + " that file: `" + CONTROLLER + ":42`, `" + CONTROLLER + ":60`): cite only locations listed"
                        + " in the evidence, written exactly"), d.problems());
    }

    @Test
    void a_whole_file_of_the_evidence_may_be_cited_by_its_path() {
        assertEquals(List.of(), read(GOOD.replace(CONTROLLER + ":60`", CONTROLLER + "`")).problems());
    }

    @Test
    void duplicate_missing_and_malformed_ids_are_problems_with_their_lines() {
        DraftedSpec d = read(GOOD.replace("- FR-002:", "- FR-001:") + "");
        assertTrue(d.problems().stream().anyMatch(p -> p.startsWith("line 13 (") && p.contains("FR-001 is already"
                + " the id of the requirement at line 11")), d.problems().toString());
        DraftedSpec e = read(GOOD.replace("- FR-001: ", "- ").replace("- FR-002:", "- FR-2:"));
        assertEquals(2, e.problems().stream().filter(p -> p.startsWith("line 11 (") || p.startsWith("line 13 ("))
                .count(), e.problems().toString());
    }

    @Test
    void a_requirement_without_evidence_and_a_draft_without_requirements_are_problems() {
        DraftedSpec d = read(GOOD.replace("  Evidence: impl" + "ements `" + CONTROLLER + ":60`, covers `" + TEST
                + ":55`\n", ""));
        assertEquals(List.of("line 13: FR-002 has no evidence line: add one under it, \"  Evidence: impl"
                + "ements `path:line`, covers `path:line`\", with locations of the evidence given"), d.problems());
        DraftedSpec none = read("# Owners\n\n## Overview\n\nOwners.\n\n## Requirements\n\nNothing here.\n\n"
                + "## Open Questions\n\nNone.\n");
        assertEquals(List.of("the Requirements section lists no requirement: write each behaviour the evidence shows"
                + " as \"- FR-001: ...\" followed by its evidence line"), none.problems());
    }

    @Test
    void control_characters_are_made_visible_and_a_missing_title_is_added() {
        DraftedSpec d = read(GOOD.substring("# Owners\n\n".length()).replace("are shown", "are \u001b[2Jshown"));
        assertTrue(d.body().startsWith("# Owners\n\n## Overview"), d.body());
        assertTrue(d.body().contains("are ^[[2Jshown"), d.body());
        assertEquals(List.of(), d.problems());
    }

    @Test
    void an_empty_answer_is_one_problem() {
        assertEquals(List.of("the answer holds no spec: write the whole spec body, starting with \"# Owners\""),
                read(" \n\n").problems());
        assertEquals(3, read("Sure! I will write it.\n").problems().size(), "no section at all");
    }

    @Test
    void an_adopted_spec_has_the_front_matter_of_a_new_draft_contract() {
        String md = DraftedSpec.frontMatter("feature-004", "Owners: \"pets\"", "Ada Lovelace",
                LocalDate.of(2026, 12, 7), List.of("petclinic", "java"));
        assertEquals("---\nid: feature-004\ntitle: \"Owners: \\\"pets\\\"\"\nstatus: draft\ncreated: 2026-12-07\n"
                + "updated: 2026-12-07\nauthor: Ada Lovelace\ntags: [petclinic, java]\npriority: medium\n---\n", md);
    }
}
