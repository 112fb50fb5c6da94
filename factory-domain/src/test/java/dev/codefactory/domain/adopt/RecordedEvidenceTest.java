package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.spec.Requirement;
import dev.codefactory.domain.spec.Requirements;
import dev.codefactory.domain.trace.RequirementItem;
import dev.codefactory.domain.trace.SpecRequirements;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-011/FR-010
class RecordedEvidenceTest {
    private static final String SPEC = "---\nid: feature-004\ntitle: Owners\n---\n\n# Owners\n\n## Requirements\n\n"
            + "### Functional\n\n"
            + "- FR-001: Owners are listed by last name,\n  whatever their first name.\n"
            + RecordedEvidence.line(List.of(new SourceLocation("src/Owner.java", 42),
                    new SourceLocation("src/OwnerRepository.java", 0)), List.of(new SourceLocation("src/OwnerTest.java",
                    30))) + "\n"
            + "- FR-002: An owner can be added.\n"
            + RecordedEvidence.line(List.of(), List.of(new SourceLocation("src/OwnerTest.java", 55))) + "\n"
            + "\n  Evidence: covers `not/under/a/requirement.java:1`\n\n"
            + "## Open Questions\n\n- Evidence: implements `src/Nope.java:1` is prose here\n";

    @Test
    void the_line_lists_the_code_then_the_tests_as_code_spans() {
        assertEquals("  Evidence: implements `src/A.java:42`, `src/B.java`, covers `src/ATest.java:30`",
                RecordedEvidence.line(List.of(new SourceLocation("src/A.java", 42), new SourceLocation("src/B.java", 0)),
                        List.of(new SourceLocation("src/ATest.java", 30))));
        assertEquals("  Evidence: covers `t.py:3`", RecordedEvidence.line(List.of(),
                List.of(new SourceLocation("t.py", 3))));
        assertEquals("", RecordedEvidence.line(List.of(), List.of()));
    }

    @Test
    void reads_each_location_with_the_requirement_it_is_under_and_the_spec_line() {
        List<RecordedEvidence.Entry> entries = RecordedEvidence.read(SPEC);
        assertEquals(List.of(
                new RecordedEvidence.Entry("FR-001", true, new SourceLocation("src/Owner.java", 42), 14),
                new RecordedEvidence.Entry("FR-001", true, new SourceLocation("src/OwnerRepository.java", 0), 14),
                new RecordedEvidence.Entry("FR-001", false, new SourceLocation("src/OwnerTest.java", 30), 14),
                new RecordedEvidence.Entry("FR-002", false, new SourceLocation("src/OwnerTest.java", 55), 16)),
                entries);
    }

    @Test
    void reads_a_body_with_the_line_numbers_of_its_file() {
        String body = SPEC.substring(SPEC.indexOf("---\n\n") + 4);
        assertEquals(14, RecordedEvidence.read(body, 5).get(0).line());
    }

    @Test
    void the_requirement_parser_keeps_the_evidence_line_out_of_the_requirement() {
        List<RequirementItem> items = SpecRequirements.read(SPEC, 1).items();
        assertEquals(List.of("Owners are listed by last name, whatever their first name.", "An owner can be added."),
                items.stream().map(RequirementItem::text).toList());
        assertEquals(List.of(), SpecRequirements.read(SPEC, 1).findings());
        List<Requirement> statements = Requirements.statements("feature-004", SPEC, 1);
        assertEquals(2, statements.size());
        assertTrue(statements.stream().noneMatch(r -> r.text().contains("Evidence")), statements::toString);
    }

    @Test
    void a_path_with_backticks_or_control_characters_keeps_the_markdown_intact_and_reads_back() {
        String line = RecordedEvidence.line(List.of(new SourceLocation("odd`name.js", 3),
                new SourceLocation("bad\nname.js", 4)), List.of());
        assertEquals("  Evidence: implements `` odd`name.js:3 ``, `bad?name.js:4`", line);
        List<RecordedEvidence.Entry> back = RecordedEvidence.read("## Requirements\n\n- FR-001: x\n" + line + "\n");
        assertEquals(List.of(new SourceLocation("odd`name.js", 3), new SourceLocation("bad?name.js", 4)),
                back.stream().map(RecordedEvidence.Entry::at).toList());
    }

    @Test
    void an_evidence_line_in_a_fence_or_after_a_requirement_without_id_is_not_read() {
        assertEquals(List.of(), RecordedEvidence.read("## Requirements\n\n- Owners are listed.\n"
                + "  Evidence: implements `a.java:1`\n\n```\n- FR-001: x\n  Evidence: implements `b.java:2`\n```\n"));
    }

    @Test
    void trace_sees_no_link_in_an_evidence_line() {
        var scanned = dev.codefactory.domain.trace.Links.scan(RecordedEvidence.line(
                List.of(new SourceLocation("feature-001/FR-001", 1)), List.of(new SourceLocation("a.java", 2))), false);
        assertEquals(List.of(), scanned.links());
        assertEquals(List.of(), scanned.findings());
    }
}
