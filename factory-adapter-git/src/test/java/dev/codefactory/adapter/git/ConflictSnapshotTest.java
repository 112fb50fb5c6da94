package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.RepositoryState.Operation;
import dev.codefactory.port.vcs.Snapshot;
import dev.codefactory.port.vcs.VersionControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * RESCUE's way out of an operation: a snapshot first, then the abort; restoring the snapshot brings the operation
 * back as it was: the conflicted files byte for byte (markers and all), the index's conflict stages, git's own
 * operation files, so that git carries on with it.
 */
// covers feature-008/FR-011
class ConflictSnapshotTest extends IsolatedGit {

    private static final byte[] CRLF_AND_BINARY = {'a', '\r', '\n', 0, (byte) 0xfe, 'z', '\n'};

    /** What git shows of the operation: status, unmerged stages, HEAD, branch, the operation's files' bytes. */
    private Map<String, String> seen(Path r) throws IOException {
        Map<String, String> seen = new TreeMap<>();
        seen.put("status", git(r, "status", "--porcelain", "--untracked-files=all"));
        seen.put("stages", git(r, "ls-files", "-u", "-s"));
        seen.put("head", git(r, "rev-parse", "HEAD"));
        seen.put("branch", run(r, "symbolic-ref", "-q", "HEAD").out());
        seen.put("bisect refs", git(r, "for-each-ref", "refs/bisect"));
        Path dotGit = r.resolve(".git");
        for (String name : OperationFiles.NAMES) {
            Path p = dotGit.resolve(name);
            if (Files.isRegularFile(p)) {
                seen.put(name, Files.readString(p));
            } else if (Files.isDirectory(p)) {
                try (var all = Files.walk(p)) {
                    for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                        seen.put(dotGit.relativize(f).toString(), Files.readString(f));
                    }
                }
            }
        }
        return seen;
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    @Test
    void a_merge_conflict_comes_back_byte_for_byte_after_the_abort() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "conflict.txt", "one\ntwo\nthree\n", "both.txt", "x\n", "clean.txt", "c\n");
        git(r, "checkout", "-q", "-b", "topic");
        commitFiles(r, "topic", "conflict.txt", "one\nTOPIC\nthree\n", "clean.txt", "c topic\n",
                "added-by-topic.txt", "t\n");
        Files.write(r.resolve("both.txt"), CRLF_AND_BINARY);
        git(r, "commit", "-qam", "binary on topic");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "main", "conflict.txt", "one\nMAIN\nthree\n", "both.txt", "y\n");
        assertNotEquals(0, run(r, "merge", "topic").exit());
        write(r.resolve("untracked.txt"), "mine\n");
        byte[] conflict = bytes(r.resolve("conflict.txt"));
        assertTrue(new String(conflict).contains("<<<<<<< HEAD\nMAIN\n=======\nTOPIC\n>>>>>>> topic\n"));
        byte[] binary = bytes(r.resolve("both.txt"));
        Map<String, String> before = seen(r);
        assertEquals(List.of("both.txt", "conflict.txt"), vc.state().conflicted());

        Snapshot snapshot = vc.snapshot("before rescue aborts the merge");
        assertEquals(before, seen(r), "a snapshot changes nothing");
        vc.abortOperation();
        assertEquals(Operation.NONE, vc.state().operation());
        assertEquals("one\nMAIN\nthree\n", read(r.resolve("conflict.txt")));

        vc.restore(snapshot);

        assertEquals(before, seen(r));
        assertArrayEquals(conflict, bytes(r.resolve("conflict.txt")));
        assertArrayEquals(binary, bytes(r.resolve("both.txt")));
        assertEquals("mine\n", read(r.resolve("untracked.txt")));
        assertEquals(Operation.MERGE, vc.state().operation());
        assertEquals(List.of("both.txt", "conflict.txt"), vc.state().conflicted());
        // git carries on with the merge: resolve, commit, a merge commit of both
        write(r.resolve("conflict.txt"), "one\nBOTH\nthree\n");
        git(r, "add", "conflict.txt", "both.txt");
        git(r, "commit", "-q", "--no-edit");
        assertEquals(git(r, "rev-parse", "topic"), git(r, "rev-parse", "HEAD^2"));
    }

    @Test
    void a_rebase_conflict_comes_back_and_git_continues_it() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "f.txt", "base\n");
        git(r, "checkout", "-q", "-b", "topic");
        commitFiles(r, "topic 1", "g.txt", "g\n");
        commitFiles(r, "topic 2", "f.txt", "topic\n");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "main", "f.txt", "main\n");
        git(r, "checkout", "-q", "topic");
        assertNotEquals(0, run(r, "rebase", "main").exit());
        Map<String, String> before = seen(r);
        byte[] conflict = bytes(r.resolve("f.txt"));

        Snapshot snapshot = vc.snapshot("mid-rebase");
        vc.abortOperation();
        assertEquals("topic\n", read(r.resolve("f.txt")));
        vc.restore(snapshot);

        assertEquals(before, seen(r));
        assertArrayEquals(conflict, bytes(r.resolve("f.txt")));
        assertEquals(Operation.REBASE, vc.state().operation());
        write(r.resolve("f.txt"), "resolved\n");
        git(r, "add", "f.txt");
        git(r, "-c", "core.editor=true", "rebase", "--continue");
        assertEquals("topic 2\ntopic 1\nmain\nbase\n", git(r, "log", "--format=%s"));
        assertEquals("refs/heads/topic\n", git(r, "symbolic-ref", "HEAD"));
    }

    @Test
    void a_bisect_comes_back_with_its_refs() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        for (int i = 1; i <= 6; i++) {
            commitFiles(r, "c" + i, "f.txt", i + "\n");
        }
        git(r, "bisect", "start", "HEAD", "HEAD~5");
        git(r, "bisect", "good");
        Map<String, String> before = seen(r);
        String log = git(r, "bisect", "log");

        Snapshot snapshot = vc.snapshot("mid-bisect");
        vc.abortOperation();
        assertEquals("", git(r, "for-each-ref", "refs/bisect"));
        vc.restore(snapshot);

        assertEquals(before, seen(r));
        assertEquals(log, git(r, "bisect", "log"));
        git(r, "bisect", "bad"); // git carries on with it
        assertTrue(git(r, "bisect", "log").startsWith(log), "the same bisect, one step further");
        assertNotEquals(log, git(r, "bisect", "log"));
    }
}
