package dev.codefactory.adapter.git;

import static dev.codefactory.adapter.git.GitFixture.scannedPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.workspace.ScanRequest;
import dev.codefactory.port.workspace.ScanResult;
import dev.codefactory.port.workspace.SkipReason;
import dev.codefactory.port.workspace.SkippedFile;
import dev.codefactory.port.workspace.SourceFile;
import dev.codefactory.port.workspace.WorkspaceScanner;
import dev.codefactory.port.workspace.spi.WorkspaceScannerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-004/FR-003
class GitWorkspaceScannerTest {
    @TempDir
    Path temp;

    private static final String CODE = "class A {}\n";

    private static SkippedFile skipped(ScanResult result, String path) {
        return result.skipped().stream().filter(s -> s.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not skipped: " + result));
    }

    private static SourceFile file(ScanResult result, String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not kept: " + result));
    }

    private static List<String> keptPaths(ScanResult result) {
        return result.files().stream().map(SourceFile::path).collect(Collectors.toList());
    }

    private static void assertSameAsGit(GitFixture repo) {
        Set<String> git = repo.gitListing();
        assertEquals(git, scannedPaths(repo.scan()));
        assertEquals(git, scannedPaths(repo.thoroughScanner().scan(ScanRequest.everything())));
    }

    // ---- the same listing as git ---------------------------------------------------------------------------------

    @Test
    void lists_tracked_and_untracked_files_like_git() {
        GitFixture repo = GitFixture.init(temp).write("src/A.java", CODE).write("README.md", "# r\n").commitAll()
                .write("src/B.java", CODE).write("new/folder/deep/C.java", CODE);

        assertSameAsGit(repo);
        assertTrue(repo.gitListing().contains("new/folder/deep/C.java"));
    }

    @Test
    void applies_nested_gitignore_files_below_their_folder_only() {
        GitFixture repo = GitFixture.init(temp)
                .write(".gitignore", "*.tmp\n").write("a/.gitignore", "*.gen\n")
                .write("a/x.gen", "x").write("a/b/y.gen", "y").write("b/z.gen", "z").write("a/t.tmp", "t")
                .write("keep.java", CODE);

        assertSameAsGit(repo);
        Set<String> scanned = scannedPaths(repo.scan());
        assertTrue(scanned.contains("b/z.gen"));
        assertFalse(scanned.contains("a/b/y.gen"));
    }

    @Test
    void reincludes_a_negated_file() {
        GitFixture repo = GitFixture.init(temp).write(".gitignore", "*.log\n!keep.log\n")
                .write("drop.log", "d").write("keep.log", "k").write("sub/keep.log", "k").write("sub/drop.log", "d");

        assertSameAsGit(repo);
        assertTrue(scannedPaths(repo.scan()).contains("sub/keep.log"));
    }

    @Test
    void does_not_reinclude_a_file_below_an_excluded_folder() {
        GitFixture repo = GitFixture.init(temp).write(".gitignore", "build/\n!build/keep.txt\n")
                .write("build/keep.txt", "k").write("main.c", "int main;\n");

        assertSameAsGit(repo);
        assertFalse(scannedPaths(repo.scan()).contains("build/keep.txt"));
    }

    @Test
    void excludes_folders_matched_by_a_directory_pattern_but_not_files_of_that_name() {
        GitFixture repo = GitFixture.init(temp).write(".gitignore", "build/\n")
                .write("build/out.txt", "o").write("lib/build/deep/out.txt", "o").write("docs/build", "a file");

        assertSameAsGit(repo);
        assertTrue(scannedPaths(repo.scan()).contains("docs/build"));
    }

    @Test
    void matches_an_anchored_pattern_at_its_own_folder_only() {
        GitFixture repo = GitFixture.init(temp).write(".gitignore", "/root-only\n").write("sub/.gitignore", "/here\n")
                .write("root-only", "r").write("a/root-only", "r").write("sub/here", "h").write("sub/deeper/here", "h");

        assertSameAsGit(repo);
        assertTrue(scannedPaths(repo.scan()).contains("a/root-only"));
    }

    @Test
    void matches_double_star_patterns() {
        GitFixture repo = GitFixture.init(temp).write(".gitignore", "**/generated/**\nlogs/**/*.txt\n")
                .write("a/generated/x.java", CODE).write("generated/y.java", CODE)
                .write("logs/a/b/c.txt", "c").write("logs/a/b/c.md", "c").write("other/logs/z.txt", "z");

        assertSameAsGit(repo);
    }

    @Test
    void lists_a_tracked_file_inside_an_ignored_folder() {
        GitFixture repo = GitFixture.init(temp).write("build/tracked.txt", "t").commitAll()
                .write(".gitignore", "build/\n").write("build/untracked.txt", "u");

        assertSameAsGit(repo);
        assertTrue(file(repo.scan(), "build/tracked.txt").tracked());
        assertFalse(scannedPaths(repo.scan()).contains("build/untracked.txt"));
    }

    @Test
    void lists_a_force_added_file_matching_an_ignore_rule() {
        GitFixture repo = GitFixture.init(temp).write(".gitignore", "*.log\n").write("forced.log", "f")
                .forceAdd("forced.log").write("other.log", "o");

        assertSameAsGit(repo);
        assertTrue(scannedPaths(repo.scan()).contains("forced.log"));
    }

    @Test
    void applies_info_exclude() {
        GitFixture repo = GitFixture.init(temp).write(".git/info/exclude", "secret.txt\n")
                .write("secret.txt", "s").write("public.txt", "p");

        assertSameAsGit(repo);
        assertFalse(scannedPaths(repo.scan()).contains("secret.txt"));
    }

    @Test
    void applies_the_excludes_file_named_by_core_excludes_file() {
        GitFixture repo = GitFixture.init(temp).writeHome(".gitconfig", "[core]\n\texcludesFile = ~/my-ignores\n")
                .writeHome("my-ignores", "*.swp\n").write("a.swp", "s").write("a.txt", "t");

        assertSameAsGit(repo);
        assertFalse(scannedPaths(repo.scan()).contains("a.swp"));
    }

    @Test
    void applies_the_xdg_ignore_file_when_core_excludes_file_is_not_set() {
        GitFixture repo = GitFixture.init(temp).writeHome(".config/git/ignore", ".DS_Store\n")
                .write(".DS_Store", "d").write("a.txt", "t");

        assertSameAsGit(repo);
        assertFalse(scannedPaths(repo.scan()).contains(".DS_Store"));
    }

    @Test
    void lets_a_gitignore_negation_override_the_global_excludes() {
        GitFixture repo = GitFixture.init(temp).writeHome(".config/git/ignore", "*.env\n")
                .write(".gitignore", "!sample.env\n").write("sample.env", "s").write("real.env", "r");

        assertSameAsGit(repo);
        assertTrue(scannedPaths(repo.scan()).contains("sample.env"));
    }

    @Test
    void reports_a_deleted_tracked_file_as_missing() {
        GitFixture repo = GitFixture.init(temp).write("gone.txt", "g").write("here.txt", "h").commitAll()
                .delete("gone.txt");

        assertSameAsGit(repo);
        SkippedFile gone = skipped(repo.scan(), "gone.txt");
        assertEquals(SkipReason.UNREADABLE, gone.reason());
        assertEquals("tracked but missing from the working tree", gone.detail());
    }

    @Test
    void handles_unicode_and_space_containing_names() {
        GitFixture repo = GitFixture.init(temp).write("docs/my notes.md", "n").write("données/éte\u0301.txt", "e")
                .write("漢字/ファイル.java", CODE).commitAll().write("new dir/un tracked ✓.txt", "u")
                .write("emoji/\uD83D\uDE00.txt", "x").write("emoji/\uFF21.txt", "y");

        assertSameAsGit(repo);
    }

    @Test
    void skips_a_nested_repository_that_git_lists_as_one_entry() {
        GitFixture repo = GitFixture.init(temp).write("main.txt", "m").commitAll()
                .write("nested/.git/HEAD", "ref: refs/heads/main\n").write("nested/inner.txt", "i");
        repo.git("-C", "nested", "init", "-q");

        Set<String> git = repo.gitListing();
        assertTrue(git.contains("nested/"), git.toString());
        git.remove("nested/");
        assertEquals(git, scannedPaths(repo.scan()));
    }

    // ---- order, limits and the request's paths -------------------------------------------------------------------

    @Test
    void returns_files_in_git_path_order() {
        GitFixture repo = GitFixture.init(temp).write("a.b", "1").write("a/b", "2").write("a-c", "3")
                .write("B.txt", "4").write("a/a", "5").commitAll();

        assertEquals(List.of("B.txt", "a-c", "a.b", "a/a", "a/b"), keptPaths(repo.scan()));
    }

    @Test
    void merges_tracked_and_untracked_files_in_one_order() {
        GitFixture repo = GitFixture.init(temp).write("b.txt", "b").write("d/x.txt", "x").commitAll()
                .write("a.txt", "a").write("c.txt", "c").write("d/w.txt", "w");

        assertEquals(List.of("a.txt", "b.txt", "c.txt", "d/w.txt", "d/x.txt"), keptPaths(repo.scan()));
    }

    @Test
    void skips_files_over_the_size_limit_saying_how_large() {
        GitFixture repo = GitFixture.init(temp).write("big.txt", new byte[3 * 1024 * 1024 / 2])
                .write("small.txt", "s").commitAll();

        ScanResult result = repo.scanner().scan(new ScanRequest(List.of(), 1024 * 1024, 0));

        SkippedFile big = skipped(result, "big.txt");
        assertEquals(SkipReason.TOO_LARGE, big.reason());
        assertEquals("1.5 MB, over the 1.0 MB limit", big.detail());
        assertEquals(List.of("small.txt"), keptPaths(result));
    }

    @Test
    void skips_files_beyond_the_file_limit_in_path_order() {
        GitFixture repo = GitFixture.init(temp).write("c.txt", "c").write("a.txt", "a").write("b.txt", "b")
                .write("d.txt", "d");

        ScanResult result = repo.scanner().scan(new ScanRequest(List.of(), 1024, 2));

        assertEquals(List.of("a.txt", "b.txt"), keptPaths(result));
        assertEquals(List.of("c.txt", "d.txt"), result.skipped().stream().map(SkippedFile::path).toList());
        assertEquals(SkipReason.OVER_FILE_LIMIT, skipped(result, "c.txt").reason());
    }

    @Test
    void does_not_count_skipped_binaries_against_the_file_limit() {
        GitFixture repo = GitFixture.init(temp).write("a.bin", new byte[] {1, 0, 2}).write("b.txt", "b")
                .write("c.txt", "c");

        ScanResult result = repo.scanner().scan(new ScanRequest(List.of(), 1024, 2));

        assertEquals(List.of("b.txt", "c.txt"), keptPaths(result));
        assertEquals(SkipReason.BINARY, skipped(result, "a.bin").reason());
    }

    @Test
    void limits_the_scan_to_the_requested_files_and_folders() {
        GitFixture repo = GitFixture.init(temp).write("src/main/A.java", CODE).write("src/test/ATest.java", CODE)
                .write("docs/guide.md", "g").write("README.md", "r").commitAll().write("src/main/B.java", CODE);

        ScanResult result = repo.scanner().scan(new ScanRequest(List.of("src/main/", "./README.md"), 1024, 0));

        assertEquals(List.of("README.md", "src/main/A.java", "src/main/B.java"), keptPaths(result));
    }

    @Test
    void a_requested_folder_prefix_does_not_match_a_sibling_with_a_longer_name() {
        GitFixture repo = GitFixture.init(temp).write("src/A.java", CODE).write("src2/B.java", CODE);

        ScanResult result = repo.scanner().scan(new ScanRequest(List.of("src"), 1024, 0));

        assertEquals(List.of("src/A.java"), keptPaths(result));
    }

    @Test
    void still_applies_ignore_rules_of_parent_folders_within_requested_paths() {
        GitFixture repo = GitFixture.init(temp).write(".gitignore", "*.log\n").write("app/x.log", "x")
                .write("app/x.txt", "x");

        ScanResult result = repo.scanner().scan(new ScanRequest(List.of("app"), 1024, 0));

        assertEquals(List.of("app/x.txt"), keptPaths(result));
    }

    // ---- what is kept, and why the rest is not -------------------------------------------------------------------

    @Test
    void skips_binary_content_under_an_unknown_name() {
        GitFixture repo = GitFixture.init(temp).write("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1})
                .write("data", new byte[] {'a', 0}).commitAll();

        ScanResult result = repo.scan();

        assertEquals(SkipReason.BINARY, skipped(result, "image.png").reason());
        assertEquals(SkipReason.BINARY, skipped(result, "data").reason());
        assertTrue(result.files().isEmpty());
    }

    @Test
    void trusts_a_language_name_unless_thorough() {
        GitFixture repo = GitFixture.init(temp).write("Odd.java", new byte[] {'c', 0, 'x'}).commitAll();

        assertEquals("Java", file(repo.scan(), "Odd.java").language());
        ScanResult thorough = repo.thoroughScanner().scan(ScanRequest.everything());
        assertEquals(SkipReason.BINARY, skipped(thorough, "Odd.java").reason());
    }

    @Test
    void thorough_scan_reports_the_current_size_of_an_edited_tracked_file() {
        GitFixture repo = GitFixture.init(temp).write("A.java", CODE).commitAll().write("A.java", CODE + CODE);

        assertEquals(2L * CODE.length(), file(repo.thoroughScanner().scan(ScanRequest.everything()), "A.java").size());
    }

    @Test
    void skips_symbolic_links_without_following_them() throws Exception {
        GitFixture repo = GitFixture.init(temp).write("real.txt", "r").write("dir/in.txt", "i");
        Files.createSymbolicLink(repo.repo.resolve("link.txt"), Path.of("real.txt"));
        Files.createSymbolicLink(repo.repo.resolve("linkdir"), Path.of("dir"));
        Files.createSymbolicLink(repo.repo.resolve("outside"), temp.resolve("home"));
        repo.commitAll();

        ScanResult result = repo.scan();

        assertSameAsGit(repo);
        assertEquals(SkipReason.SYMLINK, skipped(result, "link.txt").reason());
        assertEquals(SkipReason.SYMLINK, skipped(result, "linkdir").reason());
        assertEquals(SkipReason.SYMLINK, skipped(result, "outside").reason());
        assertTrue(skipped(result, "link.txt").detail().contains("real.txt"));
        assertEquals(List.of("dir/in.txt", "real.txt"), keptPaths(result));
    }

    @Test
    void gives_each_file_its_language_by_name_then_shebang() {
        GitFixture repo = GitFixture.init(temp).write("App.java", CODE).write("Dockerfile", "FROM x\n")
                .write("bin/tool", "#!/usr/bin/env python3\nprint(1)\n").write("notes", "plain words\n")
                .write("run.sh", "#!/usr/bin/env python3\n").commitAll();

        ScanResult result = repo.scan();

        assertEquals("Java", file(result, "App.java").language());
        assertEquals("Dockerfile", file(result, "Dockerfile").language());
        assertEquals("Python", file(result, "bin/tool").language());
        assertEquals("Text", file(result, "notes").language());
        assertEquals("Shell", file(result, "run.sh").language());
    }

    @Test
    void says_which_files_are_tracked_and_gives_their_size() {
        GitFixture repo = GitFixture.init(temp).write("t.txt", "tracked").commitAll().write("u.txt", "untracked!");

        ScanResult result = repo.scan();

        assertTrue(file(result, "t.txt").tracked());
        assertEquals(7, file(result, "t.txt").size());
        assertFalse(file(result, "u.txt").tracked());
        assertEquals(10, file(result, "u.txt").size());
    }

    @Test
    void lists_files_added_to_the_index_but_never_committed() {
        GitFixture repo = GitFixture.init(temp).write("staged.txt", "s");
        repo.git("add", "staged.txt");

        assertTrue(file(repo.scan(), "staged.txt").tracked());
    }

    @Test
    void lists_every_file_of_an_empty_new_repository_as_untracked() {
        GitFixture repo = GitFixture.init(temp).write("a.txt", "a");

        assertSameAsGit(repo);
        assertFalse(file(repo.scan(), "a.txt").tracked());
    }

    // ---- outside a repository ------------------------------------------------------------------------------------

    @Test
    void lists_a_plain_folder_except_factory_state_and_gitignored_files() {
        GitFixture folder = GitFixture.folder(temp).write("src/A.java", CODE).write(".gitignore", "out/\n*.log\n")
                .write("out/A.class", "c").write("x.log", "l").write(".factory/cache/k", "k")
                .write("sub/.factory/kept.txt", "k");

        ScanResult result = folder.scan();

        assertEquals(List.of(".gitignore", "src/A.java", "sub/.factory/kept.txt"), keptPaths(result));
        assertTrue(result.files().stream().noneMatch(SourceFile::tracked));
    }

    @Test
    void ignores_the_users_global_excludes_outside_a_repository() {
        GitFixture folder = GitFixture.folder(temp).writeHome(".config/git/ignore", "*.txt\n").write("a.txt", "a");

        assertEquals(List.of("a.txt"), keptPaths(folder.scan()));
    }

    // ---- discovery -----------------------------------------------------------------------------------------------

    @Test
    void is_discovered_by_service_loader_as_git() {
        Set<String> ids = new TreeSet<>();
        ServiceLoader.load(WorkspaceScannerProvider.class).forEach(p -> ids.add(p.id()));

        assertEquals(Set.of("git"), ids);
    }

    @Test
    void provider_creates_a_scanner_for_the_given_tree() {
        GitFixture repo = GitFixture.init(temp).write("a.txt", "a");
        WorkspaceScanner scanner = new GitWorkspaceScannerProvider().create(repo.repo, repo.environment());

        assertEquals(List.of("a.txt"), keptPaths(scanner.scan(ScanRequest.everything())));
    }

    @Test
    void formats_sizes_for_people() {
        assertEquals("812 bytes", GitWorkspaceScanner.humanSize(812));
        assertEquals("4.0 KB", GitWorkspaceScanner.humanSize(4096));
        assertEquals("12.4 MB", GitWorkspaceScanner.humanSize(13_002_342));
        assertEquals("10.0 MB", GitWorkspaceScanner.humanSize(10L * 1024 * 1024));
    }

    @Test
    void orders_paths_by_code_point_like_git() {
        assertTrue(GitWorkspaceScanner.comparePaths("a.b", "a/b") < 0);
        assertTrue(GitWorkspaceScanner.comparePaths("\uFF21", "\uD83D\uDE00") < 0); // U+FF21 before U+1F600
        assertTrue("\uFF21".compareTo("\uD83D\uDE00") > 0); // which String.compareTo gets wrong
        assertEquals(0, GitWorkspaceScanner.comparePaths("x", "x"));
        assertTrue(GitWorkspaceScanner.comparePaths("a", "ab") < 0);
    }

    @Test
    void default_provider_is_named_git() {
        assertEquals("git", new GitWorkspaceScannerProvider().id());
    }
}
