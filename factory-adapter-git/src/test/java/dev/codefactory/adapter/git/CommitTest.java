package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.CommitInfo;
import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.Identity;
import dev.codefactory.port.vcs.VersionControl;
import dev.codefactory.port.vcs.VersionControlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// covers feature-004/FR-001
class CommitTest extends IsolatedGit {

    @Test
    void commit_shows_in_git_log_with_identity_from_git_config() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve("a.txt"), "hello\n");
        vc.add(List.of("a.txt"));
        CommitInfo info = vc.commit(CommitRequest.of("Add a\n\nBecause."));
        String log = git(r, "log", "-1", "--format=%H|%an|%ae|%cn|%ce|%B");
        assertEquals(info.id() + "|Ada Lovelace|ada@example.com|Ada Lovelace|ada@example.com|Add a\n\nBecause.\n\n",
                log);
        assertEquals("a.txt\n", git(r, "ls-tree", "--name-only", "HEAD"));
        assertEquals("Add a", info.subject());
    }

    @Test
    void repository_config_overrides_global_identity() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        git(r, "config", "user.name", "Repo Person");
        write(r.resolve("a.txt"), "x\n");
        vc.add(List.of("a.txt"));
        vc.commit(CommitRequest.of("one"));
        assertEquals("Repo Person|ada@example.com\n", git(r, "log", "-1", "--format=%cn|%ce"));
    }

    @Test
    void identity_is_what_git_config_says_and_empty_when_it_says_nothing() throws Exception {
        VersionControl vc = newRepo("r");
        assertEquals(Optional.of(new Identity("Ada Lovelace", "ada@example.com")), vc.identity());
        git(vc.workTree(), "config", "user.name", "Repo Person");
        try (VersionControl reopened = open(vc.workTree())) {
            assertEquals(Optional.of(new Identity("Repo Person", "ada@example.com")), reopened.identity());
        }
        Files.writeString(home.resolve(".gitconfig"), "[init]\n\tdefaultBranch = main\n");
        assertEquals(Optional.empty(), newRepo("bare-identity").identity());
    }

    @Test
    void sign_off_and_explicit_author_are_recorded() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve("a.txt"), "x\n");
        vc.add(List.of("a.txt"));
        vc.commit(new CommitRequest("Fix it", List.of(), true, new Identity("Bob", "bob@example.com"), false));
        assertEquals("Bob|bob@example.com|Ada Lovelace|Fix it\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n\n",
                git(r, "log", "-1", "--format=%an|%ae|%cn|%B"));
        assertEquals("Ada Lovelace <ada@example.com>\n\n",
                git(r, "log", "-1", "--format=%(trailers:key=Signed-off-by,valueonly)"));
    }

    @Test
    void commit_without_identity_says_how_to_set_it() throws Exception {
        Files.writeString(home.resolve(".gitconfig"), "[init]\n\tdefaultBranch = main\n");
        VersionControl vc = newRepo("r");
        write(vc.workTree().resolve("a.txt"), "x\n");
        vc.add(List.of("a.txt"));
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.commit(CommitRequest.of("one")));
        assertTrue(e.getMessage().contains("git config --global user.name"), e.getMessage());
    }

    @Test
    void nothing_staged_is_refused_unless_empty_commits_are_allowed() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "base", "a.txt", "x\n");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.commit(CommitRequest.of("again")));
        assertTrue(e.getMessage().startsWith("nothing to commit"), e.getMessage());
        vc.commit(new CommitRequest("empty", List.of(), false, null, true));
        assertEquals("empty\n", git(vc.workTree(), "log", "-1", "--format=%s"));
    }

    @Test
    void nothing_to_commit_in_an_empty_repository() {
        VersionControl vc = newRepo("r");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.commit(CommitRequest.of("first")));
        assertTrue(e.getMessage().startsWith("nothing to commit"), e.getMessage());
    }

    @Test
    void commit_of_only_paths_leaves_other_staged_changes_staged() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "spec/one.md", "one\n", "src/a.txt", "a\n", "gone.txt", "bye\n");
        write(r.resolve("src/a.txt"), "a changed\n");
        git(r, "add", "src/a.txt");
        write(r.resolve("spec/one.md"), "one changed\n");
        write(r.resolve("spec/two.md"), "new spec\n");
        git(r, "rm", "-q", "gone.txt");

        vc.commit(CommitRequest.only("Specs", List.of("spec")));

        assertEquals("A\tspec/two.md\nM\tspec/one.md\n".lines().sorted().toList(),
                git(r, "show", "--name-status", "--format=", "HEAD").lines().sorted().toList());
        assertEquals("D  gone.txt\nM  src/a.txt\n", git(r, "status", "--porcelain"));
        assertEquals("", git(r, "diff", "--name-only"));
        assertEquals("one changed\n", git(r, "show", "HEAD:spec/one.md"));
        assertEquals("", git(r, "fsck", "--no-progress"));
    }

    @Test
    void commit_of_only_a_deleted_path_records_the_deletion() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "a/b/c.txt", "c\n", "a/d.txt", "d\n");
        write(r.resolve("a/d.txt"), "staged\n");
        git(r, "add", "a/d.txt");
        git(r, "rm", "-q", "a/b/c.txt");
        vc.commit(CommitRequest.only("drop c", List.of("a/b/c.txt")));
        assertEquals("a/d.txt\n", git(r, "ls-tree", "-r", "--name-only", "HEAD"));
        assertEquals("M  a/d.txt\n", git(r, "status", "--porcelain", "--untracked-files=all"));
    }

    @Test
    void commit_of_only_paths_in_an_empty_repository_makes_the_root_commit() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve("x.md"), "x\n");
        write(r.resolve("y.md"), "y\n");
        vc.commit(CommitRequest.only("root", List.of("x.md")));
        assertEquals("x.md\n", git(r, "ls-tree", "-r", "--name-only", "HEAD"));
        assertEquals("?? y.md\n", git(r, "status", "--porcelain"));
    }

    @Test
    void commit_of_only_unchanged_paths_is_refused() {
        VersionControl vc = newRepo("r");
        commitFiles(vc.workTree(), "base", "a.txt", "x\n");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.commit(CommitRequest.only("same", List.of("a.txt"))));
        assertTrue(e.getMessage().startsWith("nothing to commit"), e.getMessage());
    }

    @Test
    void add_stages_new_modified_and_deleted_files_under_a_path() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        commitFiles(r, "base", "d/keep.txt", "k\n", "d/gone.txt", "g\n", "other.txt", "o\n");
        write(r.resolve("d/keep.txt"), "k2\n");
        write(r.resolve("d/new/n.txt"), "n\n");
        write(r.resolve("other.txt"), "o2\n");
        r.resolve("d/gone.txt").toFile().delete();
        vc.add(List.of("d"));
        assertEquals("D  d/gone.txt\nM  d/keep.txt\nA  d/new/n.txt\n M other.txt\n",
                git(r, "status", "--porcelain"));
    }

    @Test
    void add_refuses_an_ignored_file_naming_it() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve(".gitignore"), "*.log\n");
        write(r.resolve("debug.log"), "x\n");
        VersionControlException e = assertThrows(VersionControlException.class,
                () -> vc.add(List.of("debug.log")));
        assertTrue(e.getMessage().contains("debug.log") && e.getMessage().contains("ignored"), e.getMessage());
    }

    @Test
    void add_of_the_whole_tree_skips_ignored_files() {
        VersionControl vc = newRepo("r");
        Path r = vc.workTree();
        write(r.resolve(".gitignore"), "*.log\n");
        write(r.resolve("debug.log"), "x\n");
        write(r.resolve("src/a.txt"), "a\n");
        vc.add(List.of("."));
        assertEquals("A  .gitignore\nA  src/a.txt\n", git(r, "status", "--porcelain"));
        write(r.resolve("src/b.txt"), "b\n");
        vc.add(List.of("./src/"));
        assertEquals("A  .gitignore\nA  src/a.txt\nA  src/b.txt\n", git(r, "status", "--porcelain"));
    }
}
