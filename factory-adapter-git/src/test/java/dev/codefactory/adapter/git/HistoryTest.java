package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest extends IsolatedGit {

    @Test
    void log_lists_commits_newest_first_up_to_max() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n");
        commitFiles(r, "two", "a.txt", "2\n");
        commitFiles(r, "three\n\nbody", "a.txt", "3\n");
        List<CommitInfo> log = vc.log(null, 2);
        assertEquals(List.of("three", "two"), log.stream().map(CommitInfo::subject).toList());
        assertEquals(git(r, "rev-parse", "HEAD").strip(), log.get(0).id());
        assertEquals("three\n\nbody\n", log.get(0).message());
        assertEquals("Ada Lovelace", log.get(0).author().name());
        assertEquals(List.of("one"), vc.log("HEAD~2", 10).stream().map(CommitInfo::subject).toList());
    }

    @Test
    void log_of_an_empty_repository_is_empty_and_of_an_unknown_ref_fails() {
        VersionControl vc = newRepo("r");
        assertEquals(List.of(), vc.log(null, 5));
        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.log("nope", 5));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void log_of_a_path_lists_the_commits_that_changed_it_following_a_rename() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "alpha\nbeta\ngamma\ndelta\n", "b.txt", "b\n");
        commitFiles(r, "two", "b.txt", "b2\n");
        commitFiles(r, "three", "a.txt", "alpha\nbeta\ngamma\ndelta\nepsilon\n");
        git(r, "mv", "a.txt", "c.txt");
        git(r, "commit", "-q", "-m", "four");
        assertEquals(git(r, "log", "--follow", "--format=%s", "--", "c.txt").strip().lines().toList(),
                vc.log(null, "c.txt", 10).stream().map(CommitInfo::subject).toList());
        assertEquals(List.of("four", "three", "one"), vc.log(null, "c.txt", 10).stream().map(CommitInfo::subject)
                .toList());
        assertEquals(List.of("two", "one"), vc.log(null, "b.txt", 10).stream().map(CommitInfo::subject).toList());
        assertEquals(List.of("four"), vc.log("HEAD", "c.txt", 1).stream().map(CommitInfo::subject).toList());
        assertEquals(List.of(), vc.log(null, "none.txt", 10));
        assertEquals(List.of(), newRepo("empty").log(null, "a.txt", 10));
    }

    @Test
    void diff_between_refs_equals_git_diff() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "b.txt", "b\n", "gone.txt", "g\n");
        git(r, "tag", "A");
        write(r.resolve("a.txt"), "1\n2\nthree\n4\n5\n6\n7\n8\nnine\n");
        commitFiles(r, "two", "c/new.txt", "new\n");
        git(r, "rm", "-q", "gone.txt");
        git(r, "commit", "-q", "-m", "three");
        assertEquals(git(r, "diff", "--no-renames", "A", "HEAD"), vc.diff("A", "HEAD"));
    }

    @Test
    void diff_with_an_unknown_ref_names_it() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "one", "a.txt", "1\n");
        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.diff("HEAD", "zzz"));
        assertTrue(e.getMessage().contains("zzz"), e.getMessage());
    }

    @Test
    void diff_of_the_working_tree_equals_git_diff_head_without_untracked_files() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n2\n3\n", "b.txt", "b\n", "c.txt", "c\n", "e.txt", "e1\ne2\ne3\n");
        write(r.resolve("a.txt"), "1\ntwo\n3\n");
        write(r.resolve("b.txt"), "staged\n");
        git(r, "add", "b.txt");
        write(r.resolve("d.txt"), "new and staged\n");
        git(r, "add", "d.txt");
        write(r.resolve("untracked.txt"), "not shown\n");
        r.resolve("c.txt").toFile().delete();
        write(r.resolve("untracked-copy-of-c.txt"), "c\n");
        git(r, "mv", "e.txt", "moved-e.txt");
        String diff = vc.diffWorkingTree();
        assertEquals(git(r, "diff", "HEAD"), diff);
        assertTrue(diff.contains("rename from e.txt"), diff);
        assertTrue(diff.contains("+two") && !diff.contains("untracked.txt"), diff);
    }

    @Test
    void diff_detects_renames_as_git_does_by_default() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "old/name.txt", "line 1\nline 2\nline 3\nline 4\nline 5\n");
        git(r, "tag", "A");
        java.io.File moved = r.resolve("new").toFile();
        moved.mkdirs();
        git(r, "mv", "old/name.txt", "new/name.txt");
        git(r, "commit", "-q", "-m", "move");
        String diff = vc.diff("A", "HEAD");
        assertEquals(git(r, "diff", "A", "HEAD"), diff);
        assertTrue(diff.contains("rename from old/name.txt"), diff);
    }
}
