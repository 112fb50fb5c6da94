package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StashTest extends IsolatedGit {

    private static final byte[] BINARY = {0, 1, 2, (byte) 0xff, '\r', '\n', 'x'};

    /** Every file git does not ignore (tracked or untracked), with its exact bytes. */
    private Map<String, List<Byte>> files(Path r) {
        Map<String, List<Byte>> files = new TreeMap<>();
        for (String path : git(r, "ls-files", "-co", "--exclude-standard").lines().toList()) {
            Path p = r.resolve(path);
            if (Files.exists(p)) {
                try {
                    byte[] bytes = Files.readAllBytes(p);
                    Byte[] boxed = new Byte[bytes.length];
                    for (int i = 0; i < bytes.length; i++) {
                        boxed[i] = bytes[i];
                    }
                    files.put(path, List.of(boxed));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /**
     * A committed repository, then: a staged modification, an unstaged one, a staged new file, a deleted file, untracked
     * files (one binary, some in a new folder) and ignored files (one next to an untracked file).
     */
    private VersionControl messy() throws IOException {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", ".gitignore", "*.log\nbuild/\n", "a.txt", "a\n", "dir/b.txt", "b\n", "gone.txt", "g\n");
        write(r.resolve("a.txt"), "a staged\n");
        git(r, "add", "a.txt");
        write(r.resolve("dir/b.txt"), "b unstaged\n");
        write(r.resolve("staged-new.txt"), "new\n");
        git(r, "add", "staged-new.txt");
        Files.delete(r.resolve("gone.txt"));
        write(r.resolve("u/deep/x.txt"), "untracked\n");
        Files.write(r.resolve("bin.dat"), BINARY);
        write(r.resolve("debug.log"), "ignored\n");
        write(r.resolve("u/trace.log"), "ignored in an untracked folder\n");
        write(r.resolve("build/out.txt"), "ignored folder\n");
        return vc;
    }

    private void assertClean(Path r) {
        assertEquals("", git(r, "status", "--porcelain", "--untracked-files=all"));
        for (String line : git(r, "status", "--porcelain", "--untracked-files=all", "--ignored").lines().toList()) {
            assertTrue(line.startsWith("!! "), line);
        }
        assertEquals("", git(r, "diff", "HEAD"));
        assertEquals("", git(r, "diff", "--cached"));
    }

    @Test
    void stash_takes_staged_unstaged_and_untracked_changes_and_leaves_ignored_files() throws IOException {
        VersionControl vc = messy();
        Path r = vc.workTree();

        Optional<String> stash = vc.stash("before change 12");

        assertTrue(stash.isPresent());
        assertTrue(stash.get().matches("[0-9a-f]{40}"), stash.get());
        assertEquals(stash.get() + "\n", git(r, "rev-parse", "refs/stash"));
        assertClean(r);
        assertTrue(vc.status().entries().isEmpty(), vc.status().toString());
        assertEquals("a\n", read(r.resolve("a.txt")));
        assertEquals("g\n", read(r.resolve("gone.txt")));
        assertFalse(Files.exists(r.resolve("staged-new.txt")));
        assertFalse(Files.exists(r.resolve("bin.dat")));
        assertFalse(Files.exists(r.resolve("u/deep")), "the emptied untracked folder is removed, as git does");
        assertEquals("ignored\n", read(r.resolve("debug.log")));
        assertEquals("ignored in an untracked folder\n", read(r.resolve("u/trace.log")));
        assertEquals("ignored folder\n", read(r.resolve("build/out.txt")));
        assertEquals("stash@{0}: On main: before change 12\n", git(r, "stash", "list"));
    }

    @Test
    void git_stash_pop_gives_every_byte_back() throws IOException {
        VersionControl vc = messy();
        Path r = vc.workTree();
        Map<String, List<Byte>> before = files(r);

        vc.stash("work in progress");
        assertNotEquals(before, files(r));
        git(r, "stash", "pop");

        assertEquals(before, files(r));
        assertArrayEquals(BINARY, Files.readAllBytes(r.resolve("bin.dat")));
        assertEquals("", git(r, "stash", "list"));
        assertEquals("A\tstaged-new.txt\n", git(r, "diff", "--cached", "--name-status"), "git keeps new files added");
    }

    @Test
    void git_stash_pop_with_index_gives_the_index_back_too() throws IOException {
        VersionControl vc = messy();
        Path r = vc.workTree();
        Map<String, List<Byte>> before = files(r);
        String status = git(r, "status", "--porcelain", "--untracked-files=all");
        String cached = git(r, "diff", "--cached", "--name-status");

        vc.stash("with index");
        git(r, "stash", "pop", "--index");

        assertEquals(before, files(r));
        assertEquals(status, git(r, "status", "--porcelain", "--untracked-files=all"));
        assertEquals(cached, git(r, "diff", "--cached", "--name-status"));
    }

    @Test
    void stash_without_a_message_is_named_as_git_names_it() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "the subject", "a.txt", "a\n");
        write(r.resolve("a.txt"), "changed\n");

        vc.stash(null);

        String abbrev = git(r, "rev-parse", "--short=7", "HEAD").strip();
        assertEquals("stash@{0}: WIP on main: " + abbrev + " the subject\n", git(r, "stash", "list"));
    }

    @Test
    void a_message_with_quotes_and_braces_is_kept_as_written() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        write(r.resolve("a.txt"), "changed\n");

        vc.stash("don't {0} lose '{this}'");

        assertEquals("stash@{0}: On main: don't {0} lose '{this}'\n", git(r, "stash", "list"));
    }

    @Test
    void nothing_to_stash_gives_empty_and_records_nothing() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", ".gitignore", "*.log\n", "a.txt", "a\n");
        write(r.resolve("debug.log"), "ignored\n");

        assertEquals(Optional.empty(), vc.stash("nothing"));

        assertNotEquals(0, run(r, "rev-parse", "-q", "--verify", "refs/stash").exit());
        assertEquals("ignored\n", read(r.resolve("debug.log")));
    }

    @Test
    void stash_in_an_empty_repository_is_refused() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve("a.txt"), "a\n");

        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.stash("x"));

        assertTrue(e.getMessage().contains("no commit") && e.getMessage().contains("commit first"), e.getMessage());
        assertEquals("a\n", read(r.resolve("a.txt")));
    }

    @Test
    void stash_during_a_merge_conflict_is_refused() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "conflict.txt", "base\n");
        git(r, "checkout", "-q", "-b", "topic");
        commitFiles(r, "topic change", "conflict.txt", "topic\n");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "main change", "conflict.txt", "main\n");
        assertNotEquals(0, run(r, "merge", "topic").exit());
        String conflicted = read(r.resolve("conflict.txt"));

        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.stash("x"));

        assertTrue(e.getMessage().contains("conflict.txt") && e.getMessage().contains("resolve"), e.getMessage());
        assertEquals(conflicted, read(r.resolve("conflict.txt")));
        assertEquals(0, run(r, "rev-parse", "-q", "--verify", "MERGE_HEAD").exit());
    }

    @Test
    void stash_during_a_resolved_merge_is_refused() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "conflict.txt", "base\n");
        git(r, "checkout", "-q", "-b", "topic");
        commitFiles(r, "topic change", "conflict.txt", "topic\n");
        git(r, "checkout", "-q", "main");
        commitFiles(r, "main change", "conflict.txt", "main\n");
        assertNotEquals(0, run(r, "merge", "topic").exit());
        write(r.resolve("conflict.txt"), "resolved\n");
        git(r, "add", "conflict.txt");

        VersionControlException e = assertThrows(VersionControlException.class, () -> vc.stash("x"));

        assertTrue(e.getMessage().contains("merge") && e.getMessage().contains("abort"), e.getMessage());
        assertEquals("resolved\n", read(r.resolve("conflict.txt")));
    }

    /** Three stashes made through the port, oldest first. */
    private List<String> threeStashes(VersionControl vc) {
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        String[] ids = new String[3];
        String[] names = {"one", "two", "three"};
        for (int i = 0; i < 3; i++) {
            write(r.resolve("a.txt"), names[i] + "\n");
            ids[i] = vc.stash(names[i]).orElseThrow();
        }
        return List.of(ids);
    }

    @Test
    void drop_stash_in_the_middle_keeps_the_others_in_order() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        List<String> ids = threeStashes(vc);
        assertEquals("stash@{0}: On main: three\nstash@{1}: On main: two\nstash@{2}: On main: one\n",
                git(r, "stash", "list"));

        assertTrue(vc.dropStash(ids.get(1)));

        assertEquals("stash@{0}: On main: three\nstash@{1}: On main: one\n", git(r, "stash", "list"));
        assertEquals(ids.get(2) + "\n" + ids.get(0) + "\n", git(r, "rev-parse", "stash@{0}", "stash@{1}"));
        assertFalse(vc.dropStash(ids.get(1)), "already dropped");
        git(r, "stash", "pop", "stash@{1}");
        assertEquals("one\n", read(r.resolve("a.txt")));
    }

    @Test
    void drop_stash_of_the_only_entry_removes_the_stash() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a.txt", "a\n");
        write(r.resolve("a.txt"), "changed\n");
        String id = vc.stash("only").orElseThrow();

        assertTrue(vc.dropStash(id));

        assertEquals("", git(r, "stash", "list"));
        assertNotEquals(0, run(r, "rev-parse", "-q", "--verify", "refs/stash").exit());
    }

    @Test
    void drop_stash_of_an_unknown_commit_is_false() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        assertFalse(vc.dropStash("0123456789abcdef0123456789abcdef01234567"), "no stash at all");
        List<String> ids = threeStashes(vc);
        String head = git(r, "rev-parse", "HEAD").strip();

        assertFalse(vc.dropStash(head));
        assertFalse(vc.dropStash("0123456789abcdef0123456789abcdef01234567"));

        assertEquals(ids.get(2) + "\n" + ids.get(1) + "\n" + ids.get(0) + "\n",
                git(r, "rev-parse", "stash@{0}", "stash@{1}", "stash@{2}"));
    }

    @Test
    void resolve_names_branches_remote_refs_tags_and_commit_ids() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "first", "a.txt", "1\n");
        String first = git(r, "rev-parse", "HEAD").strip();
        commitFiles(r, "second", "a.txt", "2\n");
        String second = git(r, "rev-parse", "HEAD").strip();
        git(r, "branch", "topic", first);
        git(r, "update-ref", "refs/remotes/origin/main", first);
        git(r, "tag", "-a", "-m", "annotated", "v1", first);

        assertEquals(Optional.of(second), vc.resolve("main"));
        assertEquals(Optional.of(second), vc.resolve("HEAD"));
        assertEquals(Optional.of(first), vc.resolve("topic"));
        assertEquals(Optional.of(first), vc.resolve("refs/heads/topic"));
        assertEquals(Optional.of(first), vc.resolve("refs/remotes/origin/main"));
        assertEquals(Optional.of(first), vc.resolve("origin/main"));
        assertEquals(Optional.of(first), vc.resolve("v1"), "a tag is peeled to its commit");
        assertEquals(Optional.of(first), vc.resolve(first));
        assertEquals(Optional.of(first), vc.resolve(first.substring(0, 8)));
        assertEquals(Optional.of(first), vc.resolve("main~1"));
    }

    @Test
    void resolve_of_what_names_no_commit_is_empty() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        assertEquals(Optional.empty(), vc.resolve("HEAD"), "no commit yet");
        commitFiles(r, "first", "a.txt", "1\n");
        String blob = git(r, "rev-parse", "HEAD:a.txt").strip();

        for (String garbage : List.of("no-such-branch", "no such branch", "refs/heads/nope", "",
                "0123456789abcdef0123456789abcdef01234567", "HEAD~5", "main^{", "..", "main..", "@{-1}", "~",
                "refs/remotes/origin/main", "HEAD:missing.txt", blob, "zz", "::", "main@{", "\0")) {
            assertEquals(Optional.empty(), vc.resolve(garbage), garbage);
        }
    }

    @Test
    void resolve_of_rev_colon_path_names_the_file_in_that_commit() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "first", "dir/a.txt", "1\n");
        assertEquals(Optional.of(git(r, "rev-parse", "HEAD:dir/a.txt").strip()), vc.resolve("HEAD:dir/a.txt"));
        assertEquals(Optional.of(git(r, "rev-parse", "HEAD:dir").strip()), vc.resolve("HEAD:dir"));
        assertEquals(Optional.empty(), vc.resolve("HEAD:dir/b.txt"));
    }
}
