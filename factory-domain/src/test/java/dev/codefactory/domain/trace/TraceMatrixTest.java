package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.spec.SpecId;
import dev.codefactory.domain.spec.SpecStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-010/FR-007
class TraceMatrixTest {

    private static TraceMatrix.Spec spec(String id, SpecStatus status, String requirements) {
        return new TraceMatrix.Spec(new SpecId(id), status, "contracts/specs/" + id + ".md",
                SpecRequirements.read("# T\n\n## Requirements\n" + requirements, 5));
    }

    private static LinkSite site(String ref, LinkKind kind, String path, int line) {
        return new LinkSite(RequirementRef.parse(ref), kind, path, line);
    }

    private static final List<TraceMatrix.Spec> SPECS = List.of(
            spec("feature-002", SpecStatus.APPROVED, "- FR-001: one\n- FR-002: two\n- NFR-001: fast\n"),
            spec("feature-001", SpecStatus.IMPLEMENTED, "- FR-001: alpha\n- FR-002: beta\n"),
            spec("feature-003", SpecStatus.DRAFT, "- FR-001: draft\n"),
            spec("feature-004", SpecStatus.DEPRECATED, "- FR-001: old\n"));

    private static final List<LinkSite> SITES = List.of(
            site("feature-001/FR-001", LinkKind.IMPLEMENTS, "src/b/B.java", 9),
            site("feature-001/FR-001", LinkKind.IMPLEMENTS, "src/a/A.java", 3),
            site("feature-001/FR-001", LinkKind.COVERS, "test/ATest.java", 4),
            site("feature-001/FR-002", LinkKind.COVERS, "test/ATest.java", 8),
            site("feature-002/FR-002", LinkKind.IMPLEMENTS, "cmd/main.go", 2),
            site("feature-003/FR-001", LinkKind.IMPLEMENTS, "x.py", 1),
            site("feature-004/FR-001", LinkKind.IMPLEMENTS, "old.py", 7),
            site("feature-009/FR-001", LinkKind.COVERS, "test/ghost_test.py", 1),
            site("feature-002/FR-007", LinkKind.IMPLEMENTS, "cmd/main.go", 5));

    @Test
    void rowsHoldTheImplementingAndCoveringSitesInFileOrder() {
        TraceMatrix m = TraceMatrix.build(SPECS, SITES, List.of());
        assertEquals(List.of("feature-001/FR-001", "feature-001/FR-002", "feature-002/FR-001", "feature-002/FR-002",
                "feature-002/NFR-001", "feature-003/FR-001"), m.rows().stream().map(r -> r.ref().toString()).toList());
        TraceMatrix.Row row = m.row(RequirementRef.parse("feature-001/FR-001")).orElseThrow();
        assertEquals(List.of("src/a/A.java:3", "src/b/B.java:9"),
                row.implementing().stream().map(LinkSite::location).toList());
        assertEquals(List.of("test/ATest.java:4"), row.covering().stream().map(LinkSite::location).toList());
        assertEquals("alpha", row.text());
        assertEquals(8, row.line()); // the body starts at line 5: title, blank, heading, the item
        assertEquals(List.of("src/a/A.java", "src/b/B.java", "test/ATest.java"),
                m.filesLinkedTo(new SpecId("feature-001")));
    }

    @Test
    void orphansAreLinksToMissingSpecsMissingRequirementsAndDeprecatedSpecs() {
        TraceMatrix m = TraceMatrix.build(SPECS, SITES, List.of());
        assertEquals(List.of("cmd/main.go:5 NO_REQUIREMENT", "old.py:7 DEPRECATED_SPEC",
                        "test/ghost_test.py:1 NO_SPEC"),
                m.orphans().stream().map(o -> o.site().location() + " " + o.reason()).toList());
        assertTrue(m.orphans().get(0).message().contains("has no requirement FR-007"), m.orphans().get(0).message());
    }

    @Test
    void uncoveredAreTheApprovedAndImplementedRequirementsLackingCodeOrTests() {
        TraceMatrix m = TraceMatrix.build(SPECS, SITES, List.of());
        assertEquals(List.of("feature-001/FR-002 CODE", "feature-002/FR-001 CODE_AND_TEST",
                        "feature-002/FR-002 TEST", "feature-002/NFR-001 CODE_AND_TEST"),
                m.uncovered().stream().map(u -> u.ref() + " " + u.missing()).toList());
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        List<LinkSite> shuffled = new ArrayList<>(SITES);
        Collections.reverse(shuffled);
        List<TraceMatrix.Spec> specs = new ArrayList<>(SPECS);
        Collections.reverse(specs);
        assertEquals(TraceMatrix.build(SPECS, SITES, List.of()), TraceMatrix.build(specs, shuffled, List.of()));
    }

    @Test
    void aDuplicateIdIsAFindingAndItsFirstRequirementIsLinked() {
        TraceMatrix m = TraceMatrix.build(List.of(spec("feature-001", SpecStatus.DRAFT,
                "- FR-001: first\n- FR-001: second\n")), List.of(site("feature-001/FR-001", LinkKind.COVERS, "t", 1)),
                List.of(new LinkSiteFinding("z.py", 3, "feature-001/FR-1", "malformed")));
        assertEquals(List.of("contracts/specs/feature-001.md:9", "z.py:3"),
                m.findings().stream().map(LinkSiteFinding::location).toList());
        assertEquals("first", m.rows().get(0).text());
        assertEquals(1, m.rows().get(0).covering().size());
        assertEquals(List.of(), m.uncovered()); // a draft is never uncovered
    }
}
