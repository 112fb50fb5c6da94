package dev.codefactory.app.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.app.CodeFactory;
import dev.codefactory.domain.trace.LinkKind;
import dev.codefactory.domain.trace.LinkSiteFinding;
import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.testsupport.GitSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-010/FR-006, feature-010/FR-013
class WorkspaceLinksTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;

    /**
     * The fixtures write the link words as IMPL and COV, so that this project's own trace does not read them as its
     * links; this puts the words back.
     */
    static String words(String text) {
        return text.replace("IMPL ", "implements ").replace("COV ", "covers ");
    }

    static String[] words(String... pathsAndContents) {
        String[] out = pathsAndContents.clone();
        for (int i = 1; i < out.length; i += 2) {
            out[i] = words(out[i]);
        }
        return out;
    }

    private WorkspaceLinks.Result read(String... pathsAndContents) {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        git.commitFiles(repo, "files", words(pathsAndContents));
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            return new WorkspaceLinks(factory::workspace, factory::files).read(ScanRequest.everything());
        }
    }

    private static List<String> sites(WorkspaceLinks.Result result) {
        return result.sites().stream().map(s -> s.location() + " " + (s.kind() == LinkKind.IMPLEMENTS ? "IMPL" : "COV")
                + " " + s.ref()).toList();
    }

    @Test
    void linksInCommentsOfAnyLanguageAndTagsInTestFilesAreReadWithTheirLines() {
        WorkspaceLinks.Result result = read(
                "src/main/java/a/Parser.java", "package a;\n\n// IMPL feature-001/FR-001, feature-001/FR-002\n"
                        + "class Parser implements Runnable {\n  public void run() {}\n}\n",
                "tool/cli.py", "import sys\n# IMPL feature-002/NFR-001\n",
                "cmd/main.go", "package main\r\n\r\n// IMPL feature-002/FR-003\r\nfunc main() {}\r\n",
                "src/test/java/a/ParserTest.java", "package a;\nclass ParserTest {\n  @Tag(\"feature-001/FR-001\")\n"
                        + "  void parses() {} // COV feature-001/FR-002\n}\n",
                "src/main/java/a/Tagged.java", "@Tag(\"feature-001/FR-009\")\nclass Tagged {}\n");
        assertEquals(List.of(
                "cmd/main.go:3 IMPL feature-002/FR-003",
                "src/main/java/a/Parser.java:3 IMPL feature-001/FR-001",
                "src/main/java/a/Parser.java:3 IMPL feature-001/FR-002",
                "src/test/java/a/ParserTest.java:3 COV feature-001/FR-001",
                "src/test/java/a/ParserTest.java:4 COV feature-001/FR-002",
                "tool/cli.py:2 IMPL feature-002/NFR-001"), sites(result));
        assertEquals(List.of(), result.findings());
        assertEquals(5, result.filesRead());
    }

    @Test
    void inMarkdownAFencedExampleIsNoLinkWhileACommentOrALineIs() {
        WorkspaceLinks.Result result = read(
                "README.md", "# Tool\n\n<!-- IMPL feature-001/FR-001 -->\n```java\n// IMPL feature-001/FR-002\n"
                        + "~~~\n// IMPL feature-001/FR-003\n```\nSee: IMPL feature-001/FR-004\n"
                        + "~~~~ text\nCOV feature-001/FR-005\n~~~~\n",
                "notes.txt", "```\n// IMPL feature-001/FR-006\n```\n");
        assertEquals(List.of(
                "README.md:3 IMPL feature-001/FR-001",
                "README.md:9 IMPL feature-001/FR-004",
                "notes.txt:2 IMPL feature-001/FR-006"), sites(result), "fences are markdown's only");
    }

    @Test
    void malformedReferencesAreFindingsWithFileAndLine() {
        WorkspaceLinks.Result result = read(
                "a.py", "x = 1\n# IMPL feature-001/FR-1\n# COV FR-002\n# IMPL feature-001/FR-003\n");
        assertEquals(List.of("a.py:4 IMPL feature-001/FR-003"), sites(result));
        assertEquals(List.of("a.py:2", "a.py:3"), result.findings().stream().map(LinkSiteFinding::location).toList());
        assertEquals("feature-001/FR-1", result.findings().get(0).text());
        assertTrue(result.findings().get(1).message().contains("does not name the spec"),
                result.findings().get(1).message());
    }

    @Test
    void theSpecsReportsAndIgnoredFilesAreNotRead() {
        GitSandbox.write(repo.resolve("build/Gen.java"), words("// IMPL feature-001/FR-002\n"));
        WorkspaceLinks.Result result = read(
                ".gitignore", "build/\n",
                "contracts/specs/a.md", "---\nid: feature-001\n---\n`IMPL feature-001/FR-001`\n",
                "reports/review-2026-01-01.md", "IMPL feature-001/FR-001\n",
                "README.md", "Write `IMPL feature-001/FR-001` in a comment.\n");
        // the build folder is ignored, the specs and reports are the project's records: only the README is read
        assertEquals(List.of("README.md:1 IMPL feature-001/FR-001"), sites(result));
    }

    @Test
    void aBinaryFileWithALinkGetsAFindingAndItsLinksAreNotRead() throws Exception {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        byte[] text = words("\0\0// IMPL feature-001/FR-001\n").getBytes(StandardCharsets.ISO_8859_1);
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
        git.commitFiles(repo, "big", "big.txt", words("// IMPL feature-001/FR-001\n") + "x".repeat(200) + "\n",
                "small.txt", words("// IMPL feature-001/FR-002\n"));
        WorkspaceLinks.Result result;
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            result = new WorkspaceLinks(factory::workspace, factory::files).read(new ScanRequest(List.of(), 100, 0));
        }
        assertEquals(List.of("small.txt:1 IMPL feature-001/FR-002"), sites(result));
        assertEquals(List.of("big.txt"), result.findings().stream().map(LinkSiteFinding::location).toList());
        assertTrue(result.findings().get(0).message().contains("size limit"), result.findings().get(0).message());
    }

    @Test
    void helperThreadsReadTheSameLinksAsTheCallerAlone() {
        GitSandbox git = GitSandbox.at(home);
        git.init(repo);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            files.add("src/f" + (i % 30) + "/F" + i + ".py");
            files.add(i % 7 == 0 ? words("# IMPL feature-001/FR-00" + (i % 9 + 1) + "\n") : "x = " + i + "\n");
        }
        git.commitFiles(repo, "many", files.toArray(String[]::new));
        List<Thread> made = new ArrayList<>();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task);
            made.add(t);
            return t;
        };
        try (CodeFactory factory = CodeFactory.builder().projectRoot(repo).isolated().build()) {
            WorkspaceLinks.Result alone = new WorkspaceLinks(factory::workspace, factory::files)
                    .read(ScanRequest.everything());
            WorkspaceLinks.Result helped = new WorkspaceLinks(factory::workspace, factory::files, threads, 2)
                    .read(ScanRequest.everything());
            assertEquals(2, made.size()); // 1,200 files: both helpers were used
            assertEquals(172, alone.sites().size());
            assertEquals(alone, helped);
        }
    }
}
