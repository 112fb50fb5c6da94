package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.ChangesSince;
import dev.codefactory.port.vcs.ChangesSince.ChangedFile;
import dev.codefactory.port.vcs.ChangesSince.LineRange;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The history drift reads (feature-010, FR-011, FR-013), checked against the git command line. */
class ChangesSinceTest extends IsolatedGit {

    // covers feature-010/FR-011
    @Test
    void files_changed_since_a_commit_with_their_commits_and_line_counts_as_git_diff_stat() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n2\n3\n4\n5\n", "b.txt", "b\n", "same.txt", "s\n");
        String from = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "two", "a.txt", "1\ntwo\n3\n4\n5\n");
        String two = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "three", "a.txt", "1\ntwo\n3\n4\n5\n6\n7\n", "c.txt", "new\n");
        String three = git(r, "rev-parse", "HEAD").strip();
        git(r, "rm", "-q", "b.txt");
        git(r, "commit", "-q", "-m", "four");

        ChangesSince changes = vc.changesSince(from);

        assertEquals(from, changes.from());
        assertEquals(git(r, "rev-parse", "HEAD").strip(), changes.to());
        assertTrue(changes.ancestor());
        assertEquals(List.of("four", "three", "two"), changes.commits().stream().map(c -> c.subject()).toList());
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), changes.files().stream().map(ChangedFile::path).toList());
        ChangedFile a = changes.file("a.txt").orElseThrow();
        assertEquals(List.of(three, two), a.commits());
        // git diff --numstat FROM HEAD: 3 added, 1 removed
        assertEquals(git(r, "diff", "--numstat", from, "HEAD", "--", "a.txt").strip(),
                a.added() + "\t" + a.removed() + "\ta.txt");
        assertEquals(List.of(new LineRange(2, 2), new LineRange(6, 7)), a.changed());
        assertFalse(a.deleted());
        assertTrue(changes.file("b.txt").orElseThrow().deleted());
        assertEquals(Optional.empty(), changes.file("same.txt"));
    }

    // covers feature-010/FR-011
    @Test
    void renames_made_with_git_mv_are_followed_with_the_commits_before_them() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        String body = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\n";
        commitFiles(r, "one", "src/Old.java", body);
        String from = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "edit", "src/Old.java", body + "line 9\n");
        String edit = git(r, "rev-parse", "HEAD").strip();
        git(r, "mv", "src/Old.java", "src/New.java");
        git(r, "commit", "-q", "-m", "rename");
        String rename = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "after", "src/New.java", body + "line 9\nline 10\n");
        String after = git(r, "rev-parse", "HEAD").strip();

        ChangesSince changes = vc.changesSince(from);

        assertEquals(List.of("src/New.java"), changes.files().stream().map(ChangedFile::path).toList());
        ChangedFile moved = changes.files().get(0);
        assertEquals(Optional.of("src/Old.java"), moved.renamedFrom());
        assertEquals(List.of(after, rename, edit), moved.commits());
        assertEquals(2, moved.added());
        assertEquals(0, moved.removed());
        // git log --follow agrees on the commits
        assertEquals(List.of(after, rename, edit), git(r, "log", "--follow", "--format=%H", from + "..HEAD", "--",
                "src/New.java").lines().toList());
    }

    @Test
    void counting_from_the_commit_after_a_walk_start_reuses_the_walk_and_equals_a_fresh_count() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n", "b.txt", "b\n");
        String from = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "two", "a.txt", "2\n", "c.txt", "c\n");
        String next = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "three", "b.txt", "b2\n");
        commitFiles(r, "four", "a.txt", "4\n");

        ChangesSince all = vc.changesSince(from);
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), all.files().stream().map(ChangedFile::path).toList());
        ChangesSince reused = vc.changesSince(next);
        ChangesSince fresh = open(r).changesSince(next);
        assertEquals(fresh, reused);
        assertEquals(List.of("a.txt", "b.txt"), reused.files().stream().map(ChangedFile::path).toList());
        assertEquals(List.of("four", "three"), reused.commits().stream().map(c -> c.subject()).toList());
    }

    // covers feature-010/FR-013
    @Test
    void a_commit_rewritten_away_is_a_failure_that_says_so() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n");
        String gone = "0123456789abcdef0123456789abcdef01234567";
        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.changesSince(gone));
        assertTrue(e.getMessage().contains(gone) && e.getMessage().contains("rewritten"), e.getMessage());
        assertFalse(vc.shallow());
    }

    // covers feature-010/FR-013
    @Test
    void a_commit_no_longer_in_heads_history_is_counted_from_all_the_same_and_said() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n");
        commitFiles(r, "two", "a.txt", "2\n");
        String amended = git(r, "rev-parse", "HEAD").strip();
        git(r, "commit", "-q", "--amend", "-m", "two, amended");
        ChangesSince changes = vc.changesSince(amended);
        assertFalse(changes.ancestor());
    }

    // covers feature-010/FR-013
    @Test
    void in_a_shallow_clone_a_commit_beyond_the_boundary_names_the_fetch_to_run() {
        VersionControl origin = newRepo("origin");
        Path o = origin.workTree();
        commitFiles(o, "one", "a.txt", "1\n");
        String first = git(o, "rev-parse", "HEAD").strip();
        commitFiles(o, "two", "a.txt", "2\n");
        commitFiles(o, "three", "a.txt", "3\n");
        git(work, "clone", "-q", "--depth", "1", "file://" + o, "shallow");
        VersionControl vc = open(work.resolve("shallow"));
        assertTrue(vc.shallow());
        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.changesSince(first));
        assertTrue(e.getMessage().contains("shallow") && e.getMessage().contains("git fetch --unshallow"),
                e.getMessage());
        // HEAD itself, the boundary, is there: nothing changed since it
        ChangesSince none = vc.changesSince(git(work.resolve("shallow"), "rev-parse", "HEAD").strip());
        assertEquals(List.of(), none.files());
    }

    @Test
    void text_at_a_commit_is_the_file_as_git_show_prints_it() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "d/a.txt", "old\n");
        String first = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "two", "d/a.txt", "new\n");
        assertEquals(Optional.of(git(r, "show", first + ":d/a.txt")), vc.textAt(first, "d/a.txt"));
        assertEquals(Optional.of("new\n"), vc.textAt("HEAD", "d/a.txt"));
        assertEquals(Optional.empty(), vc.textAt(first, "d"));
        assertEquals(Optional.empty(), vc.textAt(first, "missing.txt"));
        assertEquals(Optional.empty(), vc.textAt("0123456789abcdef0123456789abcdef01234567", "d/a.txt"));
    }
}
