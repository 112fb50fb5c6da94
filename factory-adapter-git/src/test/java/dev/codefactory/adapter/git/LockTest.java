package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The lock files a killed git (or a killed {@code factory change}) leaves behind: in the state, and named with what
 * to do by every write that meets them, never as JGit's internal error.
 */
// covers feature-007/FR-011
class LockTest extends IsolatedGit {

    private static void refusedNaming(String lock, Executable write) {
        VersionControlException e = assertThrows(VersionControlException.class, write);
        assertTrue(e.getMessage().contains(lock + " exists: another git process is working in this repository,"
                + " or one was stopped before it finished"), e.getMessage());
        assertTrue(e.getMessage().contains("If no git process is running, delete it (rm " + lock + ") and try"
                + " again."), e.getMessage());
        assertEquals(Map.of("locks", List.of(lock)), e.details());
    }

    @Test
    void a_stale_index_lock_is_in_the_state_and_named_by_every_write_that_meets_it() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        Snapshot before = vc.snapshot("before");
        vc.createBranch("topic", "HEAD");
        Path lockFile = Files.writeString(r.resolve(".git/index.lock"), "");
        String lock = lockFile.toFile().getAbsolutePath();
        write(r.resolve("a.txt"), "changed\n");
        assertNotEquals(0, run(r, "add", "a.txt").exit(), "git itself refuses to write the index");

        assertEquals(List.of(lock), vc.state().locks());
        assertFalse(vc.state().healthy());
        refusedNaming(lock, () -> vc.switchBranch("topic"));
        refusedNaming(lock, () -> vc.add(List.of("a.txt")));
        refusedNaming(lock, () -> vc.commit(CommitRequest.of("all staged")));
        refusedNaming(lock, () -> vc.commit(CommitRequest.only("some paths", List.of("a.txt"))));
        refusedNaming(lock, () -> vc.stash("stash"));
        refusedNaming(lock, () -> vc.restore(before));

        Files.delete(lockFile);

        assertEquals(List.of(), vc.state().locks());
        vc.add(List.of("a.txt"));
        vc.switchBranch("topic");
        assertEquals("topic", vc.currentBranch().orElseThrow());
    }

    @Test
    void stale_ref_locks_are_named_when_a_branch_is_made_or_checked_out() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        vc.createBranch("topic", "HEAD");
        String branchLock = Files.writeString(r.resolve(".git/refs/heads/fresh.lock"), "").toFile()
                .getAbsolutePath();

        refusedNaming(branchLock, () -> vc.createBranch("fresh", "HEAD"));

        Files.delete(Path.of(branchLock));
        String headLock = Files.writeString(r.resolve(".git/HEAD.lock"), "").toFile().getAbsolutePath();

        assertEquals(List.of(headLock), vc.state().locks());
        refusedNaming(headLock, () -> vc.switchBranch("topic"));
    }
}
