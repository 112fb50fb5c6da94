package dev.codefactory.domain.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.trace.RequirementId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftTest {
    private static final String SPEC = "---\nid: feature-001\nstatus: implemented\n---\n\n# Login\n\n## Requirements\n\n"
            + "- FR-001: a wrong password is refused.\n- FR-002: a right one is accepted.\n";
    private static final RequirementId FR1 = RequirementId.parse("FR-001");
    private static final RequirementId FR2 = RequirementId.parse("FR-002");

    private static FileChange change(String path, FileChange.Lines... ranges) {
        return new FileChange(path, Optional.empty(), false, 3, 1, List.of("c2", "c1"), List.of(ranges));
    }

    private static DriftRow row(String specNow, List<LinkedLine> links, List<String> matched,
                                Map<String, FileChange> changes) {
        return Drift.row("feature-001", "contracts/specs/feature-001-login.md", "r", "s", Optional.of(SPEC), specNow,
                links, matched, changes, Optional.empty());
    }

    // covers feature-010/FR-011
    @Test
    void a_changed_linked_file_is_code_drift_naming_the_requirement_whose_lines_changed() {
        List<LinkedLine> links = List.of(new LinkedLine("src/Login.java", 3, FR1),
                new LinkedLine("src/Login.java", 10, FR2));
        DriftRow r = row(SPEC, links, List.of(), Map.of("src/Login.java",
                change("src/Login.java", new FileChange.Lines(12, 14)), "other.txt", change("other.txt")));
        assertEquals(DriftStatus.CODE_CHANGED, r.status());
        assertTrue(r.status().drift());
        assertEquals(List.of(FR2), r.changedRequirements());
        DriftFile f = r.files().get(0);
        assertEquals("src/Login.java", f.path());
        assertTrue(f.linked());
        assertEquals(List.of("c2", "c1"), f.commits());
        assertEquals(List.of(FR2), f.requirements());
        assertEquals(1, r.files().size(), "a file neither linked nor matched is not this spec's");
    }

    @Test
    void a_link_names_its_lines_up_to_the_next_link_and_a_removal_counts_for_the_lines_around_it() {
        List<LinkedLine> links = List.of(new LinkedLine("a", 3, FR1), new LinkedLine("a", 10, FR2));
        FileChange removalBetween = change("a", new FileChange.Lines(9, 10));
        assertEquals(List.of(FR1, FR2), Drift.touched(links, removalBetween));
        assertEquals(List.of(FR1), Drift.touched(links, change("a", new FileChange.Lines(1, 5))));
        assertEquals(List.of(), Drift.touched(links, change("a", new FileChange.Lines(1, 2))));
    }

    // covers feature-010/FR-011
    @Test
    void a_matched_file_that_changed_is_drift_without_requirements() {
        DriftRow r = row(SPEC, List.of(), List.of("src/Match.java"), Map.of("src/Match.java",
                change("src/Match.java", new FileChange.Lines(1, 1))));
        assertEquals(DriftStatus.CODE_CHANGED, r.status());
        assertFalse(r.files().get(0).linked());
        assertEquals(List.of(), r.changedRequirements());
    }

    // covers feature-010/FR-012
    @Test
    void requirements_edited_while_the_code_stayed_is_drift_the_other_way() {
        String now = SPEC.replace("a right one is accepted", "a right one is accepted within a second")
                + "- FR-003: new.\n- without an id\n";
        DriftRow r = row(now, List.of(new LinkedLine("src/Login.java", 3, FR1)), List.of(), Map.of());
        assertEquals(DriftStatus.SPEC_CHANGED, r.status());
        assertEquals(List.of("FR-002", "FR-003", "line 13"), r.editedRequirements());
    }

    @Test
    void nothing_changed_is_in_sync_and_front_matter_or_prose_edits_are_not_requirement_edits() {
        String now = SPEC.replace("status: implemented", "status: implemented\nreconciled: r")
                .replace("# Login\n", "# Login\n\nSome prose.\n");
        DriftRow r = row(now, List.of(), List.of(), Map.of());
        assertEquals(DriftStatus.IN_SYNC, r.status());
        assertFalse(r.status().drift());
    }

    @Test
    void both_directions_at_once() {
        String now = SPEC.replace("- FR-001: a wrong password is refused.\n", "");
        DriftRow r = row(now, List.of(new LinkedLine("a", 1, FR1)), List.of(), Map.of("a",
                change("a", new FileChange.Lines(4, 4))));
        assertEquals(DriftStatus.BOTH_CHANGED, r.status());
        assertEquals(List.of("FR-001"), r.editedRequirements());
        assertEquals(List.of(FR1), r.changedRequirements());
        assertEquals(3, r.added());
    }
}
