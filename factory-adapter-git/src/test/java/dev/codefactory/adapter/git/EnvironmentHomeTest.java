package dev.codefactory.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.vcs.CommitRequest;
import dev.codefactory.port.vcs.Identity;
import dev.codefactory.port.vcs.VersionControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opened with an environment, the repository reads the person's git configuration from that environment's HOME,
 * XDG_CONFIG_HOME and GIT_CONFIG_GLOBAL, as {@code git} does, not from JGit's process-wide reader (whose home here
 * is the base class's, standing for the JVM's {@code user.home}).
 */
// covers feature-004/NFR-001
class EnvironmentHomeTest extends IsolatedGit {
    Path otherHome;
    Map<String, String> otherEnv;

    @BeforeEach
    void otherHome() throws Exception {
        otherHome = Files.createDirectories(temp.resolve("other-home"));
        Files.writeString(otherHome.resolve(".gitconfig"),
                "[user]\n\tname = Grace Hopper\n\temail = grace@example.com\n");
        otherEnv = new HashMap<>(Map.of("HOME", otherHome.toString(), "GIT_CONFIG_NOSYSTEM", "1"));
    }

    private VersionControl openWith(Path dir, Map<String, String> environment) {
        return closeAfterTest(provider.open(dir, environment).orElseThrow());
    }

    /** git's own answer with the other environment. */
    private String gitWithOtherHome(Path dir, String... args) {
        Map<String, String> saved = new HashMap<>(env);
        env.remove("XDG_CONFIG_HOME");
        env.putAll(otherEnv);
        try {
            return git(dir, args);
        } finally {
            env.clear();
            env.putAll(saved);
        }
    }

    @Test
    void identity_and_commits_come_from_the_environments_home() {
        Path r = newRepo("r").workTree();
        VersionControl vc = openWith(r, otherEnv);
        assertEquals(Optional.of(new Identity("Grace Hopper", "grace@example.com")), vc.identity());
        write(r.resolve("a.txt"), "x\n");
        vc.add(List.of("a.txt"));
        vc.commit(CommitRequest.of("one"));
        assertEquals("Grace Hopper|grace@example.com|Grace Hopper\n", git(r, "log", "-1", "--format=%an|%ae|%cn"));
        // the same repository opened without an environment still reads the process-wide configuration
        assertEquals(Optional.of(new Identity("Ada Lovelace", "ada@example.com")), open(r).identity());
    }

    @Test
    void git_config_global_replaces_the_home_files() throws Exception {
        Path r = newRepo("r").workTree();
        Path global = Files.writeString(temp.resolve("global.cfg"),
                "[user]\n\tname = Global File\n\temail = g@example.com\n");
        otherEnv.put("GIT_CONFIG_GLOBAL", global.toString());
        assertEquals(Optional.of(new Identity("Global File", "g@example.com")), openWith(r, otherEnv).identity());
    }

    @Test
    void status_honours_the_excludes_files_the_environment_names_as_git_does() throws Exception {
        Path r = newRepo("r").workTree();
        // the XDG default ignore file of the other home, and a core.excludesFile under ~ in its .gitconfig
        write(otherHome.resolve(".config/git/ignore"), "*.log\n");
        Files.writeString(otherHome.resolve(".gitconfig"), "[user]\n\tname = Grace Hopper\n\temail = g@example.com\n"
                + "[core]\n\texcludesFile = ~/my-ignores\n");
        write(otherHome.resolve("my-ignores"), "*.tmp\n");
        write(r.resolve("keep.txt"), "k\n");
        write(r.resolve("build.tmp"), "t\n");
        write(r.resolve("run.log"), "l\n");
        String expected = gitWithOtherHome(r, "status", "--porcelain", "--untracked-files=all");
        assertEquals("?? keep.txt\n?? run.log\n", expected); // excludesFile replaces the XDG default, in git too
        String ours = openWith(r, otherEnv).status().entries().stream()
                .map(e -> "" + e.index() + e.workTree() + " " + e.path() + "\n").collect(Collectors.joining());
        assertEquals(expected, ours);
    }

    @Test
    void without_a_home_no_global_configuration_is_read() {
        Path r = newRepo("r").workTree();
        assertTrue(openWith(r, Map.of("GIT_CONFIG_NOSYSTEM", "1")).identity().isEmpty());
    }
}
