package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.LockFile;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Git's lock files as RESCUE sees them: each with its time and whether a git process may hold it, and the removal of
 * a stale one, refused for a held lock or a file that is no lock.
 */
class LockFilesTest extends IsolatedGit {

    /** Sets {@code file}'s time a minute back: its git stopped a while ago. */
    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    /** {@code git commit -a} waiting in its editor: git holds {@code index.lock} the whole time. */
    private Process committing(Path r) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("git", "commit", "-a").directory(r.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        pb.environment().putAll(env);
        pb.environment().put("GIT_EDITOR", "sleep 30;:");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process git = pb.start();
        Path lock = r.resolve(".git/index.lock");
        for (int i = 0; i < 300 && !Files.exists(lock); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(lock), "git commit -a took index.lock");
        return git;
    }

    /** SIGKILL, as a crash or {@code kill -9} does: git has no chance to remove its lock. */
    private static void kill(Process git) throws InterruptedException {
        List<ProcessHandle> children = git.descendants().toList();
        git.destroyForcibly();
        assertTrue(git.waitFor(20, TimeUnit.SECONDS));
        children.forEach(ProcessHandle::destroyForcibly);
    }

    // covers feature-008/FR-004
    @Test
    void a_repository_without_lock_files_has_none() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "base", "a.txt", "a\n");
        assertEquals(List.of(), vc.lockFiles());
    }

    // covers feature-008/FR-004
    // covers feature-008/FR-011
    @Test
    void the_lock_of_a_git_killed_with_sigkill_is_held_while_it_runs_then_stale_and_removable() throws Exception {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        write(r.resolve("a.txt"), "changed\n");
        Path lock = r.resolve(".git/index.lock");
        Process git = committing(r);
        try {
            age(lock); // old, but its git is alive in this repository
            List<LockFile> locks = vc.lockFiles();
            assertEquals(1, locks.size(), locks.toString());
            assertEquals(abs(lock), locks.get(0).path());
            assertTrue(locks.get(0).held(), "a live git commit runs in the repository");
            VersionControlException e = assertThrows(VersionControlException.class,
                    () -> vc.removeStaleLock(abs(lock)));
            assertTrue(e.getMessage().contains("a git process may still hold it"), e.getMessage());
            assertTrue(Files.exists(lock));
        } finally {
            kill(git);
        }
        assertTrue(Files.exists(lock), "the killed git left its lock behind");
        age(lock);
        Instant modified = Files.getLastModifiedTime(lock).toInstant();

        assertEquals(List.of(new LockFile(abs(lock), modified, false)), vc.lockFiles());
        assertTrue(run(r, "add", "a.txt").err().contains("index.lock"), "git itself is stuck on it");

        vc.removeStaleLock(abs(lock));

        assertFalse(Files.exists(lock));
        assertEquals(List.of(), vc.lockFiles());
        git(r, "commit", "-q", "-am", "works again");
    }

    // covers feature-008/FR-004
    @Test
    void a_lock_made_moments_ago_is_held_even_with_no_git_running() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        Path lock = Files.writeString(r.resolve(".git/index.lock"), "");

        List<LockFile> locks = vc.lockFiles();

        assertEquals(1, locks.size());
        assertTrue(locks.get(0).held(), "a git may have just made it");
        assertThrows(VersionControlException.class, () -> vc.removeStaleLock(abs(lock)));
        assertTrue(Files.exists(lock));
    }

    // covers feature-008/FR-004
    @Test
    void old_locks_of_head_refs_and_config_are_listed_sorted_as_stale() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        Path git = r.resolve(".git");
        List<Path> made = List.of(git.resolve("HEAD.lock"), git.resolve("config.lock"),
                git.resolve("index.lock"), git.resolve("refs/heads/main.lock"));
        for (Path p : made) {
            Files.writeString(p, "");
            age(p);
        }

        List<LockFile> locks = vc.lockFiles();

        assertEquals(made.stream().map(LockFilesTest::abs).sorted().toList(),
                locks.stream().map(LockFile::path).toList());
        assertTrue(locks.stream().noneMatch(LockFile::held), locks.toString());
        vc.removeStaleLock(abs(git.resolve("refs/heads/main.lock")));
        assertEquals(3, vc.lockFiles().size());
        assertFalse(Files.exists(git.resolve("refs/heads/main.lock")));
    }

    // covers feature-008/FR-011
    @Test
    void removing_a_file_that_is_no_lock_is_refused_and_it_stays() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        Path index = r.resolve(".git/index");
        Path lookalike = Files.writeString(r.resolve("notes.lock"), "mine\n");
        age(lookalike);

        for (Path p : List.of(index, lookalike)) {
            VersionControlException e = assertThrows(VersionControlException.class,
                    () -> vc.removeStaleLock(abs(p)));
            assertTrue(e.getMessage().contains("it is not one of git's lock files"), e.getMessage());
            assertTrue(Files.exists(p));
        }
    }
}
