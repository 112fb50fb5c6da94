package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.RepositoryState;
import dev.codefactory.port.vcs.RepositoryState.Operation;
import dev.codefactory.port.vcs.VersionControl;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// covers feature-004/FR-002
class StateTest extends IsolatedGit {

    /** main and topic both change conflict.txt from base. */
    private Path diverged() {
        Path r = newRepo("r").workTree();
        commitFiles(r, "base", "conflict.txt", "base\n", "other.txt", "o\n");
        git(r, "checkout", "-q", "-b", "topic");
        commitFiles(r, "topic change", "conflict.txt", "topic\n");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "main change", "conflict.txt", "main\n");
        return r;
    }

    private RepositoryState state(Path r) {
        return open(r).state();
    }

    @Test
    void a_healthy_repository_is_on_its_branch_with_nothing_in_progress() {
        Path r = diverged();
        RepositoryState s = state(r);
        assertTrue(s.healthy());
        assertEquals(Optional.of("main"), s.branch());
        assertEquals(Optional.of(git(r, "rev-parse", "HEAD").strip()), s.head());
        assertFalse(s.shallow());
        assertFalse(s.linkedWorktree());
    }

    @Test
    void a_merge_conflict_in_progress() {
        Path r = diverged();
        assertFalse(run(r, "merge", "topic").exit() == 0);
        RepositoryState s = state(r);
        assertEquals(Operation.MERGE, s.operation());
        assertEquals(List.of("conflict.txt"), s.conflicted());
        assertFalse(s.healthy());
    }

    @Test
    void a_rebase_stopped_on_a_conflict() {
        Path r = diverged();
        git(r, "checkout", "-q", "topic");
        assertFalse(run(r, "rebase", "main").exit() == 0);
        RepositoryState s = state(r);
        assertEquals(Operation.REBASE, s.operation());
        assertEquals(List.of("conflict.txt"), s.conflicted());
        assertTrue(s.detached());
    }

    @Test
    void a_cherry_pick_conflict() {
        Path r = diverged();
        assertFalse(run(r, "cherry-pick", "topic").exit() == 0);
        RepositoryState s = state(r);
        assertEquals(Operation.CHERRY_PICK, s.operation());
        assertEquals(List.of("conflict.txt"), s.conflicted());
    }

    @Test
    void a_revert_conflict() {
        Path r = diverged();
        commitFiles(r, "later", "conflict.txt", "later\n");
        assertFalse(run(r, "revert", "--no-edit", "HEAD~1").exit() == 0);
        RepositoryState s = state(r);
        assertEquals(Operation.REVERT, s.operation());
        assertEquals(List.of("conflict.txt"), s.conflicted());
    }

    @Test
    void a_bisect_in_progress() {
        Path r = diverged();
        git(r, "bisect", "start", "HEAD", "HEAD~1");
        assertEquals(Operation.BISECT, state(r).operation());
    }

    @Test
    void a_detached_head() {
        Path r = diverged();
        git(r, "checkout", "-q", "HEAD~1");
        RepositoryState s = state(r);
        assertTrue(s.detached());
        assertEquals(Optional.empty(), s.branch());
        assertEquals(Optional.of(git(r, "rev-parse", "HEAD").strip()), s.head());
        assertEquals(Operation.NONE, s.operation());
    }

    @Test
    void an_empty_repository() {
        RepositoryState s = newRepo("r").state();
        assertTrue(s.empty());
        assertEquals(Optional.empty(), s.head());
        assertEquals(Optional.empty(), s.branch());
        assertFalse(s.detached());
    }

    @Test
    void a_shallow_clone() {
        Path r = diverged();
        git(work, "clone", "-q", "--depth", "1", "file://" + r, "shallow");
        RepositoryState s = state(work.resolve("shallow"));
        assertTrue(s.shallow());
        assertFalse(s.linkedWorktree());
        assertTrue(s.healthy());
    }

    @Test
    void a_linked_worktree() {
        Path r = diverged();
        git(r, "worktree", "add", "-q", "../wt", "topic");
        VersionControl vc = open(work.resolve("wt"));
        RepositoryState s = vc.state();
        assertTrue(s.linkedWorktree());
        assertEquals(Optional.of("topic"), s.branch());
        assertEquals(Optional.of(git(r, "rev-parse", "topic").strip()), s.head());
        assertFalse(state(r).linkedWorktree());
    }

    @Test
    void a_linked_worktree_can_be_staged_committed_and_snapshotted() {
        Path r = diverged();
        git(r, "worktree", "add", "-q", "../wt", "topic");
        Path wt = work.resolve("wt");
        VersionControl vc = open(wt);
        write(wt.resolve("new.txt"), "in the worktree\n");
        vc.add(List.of("new.txt"));
        assertEquals("A  new.txt\n", git(wt, "status", "--porcelain"));
        vc.commit(dev.codefactory.port.vcs.CommitRequest.of("from the worktree"));
        assertEquals("from the worktree\n", git(r, "log", "-1", "--format=%s", "topic"));
        write(wt.resolve("new.txt"), "edited\n");
        var snapshot = vc.snapshot("wt");
        write(wt.resolve("new.txt"), "edited again\n");
        vc.restore(snapshot);
        assertEquals("edited\n", read(wt.resolve("new.txt")));
        assertEquals(Optional.of("topic"), vc.currentBranch());
        assertEquals(Optional.of("main"), open(r).currentBranch());
    }
}
