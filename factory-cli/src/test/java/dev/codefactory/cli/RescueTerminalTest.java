package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory rescue} at a real terminal ({@link Pty}): the findings, each repair explained then asked, and Ctrl-C
 * at a question stopping at once with what was done kept and nothing more done.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RescueTerminalTest {
    @TempDir
    Path tmp;

    // covers feature-008/FR-011, feature-008/FR-013
    @Test
    void a_repair_is_asked_and_made_and_ctrl_c_at_the_abort_question_stops_with_the_merge_left_alone()
            throws Exception {
        TestProject project = TestProject.initialised(Files.createDirectories(tmp.resolve("p")));
        project.git("config", "user.name", "Ada Lovelace");
        project.git("config", "user.email", "ada@example.com");
        project.write("a.txt", "one\ntwo\nthree\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "base");
        String main = project.git("symbolic-ref", "--short", "HEAD").strip();
        project.git("checkout", "-q", "-b", "other");
        project.write("a.txt", "one\ntwo, said other\nthree\n");
        project.git("commit", "-q", "-am", "other");
        project.git("checkout", "-q", main);
        project.write("a.txt", "one\ntwo, said main\nthree\n");
        project.git("commit", "-q", "-am", "main");
        assertEquals(1, project.gitRun("merge", "other").exit());
        String conflicted = project.read("a.txt");
        Path lock = Files.writeString(project.root.resolve(".git/index.lock"), "");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(60)));

        try (Pty pty = Pty.start(project.root, project.env, 100, 40, null, "rescue", "--offline", "--no-report")) {
            pty.expect("a.txt:2").expect("Repair: remove the stale lock").expect("Do it? [y/N]").type("y\r");
            pty.expect("always asked").expect("Do it? [y/N]");
            assertFalse(Files.exists(lock), "the lock is removed once the person said y: " + pty.text());
            pty.ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            assertTrue(pty.text().contains("[conflict]"), pty.text());
            assertTrue(pty.text().contains("next: "), pty.text());
        }
        assertTrue(Files.exists(project.root.resolve(".git/MERGE_HEAD")), "the merge is not aborted");
        assertEquals(conflicted, project.read("a.txt"), "the conflicted file as it was");
    }
}
