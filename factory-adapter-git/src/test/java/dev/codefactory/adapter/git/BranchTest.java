package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// covers feature-004/FR-001
class BranchTest extends IsolatedGit {

    @Test
    void create_switch_and_delete_a_branch() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        vc.createBranch("factory/change-1", null);
        assertTrue(vc.branchExists("factory/change-1"));
        vc.switchBranch("factory/change-1");
        assertEquals(Optional.of("factory/change-1"), vc.currentBranch());
        assertEquals("factory/change-1\n", git(r, "branch", "--show-current"));
        vc.switchBranch("main");
        vc.deleteBranch("factory/change-1", false);
        assertFalse(vc.branchExists("factory/change-1"));
        assertEquals("", git(r, "branch", "--list", "factory/change-1"));
    }

    @Test
    void create_at_a_start_point_given_by_commit_id() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n");
        String first = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "two", "a.txt", "2\n");
        vc.createBranch("old", first);
        assertEquals(first + "\n", git(r, "rev-parse", "old"));
    }

    @Test
    void create_from_an_unknown_ref_names_it() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "one", "a.txt", "1\n");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.createBranch("x", "no-such-branch"));
        assertTrue(e.getMessage().contains("no-such-branch"), e.getMessage());
    }

    @Test
    void switch_is_refused_when_local_changes_would_be_overwritten() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n");
        git(r, "checkout", "-q", "-b", "other");
        commitFiles(r, "two", "a.txt", "2\n");
        git(r, "checkout", "-q", "main");
        write(r.resolve("a.txt"), "local\n");
        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.switchBranch("other"));
        assertTrue(e.getMessage().contains("a.txt") && e.getMessage().contains("stash"), e.getMessage());
        assertEquals("local\n", read(r.resolve("a.txt")));
        assertEquals(Optional.of("main"), vc.currentBranch());
    }

    @Test
    void switch_keeps_local_changes_that_do_not_conflict() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n", "b.txt", "b\n");
        vc.createBranch("other", null);
        write(r.resolve("b.txt"), "local\n");
        vc.switchBranch("other");
        assertEquals("local\n", read(r.resolve("b.txt")));
    }

    @Test
    void switch_to_a_missing_branch_names_it() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "one", "a.txt", "1\n");
        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.switchBranch("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void deleting_the_current_branch_is_refused() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "one", "a.txt", "1\n");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.deleteBranch("main", true));
        assertTrue(e.getMessage().contains("checked out"), e.getMessage());
    }

    @Test
    void deleting_an_unmerged_branch_needs_force() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n");
        git(r, "checkout", "-q", "-b", "topic");
        commitFiles(r, "two", "b.txt", "2\n");
        git(r, "checkout", "-q", "main");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.deleteBranch("topic", false));
        assertTrue(e.getMessage().contains("not fully merged"), e.getMessage());
        vc.deleteBranch("topic", true);
        assertFalse(vc.branchExists("topic"));
    }

    @Test
    void current_branch_is_empty_when_detached_or_unborn() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        assertEquals(Optional.empty(), vc.currentBranch());
        commitFiles(r, "one", "a.txt", "1\n");
        assertEquals(Optional.of("main"), vc.currentBranch());
        git(r, "checkout", "-q", "--detach");
        assertEquals(Optional.empty(), vc.currentBranch());
    }
}
