package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.WorkingTreeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-004/NFR-001
class StatusTest extends IsolatedGit {

    /** The CLI's porcelain lines, sorted by path (stable: git lists untracked files after tracked ones). */
    private List<String> cliStatus(Path r) {
        return git(r, "-c", "status.renames=false", "status", "--porcelain", "--untracked-files=all").lines()
                .sorted(Comparator.comparing(l -> l.substring(3))).toList();
    }

    private static List<String> porcelain(WorkingTreeStatus status) {
        return status.entries().stream().map(WorkingTreeStatus.Entry::porcelain).toList();
    }

    @Test
    void status_equals_git_porcelain_across_a_mixed_scenario() throws Exception {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", ".gitignore", "*.log\nbuild/\n", "both.txt", "base\n", "modified.txt", "m\n",
                "staged.txt", "s\n", "deleted.txt", "d\n", "staged-deleted.txt", "sd\n", "mm.txt", "1\n",
                "renamed.txt", "r\n", "untracked-again.txt", "u\n", "tracked.log", "tracked but ignored\n");
        git(r, "checkout", "-q", "-b", "other");
        commitFiles(r, "other side", "both.txt", "theirs\n");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "our side", "both.txt", "ours\n");
        assertFalse(run(r, "merge", "-q", "other").exit() == 0);

        write(r.resolve("modified.txt"), "m2\n");
        write(r.resolve("staged.txt"), "s2\n");
        git(r, "add", "staged.txt");
        Files.delete(r.resolve("deleted.txt"));
        git(r, "rm", "-q", "staged-deleted.txt");
        write(r.resolve("mm.txt"), "2\n");
        git(r, "add", "mm.txt");
        write(r.resolve("mm.txt"), "3\n");
        Files.createDirectories(r.resolve("moved"));
        git(r, "mv", "renamed.txt", "moved/renamed.txt");
        git(r, "rm", "-q", "--cached", "untracked-again.txt");
        write(r.resolve("new/deep/file.txt"), "n\n");
        write(r.resolve("added.txt"), "a\n");
        git(r, "add", "added.txt");
        write(r.resolve("added.txt"), "a2\n");
        write(r.resolve("debug.log"), "ignored\n");
        write(r.resolve("build/out.bin"), "ignored\n");
        write(r.resolve("tracked.log"), "changed\n");

        List<String> expected = cliStatus(r);
        assertTrue(expected.size() >= 12, expected::toString);
        assertEquals(expected, porcelain(vc.status()));
    }

    @Test
    void status_of_a_clean_repository_is_clean() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "base", "a.txt", "a\n");
        assertTrue(vc.status().clean());
    }

    @Test
    void status_in_an_empty_repository_lists_staged_and_untracked_files() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve("a.txt"), "a\n");
        write(r.resolve("b/c.txt"), "c\n");
        git(r, "add", "a.txt");
        assertEquals(cliStatus(r), porcelain(vc.status()));
        assertEquals(List.of("a.txt"), vc.status().staged());
    }

    @Test
    void status_respects_info_exclude() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve(".git/info/exclude"), "secret.txt\n");
        write(r.resolve("secret.txt"), "x\n");
        write(r.resolve("visible.txt"), "x\n");
        assertEquals(List.of("?? visible.txt"), porcelain(vc.status()));
        assertEquals(cliStatus(r), porcelain(vc.status()));
    }

    @Test
    void status_respects_core_excludes_file() throws Exception {
        Path excludes = home.resolve("my-excludes");
        Files.writeString(excludes, "*.tmp\n");
        Files.writeString(home.resolve(".gitconfig"), read(home.resolve(".gitconfig"))
                + "[core]\n\texcludesFile = " + excludes + "\n");
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve("a.tmp"), "x\n");
        write(r.resolve("b.txt"), "x\n");
        assertEquals(List.of("?? b.txt"), porcelain(vc.status()));
        assertEquals(cliStatus(r), porcelain(vc.status()));
    }

    @Test
    void status_respects_the_xdg_default_global_ignore_file() {
        write(home.resolve(".config/git/ignore"), ".idea/\n");
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve(".idea/workspace.xml"), "x\n");
        write(r.resolve("b.txt"), "x\n");
        assertEquals(List.of("?? b.txt"), porcelain(vc.status()));
        assertEquals(cliStatus(r), porcelain(vc.status()));
    }
}
