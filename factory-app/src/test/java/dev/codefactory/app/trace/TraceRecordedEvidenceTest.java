package dev.codefactory.app.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.trace.TraceUseCase.TraceCommand;
import dev.codefactory.domain.adopt.Capability;
import dev.codefactory.domain.adopt.DraftedSpec;
import dev.codefactory.domain.adopt.RecordedEvidence;
import dev.codefactory.domain.adopt.SourceLocation;
import dev.codefactory.domain.adopt.Surface;
import dev.codefactory.domain.adopt.SurfaceKind;
import dev.codefactory.domain.adopt.TestCase;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factory trace} counts the evidence an adopted spec records under its requirements as their links. */
// covers feature-011/FR-010
class TraceRecordedEvidenceTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;

    private static final SourceLocation CODE = new SourceLocation("src/main/java/p/Owners.java", 3);
    private static final SourceLocation TEST = new SourceLocation("src/test/java/p/OwnersTest.java", 0);
    private static final SourceLocation GONE = new SourceLocation("src/main/java/p/Gone.java", 7);

    /** An adopted spec as drafting writes it: the model's body checked, the front matter of a new draft. */
    private static String adopted(String status) {
        String body = "# Owners\n\n## Overview\n\nOwners are kept.\n\n## Requirements\n\n### Functional\n\n"
                + "- FR-001: Owners are listed.\n" + RecordedEvidence.line(List.of(CODE), List.of(TEST)) + "\n"
                + "- FR-002: Owners are archived.\n" + RecordedEvidence.line(List.of(GONE), List.of()) + "\n"
                + "- FR-003: Owners are counted.\n\n## Open Questions\n\nNone.\n";
        Capability owners = new Capability("owners", "Owners", "p", List.of("p"),
                List.of(new Surface(SurfaceKind.PUBLIC_TYPE, "Owners", CODE, ""),
                        new Surface(SurfaceKind.PUBLIC_TYPE, "Gone", GONE, "")),
                List.of(new TestCase("listsOwners", TEST)), List.of(), "");
        DraftedSpec drafted = DraftedSpec.read(body, owners, false);
        assertEquals(List.of("line 15: FR-003 has no evidence line: add one under it, \"  Evidence: impl"
                + "ements `path:line`, covers `path:line`\", with locations of the evidence given"),
                drafted.problems(), "the spec is as drafting leaves it (FR-003 written by a person)");
        return (DraftedSpec.frontMatter("feature-001", "Owners", "Ada", LocalDate.of(2026, 12, 7), List.of("p"))
                + "\n" + drafted.body()).replace("status: draft", "status: " + status);
    }

    @Test
    void recorded_evidence_links_its_requirement_and_a_missing_file_is_a_finding() {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            factory.init();
            git.commitFiles(repo, "adopted", "contracts/specs/feature-001-owners.md", adopted("approved"),
                    "src/main/java/p/Owners.java", "package p;\n\npublic class Owners {}\n",
                    "src/test/java/p/OwnersTest.java", "package p;\nclass OwnersTest {}\n");
            TraceMatrix m = factory.trace(TraceCommand.defaults().withReport(false)).matrix();
            assertEquals(List.of("feature-001/FR-001 [src/main/java/p/Owners.java:3] [src/test/java/p/OwnersTest.java:1]",
                    "feature-001/FR-002 [] []", "feature-001/FR-003 [] []"),
                    m.rows().stream().map(r -> r.ref() + " " + sites(r.implementing()) + " " + sites(r.covering()))
                            .toList());
            assertEquals(List.of("feature-001/FR-002 CODE_AND_TEST", "feature-001/FR-003 CODE_AND_TEST"),
                    m.uncovered().stream().map(u -> u.ref() + " " + u.missing()).toList());
            List<LinkSiteFinding> findings = m.findings();
            assertEquals(1, findings.size(), findings.toString());
            assertEquals("contracts/specs/feature-001-owners.md:25", findings.get(0).location());
            assertEquals("src/main/java/p/Gone.java:7", findings.get(0).text());
            assertEquals("the evidence of feature-001/FR-002 names src/main/java/p/Gone.java:7, which does not exist:"
                    + " correct the location (path:line), or remove it", findings.get(0).message());
            assertEquals(List.of(), m.orphans());
        }
    }

    @Test
    void a_spec_without_recorded_evidence_traces_as_before() {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            factory.init();
            git.commitFiles(repo, "spec", "contracts/specs/feature-001-a.md", TraceServiceTest.spec("feature-001",
                    "approved", "- FR-001: a\n"), "src/A.java", WorkspaceLinksTest.words("// IMPL feature-001/FR-001\n"));
            TraceMatrix m = factory.trace(TraceCommand.defaults().withReport(false)).matrix();
            assertEquals("[src/A.java:1]", sites(m.rows().get(0).implementing()).toString());
            assertEquals(List.of(), m.findings());
        }
    }

    private static List<String> sites(List<LinkSite> sites) {
        return sites.stream().map(LinkSite::location).toList();
    }
}
