package dev.codefactory.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSandboxTest {
    @TempDir
    Path temp;

    @Test
    void commits_are_made_on_main_by_the_sandboxs_own_identity_and_its_home_is_the_only_one_read() {
        GitSandbox git = GitSandbox.at(temp.resolve("home"));
        Path repo = git.init(temp.resolve("repo"));

        git.commitFiles(repo, "first", "a.txt", "a\n", "dir/b.txt", "b\n");

        assertEquals("main\n", git.git(repo, "symbolic-ref", "--short", "HEAD"));
        assertEquals("Ada Lovelace <ada@example.com> first\n", git.git(repo, "log", "--format=%an <%ae> %s"));
        assertEquals("a.txt\ndir/b.txt\n", git.git(repo, "ls-files"));
        assertEquals("Ada Lovelace\n", git.git(repo, "config", "--global", "user.name"));
    }

    @Test
    void a_failure_names_the_command_and_run_returns_it_instead() {
        GitSandbox git = GitSandbox.at(temp.resolve("home"));

        AssertionError e = assertThrows(AssertionError.class, () -> git.git(temp, "rev-parse", "HEAD"));

        assertTrue(e.getMessage().startsWith("git rev-parse HEAD failed (exit "), e.getMessage());
        GitSandbox.Result r = git.run(temp, "rev-parse", "HEAD");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("not a git repository"), r.err());
    }

    @Test
    void the_environment_is_live() {
        GitSandbox git = GitSandbox.at(temp.resolve("home"));
        Path repo = git.init(temp.resolve("repo"));
        GitSandbox.write(temp.resolve("other/.gitconfig"), "[user]\n\tname = Grace Hopper\n");

        git.environment().put("HOME", temp.resolve("other").toString());

        assertEquals("Grace Hopper\n", git.git(repo, "config", "user.name"));
    }
}
