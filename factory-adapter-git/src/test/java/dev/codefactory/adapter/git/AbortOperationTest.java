package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.RepositoryState.Operation;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Operations started and left in conflict by the {@code git} command line, aborted through the port: the state git
 * itself then reports is the one {@code git <op> --abort} (or {@code git bisect reset}) leaves.
 */
class AbortOperationTest extends IsolatedGit {

    /**
     * main and topic both change conflict.txt; topic also adds added.txt and changes other.txt; main has an unstaged
     * edit of notes.txt that no operation touches.
     */
    private VersionControl diverged() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "conflict.txt", "base\n", "other.txt", "o\n", "notes.txt", "n\n");
        git(r, "checkout", "-q", "-b", "topic");
        commitFiles(r, "topic 1", "other.txt", "o topic\n", "added.txt", "added\n");
        commitFiles(r, "topic 2", "conflict.txt", "topic\n");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "main", "conflict.txt", "main\n");
        return vc;
    }

    /** What git says about the repository: HEAD, the branch, the status and the operation files. */
    private String gitState(Path r) {
        Path dotGit = r.resolve(".git");
        StringBuilder files = new StringBuilder();
        for (String f : List.of("MERGE_HEAD", "MERGE_MSG", "CHERRY_PICK_HEAD", "REVERT_HEAD", "REBASE_HEAD",
                "AUTO_MERGE", "sequencer", "rebase-merge", "rebase-apply", "BISECT_LOG", "BISECT_START")) {
            if (Files.exists(dotGit.resolve(f))) {
                files.append(f).append(' ');
            }
        }
        return git(r, "rev-parse", "HEAD") + run(r, "symbolic-ref", "-q", "HEAD").out()
                + git(r, "status", "--porcelain", "--untracked-files=all") + git(r, "for-each-ref", "refs/bisect")
                + files;
    }

    private void assertAbortedLike(Path r, String expected, VersionControl vc) {
        assertEquals(expected, gitState(r));
        assertEquals(Operation.NONE, vc.state().operation());
        assertEquals(List.of(), vc.state().conflicted());
        assertFalse(git(r, "status").contains("You have unmerged paths"));
    }

    // covers feature-008/FR-011
    @Test
    void a_merge_conflict_is_aborted_as_git_merge_abort_does_keeping_unrelated_edits() {
        VersionControl vc = diverged();
        Path r = vc.workTree();
        write(r.resolve("notes.txt"), "n edited, not part of the merge\n");
        String before = gitState(r);
        assertNotEquals(0, run(r, "merge", "topic").exit());
        assertEquals(Operation.MERGE, vc.state().operation());
        assertEquals("added\n", read(r.resolve("added.txt")));

        vc.abortOperation();

        assertAbortedLike(r, before, vc);
        assertEquals("main\n", read(r.resolve("conflict.txt")));
        assertEquals("o\n", read(r.resolve("other.txt")));
        assertFalse(Files.exists(r.resolve("added.txt")), "the file the merge added is gone again");
        assertEquals("n edited, not part of the merge\n", read(r.resolve("notes.txt")));
        git(r, "merge", "-q", "-s", "ours", "topic"); // git can start a new merge
    }

    // covers feature-008/FR-011
    @Test
    void a_rebase_started_by_git_is_aborted_back_to_the_branch() {
        VersionControl vc = diverged();
        Path r = vc.workTree();
        git(r, "checkout", "-q", "topic");
        String before = gitState(r);
        String log = git(r, "log", "--format=%H %s");
        assertNotEquals(0, run(r, "rebase", "main").exit());
        assertEquals(Operation.REBASE, vc.state().operation());
        assertTrue(Files.isDirectory(r.resolve(".git/rebase-merge")));
        assertEquals(Optional.empty(), vc.state().branch(), "git detaches HEAD while it rebases");

        vc.abortOperation();

        assertAbortedLike(r, before, vc);
        assertEquals(Optional.of("topic"), vc.currentBranch());
        assertEquals(log, git(r, "log", "--format=%H %s"));
        assertEquals("topic\n", read(r.resolve("conflict.txt")));
        assertEquals("added\n", read(r.resolve("added.txt")));
    }

    // covers feature-008/FR-011
    @Test
    void a_rebase_of_the_apply_backend_is_aborted_too() {
        VersionControl vc = diverged();
        Path r = vc.workTree();
        git(r, "checkout", "-q", "topic");
        String before = gitState(r);
        assertNotEquals(0, run(r, "rebase", "--apply", "main").exit());
        assertTrue(Files.isDirectory(r.resolve(".git/rebase-apply")));
        assertEquals(Operation.REBASE, vc.state().operation());

        vc.abortOperation();

        assertAbortedLike(r, before, vc);
        assertEquals("topic\n", read(r.resolve("conflict.txt")));
    }

    // covers feature-008/FR-011
    @Test
    void a_rebase_autostash_is_kept_on_the_stash_list() {
        VersionControl vc = diverged();
        Path r = vc.workTree();
        git(r, "checkout", "-q", "topic");
        write(r.resolve("notes.txt"), "uncommitted work\n");
        assertNotEquals(0, run(r, "-c", "rebase.autoStash=true", "rebase", "main").exit());
        assertTrue(Files.exists(r.resolve(".git/rebase-merge/autostash")));

        vc.abortOperation();

        assertEquals(Operation.NONE, vc.state().operation());
        assertEquals(1, vc.stashes().size(), git(r, "stash", "list"));
        git(r, "stash", "pop", "-q");
        assertEquals("uncommitted work\n", read(r.resolve("notes.txt")));
    }

    // covers feature-008/FR-011
    @Test
    void a_cherry_pick_sequence_is_aborted_back_to_where_it_began() {
        VersionControl vc = diverged();
        Path r = vc.workTree();
        String before = gitState(r);
        assertNotEquals(0, run(r, "cherry-pick", "topic~1", "topic").exit());
        assertEquals(Operation.CHERRY_PICK, vc.state().operation());
        assertNotEquals(before, gitState(r), "the first pick was committed");

        vc.abortOperation();

        assertAbortedLike(r, before, vc);
        assertEquals("o\n", read(r.resolve("other.txt")));
        assertFalse(Files.exists(r.resolve("added.txt")));
    }

    // covers feature-008/FR-011
    @Test
    void a_single_cherry_pick_is_aborted() {
        VersionControl vc = diverged();
        Path r = vc.workTree();
        String before = gitState(r);
        assertNotEquals(0, run(r, "cherry-pick", "topic").exit());

        vc.abortOperation();

        assertAbortedLike(r, before, vc);
    }

    // covers feature-008/FR-011
    @Test
    void a_revert_conflict_is_aborted() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "f.txt", "1\n");
        commitFiles(r, "two", "f.txt", "2\n");
        commitFiles(r, "three", "f.txt", "3\n");
        String before = gitState(r);
        assertNotEquals(0, run(r, "revert", "--no-edit", "HEAD~1").exit());
        assertEquals(Operation.REVERT, vc.state().operation());

        vc.abortOperation();

        assertAbortedLike(r, before, vc);
        assertEquals("3\n", read(r.resolve("f.txt")));
    }

    // covers feature-008/FR-011
    @Test
    void a_bisect_is_ended_back_on_its_branch() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        for (int i = 1; i <= 5; i++) {
            commitFiles(r, "c" + i, "f.txt", i + "\n");
        }
        String before = gitState(r);
        git(r, "bisect", "start", "HEAD", "HEAD~4");
        assertEquals(Operation.BISECT, vc.state().operation());
        assertEquals(Optional.empty(), vc.state().branch());

        vc.abortOperation();

        assertAbortedLike(r, before, vc);
        assertEquals(Optional.of("main"), vc.currentBranch());
        assertEquals("5\n", read(r.resolve("f.txt")));
        assertNotEquals(0, run(r, "bisect", "log").exit(), "git says it is not bisecting");
    }

    // covers feature-008/FR-011
    @Test
    void a_bisect_is_not_ended_over_local_changes_that_would_be_lost() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        for (int i = 1; i <= 3; i++) {
            commitFiles(r, "c" + i, "f.txt", i + "\n");
        }
        git(r, "bisect", "start", "HEAD", "HEAD~2");
        write(r.resolve("f.txt"), "edited while bisecting\n");

        VersionControlException e = assertThrows(VersionControlException.class, vc::abortOperation);

        assertTrue(e.getMessage().contains("would overwrite local changes to f.txt"), e.getMessage());
        assertEquals(Operation.BISECT, vc.state().operation());
        assertEquals("edited while bisecting\n", read(r.resolve("f.txt")));
    }

    // covers feature-008/FR-011
    @Test
    void a_git_am_is_left_to_git_am_abort() {
        VersionControl vc = diverged();
        Path r = vc.workTree();
        git(r, "format-patch", "-q", "-1", "topic", "-o", "../patches");
        Path patch = work.resolve("patches").toFile().listFiles()[0].toPath();
        assertNotEquals(0, run(r, "am", patch.toString()).exit());
        assertEquals(Operation.APPLY_MAILBOX, vc.state().operation());

        VersionControlException e = assertThrows(VersionControlException.class, vc::abortOperation);

        assertTrue(e.getMessage().contains("run git am --abort"), e.getMessage());
        assertEquals(Operation.APPLY_MAILBOX, vc.state().operation());
        git(r, "am", "--abort");
    }

    // covers feature-008/FR-011
    @Test
    void nothing_to_abort_is_refused() {
        VersionControl vc = diverged();
        VersionControlException e = assertThrows(VersionControlException.class, vc::abortOperation);
        assertTrue(e.getMessage().contains("nothing to abort"), e.getMessage());
    }
}
