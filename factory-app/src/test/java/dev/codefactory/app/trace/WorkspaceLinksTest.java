package dev.codefactory.app.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-010/FR-006, feature-010/FR-013
class WorkspaceLinksTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;

    private WorkspaceLinks.Result read(String... pathsAndContents) {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        git.commitFiles(repo, "files", pathsAndContents);
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            return new WorkspaceLinks(factory::workspace, factory::files).read(ScanRequest.everything());
        }
    }

    private static List<String> sites(WorkspaceLinks.Result result) {
        return result.sites().stream().map(s -> s.location() + " " + s.kind().word() + " " + s.ref()).toList();
    }

    @Test
    void linksInCommentsOfAnyLanguageAndTagsInTestFilesAreReadWithTheirLines() {
        WorkspaceLinks.Result result = read(
                "src/main/java/a/Parser.java", "package a;\n\n// implements feature-001/FR-001, feature-001/FR-002\n"
                        + "class Parser implements Runnable {\n  public void run() {}\n}\n",
                "tool/cli.py", "import sys\n# implements feature-002/NFR-001\n",
                "cmd/main.go", "package main\r\n\r\n// implements feature-002/FR-003\r\nfunc main() {}\r\n",
                "src/test/java/a/ParserTest.java", "package a;\nclass ParserTest {\n  @Tag(\"feature-001/FR-001\")\n"
                        + "  void parses() {} // covers feature-001/FR-002\n}\n",
                "src/main/java/a/Tagged.java", "@Tag(\"feature-001/FR-009\")\nclass Tagged {}\n");
        assertEquals(List.of(
                "cmd/main.go:3 implements feature-002/FR-003",
                "src/main/java/a/Parser.java:3 implements feature-001/FR-001",
                "src/main/java/a/Parser.java:3 implements feature-001/FR-002",
                "src/test/java/a/ParserTest.java:3 covers feature-001/FR-001",
                "src/test/java/a/ParserTest.java:4 covers feature-001/FR-002",
                "tool/cli.py:2 implements feature-002/NFR-001"), sites(result));
        assertEquals(List.of(), result.findings());
        assertEquals(5, result.filesRead());
    }

    @Test
    void malformedReferencesAreFindingsWithFileAndLine() {
        WorkspaceLinks.Result result = read(
                "a.py", "x = 1\n# implements feature-001/FR-1\n# covers FR-002\n# implements feature-001/FR-003\n");
        assertEquals(List.of("a.py:4 implements feature-001/FR-003"), sites(result));
        assertEquals(List.of("a.py:2", "a.py:3"), result.findings().stream().map(LinkSiteFinding::location).toList());
        assertEquals("feature-001/FR-1", result.findings().get(0).text());
        assertTrue(result.findings().get(1).message().contains("does not name the spec"),
                result.findings().get(1).message());
    }

    @Test
    void theSpecsReportsAndIgnoredFilesAreNotRead() {
        GitSandbox.write(repo.resolve("build/Gen.java"), "// implements feature-001/FR-002\n");
        WorkspaceLinks.Result result = read(
                ".gitignore", "build/\n",
                "contracts/specs/a.md", "---\nid: feature-001\n---\n`implements feature-001/FR-001`\n",
                "reports/review-2026-01-01.md", "implements feature-001/FR-001\n",
                "README.md", "Write `implements feature-001/FR-001` in a comment.\n");
        // the build folder is ignored, the specs and reports are the project's records: only the README is read
        assertEquals(List.of("README.md:1 implements feature-001/FR-001"), sites(result));
    }

    @Test
    void aBinaryFileWithALinkGetsAFindingAndItsLinksAreNotRead() throws Exception {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        byte[] text = "\0\0// implements feature-001/FR-001\n".getBytes(StandardCharsets.ISO_8859_1);
        GitSandbox.write(repo.resolve("blob.bin"), text);
        GitSandbox.write(repo.resolve("empty.bin"), new byte[] {0, 1, 2, 0});
        git.git(repo, "add", "-A");
        git.git(repo, "commit", "-q", "-m", "binaries");
        WorkspaceLinks.Result result;
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            result = new WorkspaceLinks(factory::workspace, factory::files).read(ScanRequest.everything());
        }
        assertEquals(List.of(), result.sites());
        assertEquals(1, result.findings().size(), result.findings().toString());
        LinkSiteFinding finding = result.findings().get(0);
        assertEquals("blob.bin", finding.location());
        assertTrue(finding.message().contains("feature-001/FR-001") && finding.message().contains("binary"),
                finding.message());
    }

    @Test
    void aFileOverTheSizeLimitWithALinkGetsAFinding() {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        git.commitFiles(repo, "big", "big.txt", "// implements feature-001/FR-001\n" + "x".repeat(200) + "\n",
                "small.txt", "// implements feature-001/FR-002\n");
        WorkspaceLinks.Result result;
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            result = new WorkspaceLinks(factory::workspace, factory::files).read(new ScanRequest(List.of(), 100, 0));
        }
        assertEquals(List.of("small.txt:1 implements feature-001/FR-002"), sites(result));
        assertEquals(List.of("big.txt"), result.findings().stream().map(LinkSiteFinding::location).toList());
        assertTrue(result.findings().get(0).message().contains("size limit"), result.findings().get(0).message());
    }
}
