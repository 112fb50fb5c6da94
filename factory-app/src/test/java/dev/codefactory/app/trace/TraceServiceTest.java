package dev.codefactory.app.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.app.trace.TraceUseCase.TraceCommand;
import dev.codefactory.app.trace.TraceUseCase.TraceOutcome;
import dev.codefactory.app.trace.TraceUseCase.TraceProgress;
import dev.codefactory.domain.trace.LinkSite;
import dev.codefactory.domain.trace.TraceMatrix;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-010/FR-007, feature-010/FR-013, feature-010/NFR-003
class TraceServiceTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;

    static String spec(String id, String status, String requirements) {
        return "---\nid: " + id + "\ntitle: Spec " + id + "\nstatus: " + status + "\ncreated: 2026-01-01\n"
                + "updated: 2026-01-01\nauthor: Ada\ntags: []\npriority: medium\n---\n\n# Spec " + id + "\n\n"
                + "## Overview\nA spec.\n\n## Requirements\n" + requirements + "\n## Acceptance Criteria\n"
                + "- [ ] it works\n";
    }

    private CodeFactory project(GitSandbox git) {
        git.init(repo);
        CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build();
        factory.init();
        return factory;
    }

    @Test
    void theMatrixLinksCodeAndTestsInSeveralLanguagesAndSavesItsReport() throws Exception {
        GitSandbox git = GitSandbox.at(home);
        try (CodeFactory factory = project(git)) {
            git.commitFiles(repo, "specs and code", WorkspaceLinksTest.words(
                    "contracts/specs/feature-001-parse.md", spec("feature-001", "implemented",
                            "- FR-001: parses\n- FR-002: reports errors\n- NFR-001: fast\n"),
                    "contracts/specs/feature-002-old.md", spec("feature-002", "deprecated", "- FR-001: old\n"),
                    "contracts/specs/feature-003-next.md", spec("feature-003", "approved", "- FR-001: next\n"),
                    "src/main/java/p/Parser.java", "package p;\n// IMPL feature-001/FR-001\nclass Parser {}\n",
                    "tool/report.py", "# IMPL feature-001/FR-002\r\nprint('x')\r\n",
                    "cmd/main.go", "package main\n\n// IMPL feature-002/FR-001\nfunc main() {}\n",
                    "src/test/java/p/ParserTest.java", "package p;\nclass ParserTest {\n"
                            + "  @Tag(\"feature-001/FR-001\")\n  void parses() {}\n"
                            + "  // COV feature-001/FR-009, feature-007/FR-001\n}\n"));
            Files.write(repo.resolve("logo.bin"), ("\0\0cov" + "ers feature-001/NFR-001\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            List<Integer> progress = new ArrayList<>();
            TraceOutcome outcome = factory.trace(TraceCommand.defaults(), new TraceProgress() {
                @Override
                public void reading(int done, int total, Duration elapsed) {
                    progress.add(done);
                }
            });
            TraceMatrix m = outcome.matrix();
            assertEquals(List.of("feature-001/FR-001 [src/main/java/p/Parser.java:2] [src/test/java/p/ParserTest.java:3]",
                    "feature-001/FR-002 [tool/report.py:1] []", "feature-001/NFR-001 [] []",
                    "feature-003/FR-001 [] []"),
                    m.rows().stream().map(r -> r.ref() + " " + sites(r.implementing()) + " " + sites(r.covering()))
                            .toList());
            assertEquals(List.of("cmd/main.go:3 DEPRECATED_SPEC", "src/test/java/p/ParserTest.java:5 NO_REQUIREMENT",
                    "src/test/java/p/ParserTest.java:5 NO_SPEC"),
                    m.orphans().stream().map(o -> o.site().location() + " " + o.reason()).toList());
            assertEquals(List.of("feature-001/FR-002 TEST", "feature-001/NFR-001 CODE_AND_TEST",
                    "feature-003/FR-001 CODE_AND_TEST"),
                    m.uncovered().stream().map(u -> u.ref() + " " + u.missing()).toList());
            assertEquals(List.of("logo.bin"), m.findings().stream().map(f -> f.location()).toList());
            assertEquals(3, outcome.specs());
            assertTrue(!progress.isEmpty() && progress.get(progress.size() - 1) > 0, progress.toString());
            String report = outcome.reportPath().orElseThrow();
            assertTrue(report.matches("reports/trace-\\d{4}-\\d{2}-\\d{2}\\.md"), report);
            String markdown = Files.readString(repo.resolve(report));
            assertTrue(markdown.contains("| feature-001/FR-001 | implemented | src/main/java/p/Parser.java:2 |"
                    + " src/test/java/p/ParserTest.java:3 |"), markdown);
            assertTrue(markdown.contains("| feature-003/FR-001 | approved | no code, no test |"), markdown);
        }
    }

    @Test
    void withoutTheReportNothingIsWritten() throws Exception {
        GitSandbox git = GitSandbox.at(home);
        try (CodeFactory factory = project(git)) {
            git.commitFiles(repo, "spec", "contracts/specs/feature-001-a.md", spec("feature-001", "draft",
                    "- FR-001: a\n"));
            TraceOutcome outcome = factory.trace(TraceCommand.defaults().withReport(false));
            assertEquals(1, outcome.matrix().rows().size());
            assertTrue(outcome.reportPath().isEmpty());
            assertTrue(!Files.exists(repo.resolve("reports")) || Files.list(repo.resolve("reports"))
                    .noneMatch(p -> p.getFileName().toString().startsWith("trace-")));
        }
    }

    private static List<String> sites(List<LinkSite> sites) {
        return sites.stream().map(LinkSite::location).toList();
    }
}
