package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.testsupport.GitSandbox.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

// covers feature-004/FR-001
class SnapshotTest extends IsolatedGit {

    /** Everything a restore must bring back, as the git CLI and the file system see it. */
    private record Observed(Map<String, String> files, String cached, String status, String head, String headRef) {
    }

    private Observed observe(Path r) {
        Map<String, String> files = new TreeMap<>();
        for (String path : git(r, "ls-files", "-co", "--exclude-standard").lines().toList()) {
            Path p = r.resolve(path);
            if (Files.exists(p)) {
                try {
                    files.put(path, (Files.isExecutable(p) ? "x:" : "-:")
                            + Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Result head = run(r, "rev-parse", "-q", "--verify", "HEAD");
        Result ref = run(r, "symbolic-ref", "-q", "HEAD");
        return new Observed(files, git(r, "diff", "--cached", "--name-status"),
                git(r, "status", "--porcelain", "--untracked-files=all"), head.out(), ref.out());
    }

    @Test
    void restore_puts_back_branch_index_and_files_after_a_mess() throws Exception {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", ".gitignore", "*.log\n", "a.txt", "a\n", "dir/b.txt", "b\n", "gone.txt", "g\n",
                "script.sh", "#!/bin/sh\n");
        git(r, "update-index", "--chmod=+x", "script.sh");
        r.resolve("script.sh").toFile().setExecutable(true);
        git(r, "commit", "-q", "-m", "exec");
        write(r.resolve("a.txt"), "a staged\n");
        git(r, "add", "a.txt");
        write(r.resolve("a.txt"), "a staged then edited\n");
        write(r.resolve("dir/b.txt"), "b unstaged\n");
        write(r.resolve("staged-new.txt"), "new\n");
        git(r, "add", "staged-new.txt");
        write(r.resolve("u/x.txt"), "untracked\n");
        Files.write(r.resolve("bin.dat"), new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n'});
        Files.delete(r.resolve("gone.txt"));
        write(r.resolve("debug.log"), "ignored before\n");
        Observed before = observe(r);

        Snapshot snapshot = vc.snapshot("before change 12");

        assertEquals(before, observe(r));
        assertEquals(Optional.of("main"), snapshot.branch());
        assertEquals("before change 12", snapshot.label());
        assertEquals(List.of(snapshot), vc.snapshots());
        assertEquals(snapshot.commit() + "\n", git(r, "rev-parse", "refs/factory/snapshots/" + snapshot.id()));

        git(r, "checkout", "-q", "-b", "mess");
        git(r, "add", "-A");
        git(r, "commit", "-q", "-m", "mess");
        write(r.resolve("mess.txt"), "m\n");
        git(r, "add", "mess.txt");
        git(r, "commit", "-q", "-m", "mess 2");
        write(r.resolve("a.txt"), "edited in mess\n");
        Files.delete(r.resolve("dir/b.txt"));
        write(r.resolve("junk/deep/j.txt"), "junk\n");
        write(r.resolve("junk.txt"), "junk\n");
        write(r.resolve("debug.log"), "ignored changed\n");
        r.resolve("script.sh").toFile().setExecutable(false);
        git(r, "add", "junk.txt");
        assertNotEquals(before, observe(r));

        vc.restore(snapshot);

        assertEquals(before, observe(r));
        assertEquals("ignored changed\n", read(r.resolve("debug.log")));
        assertFalse(Files.exists(r.resolve("junk")));
        assertTrue(Files.isExecutable(r.resolve("script.sh")));
        assertEquals(Optional.of("main"), vc.currentBranch());
        assertTrue(vc.branchExists("mess"));
    }

    @Test
    void snapshot_and_restore_in_an_empty_repository() throws Exception {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve("staged.txt"), "s\n");
        git(r, "add", "staged.txt");
        write(r.resolve("untracked.txt"), "u\n");
        Observed before = observe(r);

        Snapshot snapshot = vc.snapshot("empty");
        assertEquals(Optional.empty(), snapshot.head());
        assertEquals(Optional.empty(), snapshot.branch());

        git(r, "checkout", "-q", "-b", "other");
        git(r, "add", "-A");
        git(r, "commit", "-q", "-m", "on other");
        write(r.resolve("staged.txt"), "changed\n");
        write(r.resolve("more.txt"), "more\n");
        Files.delete(r.resolve("untracked.txt"));

        vc.restore(snapshot);

        assertEquals(before, observe(r));
        assertTrue(vc.state().empty());
        assertEquals("refs/heads/main\n", git(r, "symbolic-ref", "HEAD"));
    }

    @Test
    void snapshot_and_restore_from_a_detached_head() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n");
        commitFiles(r, "two", "a.txt", "2\n");
        git(r, "checkout", "-q", "--detach", "HEAD~1");
        write(r.resolve("a.txt"), "detached edit\n");
        Observed before = observe(r);

        Snapshot snapshot = vc.snapshot("detached");
        assertEquals(Optional.empty(), snapshot.branch());
        assertEquals(Optional.of(before.head().strip()), snapshot.head());

        git(r, "checkout", "-q", "-f", "main");
        commitFiles(r, "three", "a.txt", "3\n");

        vc.restore(snapshot);

        assertEquals(before, observe(r));
        assertTrue(vc.state().detached());
        assertEquals("3\n", git(r, "show", "main:a.txt"));
    }

    @Test
    void snapshots_are_listed_newest_first_and_can_be_dropped() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "1\n");
        Snapshot first = vc.snapshot("first");
        Snapshot second = vc.snapshot("second");
        assertNotEquals(first.id(), second.id());
        assertEquals(List.of(second, first), vc.snapshots());
        vc.dropSnapshot(first);
        assertEquals(List.of(second), vc.snapshots());
        assertEquals("", git(r, "for-each-ref", "refs/factory/snapshots/" + first.id()));
    }

    private Path conflicted(VersionControl vc) {
        Path r = vc.workTree();
        commitFiles(r, "base", "conflict.txt", "base\n", "other.txt", "o\n");
        git(r, "checkout", "-q", "-b", "topic");
        commitFiles(r, "topic", "conflict.txt", "topic\n", "other.txt", "o2\n");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "main", "conflict.txt", "main\n");
        assertFalse(run(r, "merge", "topic").exit() == 0);
        return r;
    }

    @Test
    void restore_brings_back_unresolved_conflicts() {
        VersionControl vc = newRepo("r");
        Path r = conflicted(vc);
        String stages = git(r, "ls-files", "-u");
        Observed before = observe(r);

        Snapshot snapshot = vc.snapshot("mid-merge");
        assertEquals(before, observe(r));

        write(r.resolve("conflict.txt"), "resolved\n");
        git(r, "add", "conflict.txt");
        write(r.resolve("other.txt"), "edited\n");
        write(r.resolve("new.txt"), "new\n");
        assertEquals("", git(r, "ls-files", "-u"));

        vc.restore(snapshot);

        assertEquals(before, observe(r));
        assertEquals(stages, git(r, "ls-files", "-u"));
        assertEquals(List.of("conflict.txt"), vc.state().conflicted());
    }

    @Test
    void restore_is_refused_when_another_operation_is_in_progress() {
        VersionControl vc = newRepo("r");
        Path r = conflicted(vc);
        Snapshot snapshot = vc.snapshot("mid-merge");
        git(r, "merge", "--abort");
        assertFalse(run(r, "cherry-pick", "topic").exit() == 0);
        dev.codefactory.port.vcs.VersionControlException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.codefactory.port.vcs.VersionControlException.class, () -> vc.restore(snapshot));
        assertTrue(e.getMessage().contains("a merge in progress"), e.getMessage());
        assertTrue(e.getMessage().contains("now there is a cherry-pick"), e.getMessage());
        assertTrue(Files.exists(r.resolve(".git/CHERRY_PICK_HEAD")));
        assertFalse(Files.exists(r.resolve(".git/MERGE_HEAD")));
    }

    @Test
    void restore_refuses_a_folder_standing_where_the_snapshot_has_a_file() throws Exception {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", ".gitignore", "*.log\n", "a.txt", "1\n");
        Snapshot snapshot = vc.snapshot("before");
        git(r, "rm", "-q", "a.txt");
        write(r.resolve("a.txt/keep.log"), "ignored, precious\n");
        String head = git(r, "rev-parse", "HEAD");
        dev.codefactory.port.vcs.VersionControlException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.codefactory.port.vcs.VersionControlException.class, () -> vc.restore(snapshot));
        assertTrue(e.getMessage().contains("a.txt"), e.getMessage());
        assertEquals("ignored, precious\n", read(r.resolve("a.txt/keep.log")));
        assertEquals(head, git(r, "rev-parse", "HEAD"));
        assertEquals("D  a.txt\n", git(r, "status", "--porcelain"));
    }

    @Test
    void restore_brings_back_symbolic_links() throws Exception {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "one", "a.txt", "a\n", "b.txt", "b\n");
        Files.createSymbolicLink(r.resolve("link"), Path.of("a.txt"));
        git(r, "add", "link");
        git(r, "commit", "-q", "-m", "link");
        Files.createSymbolicLink(r.resolve("untracked-link"), Path.of("b.txt"));
        Snapshot snapshot = vc.snapshot("links");
        Files.delete(r.resolve("link"));
        Files.createSymbolicLink(r.resolve("link"), Path.of("b.txt"));
        Files.delete(r.resolve("untracked-link"));
        Files.writeString(r.resolve("untracked-link"), "now a file\n");

        vc.restore(snapshot);

        assertEquals(Path.of("a.txt"), Files.readSymbolicLink(r.resolve("link")));
        assertEquals(Path.of("b.txt"), Files.readSymbolicLink(r.resolve("untracked-link")));
        assertEquals("?? untracked-link\n", git(r, "status", "--porcelain"));
    }
}
