package dev.codefactory.cli;

import static dev.codefactory.cli.ChangeTest.EDITS;
import static dev.codefactory.cli.ChangeTest.FAREWELL_AFTER;
import static dev.codefactory.cli.ChangeTest.GREETER;
import static dev.codefactory.cli.ChangeTest.GREETER_BEFORE;
import static dev.codefactory.cli.ChangeTest.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.testkit.llm.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code factory change} at a real terminal ({@link Pty}): Ctrl-C at every question and during every model call
 * stops the change at once, writes nothing, records it as stopped and exits with 130.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class TerminalChangeTest {
    /** The plan: the greeter, the new farewell and the README. */
    static final String PLAN3 = "{\"summary\": \"Add bye() to Greeter, backed by a new Farewell class, and say so.\","
            + " \"specs\": [], \"files\": [{\"path\": \"" + GREETER + "\", \"action\": \"modify\", \"reason\":"
            + " \"add bye()\"}, {\"path\": \"src/main/java/app/Farewell.java\", \"action\": \"create\", \"reason\":"
            + " \"holds the word\"}, {\"path\": \"README.md\", \"action\": \"modify\", \"reason\": \"say so\"}]}";
    static final String EDITS3 = EDITS + "\nFILE: README.md\n<<<<<<< SEARCH\ngreeter\n=======\ngreeter, and farewell\n"
            + ">>>>>>> REPLACE\n";

    @TempDir
    Path tmp;
    TestProject project;
    ModelLoopback model;
    Map<String, String> before;
    String head;

    @BeforeEach
    void start() throws IOException {
        model = new ModelLoopback();
        project = TestProject.withModel(tmp, "greeter", model);
        project.write(GREETER, GREETER_BEFORE);
        project.write("README.md", "greeter\n");
        project.git("add", "-A");
        project.git("commit", "-q", "-m", "greeter");
        before = files();
        head = project.git("rev-parse", "HEAD").strip();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private Pty change(int columns, String... more) throws IOException {
        String[] args = new String[2 + more.length];
        args[0] = "change";
        args[1] = REQUEST;
        System.arraycopy(more, 0, args, 2, more.length);
        return Pty.start(project.root, project.env, columns, 30, null, args);
    }

    private Map<String, String> files() throws IOException {
        Map<String, String> all = new TreeMap<>(project.snapshot());
        all.keySet().removeIf(p -> p.startsWith(".factory") || p.startsWith(".xdg-config"));
        return all;
    }

    /** Nothing was written: every file, HEAD and the branches as they were, and the change recorded as stopped. */
    private void assertNothingWritten(Pty pty) throws IOException {
        assertEquals(before, files(), pty.text());
        assertEquals(head, project.git("rev-parse", "HEAD").strip());
        assertEquals("", project.git("branch", "--list", "factory/*").strip());
        assertEquals("", project.git("status", "--porcelain", "--", ".", ":!.xdg-config").strip(), pty.text());
        assertTrue(project.run("history").out().contains("stopped"), project.run("history").out());
    }

    @Test
    void ctrl_c_at_the_second_of_three_diffs_commits_nothing_and_exits_130() throws Exception {
        model.changes.add(PLAN3);
        model.changes.add(EDITS3);
        try (Pty pty = change(100)) {
            pty.expect("[a]pprove").type("a\r");
            pty.expect("Apply this file (1/3)?").type("y\r");
            pty.expect("Apply this file (2/3)?").ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            pty.expect("Stopped: nothing was written");
            assertFalse(pty.text().contains("Apply this file (3/3)"), pty.text());
            assertNothingWritten(pty);
        }
    }

    @Test
    void ctrl_c_while_the_model_writes_the_edits_cancels_the_call_and_stops_at_once() throws Exception {
        model.changes.add(PLAN3);
        model.changes.add(EDITS3);
        try (Pty pty = change(100)) {
            pty.expect("[a]pprove");
            model.delayMillis = 60_000; // the edits take a minute
            pty.type("a\r").expect("generation:");
            // the edits are asked for (a Ctrl-C before that would stop the call unsent)
            assertTrue(Await.until(() -> model.bodies.size() >= 2, Duration.ofSeconds(30)), "the edits were asked for");
            long pressed = System.nanoTime();
            pty.ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            long millis = (System.nanoTime() - pressed) / 1_000_000;
            assertTrue(millis < 15_000, "stopped " + millis + " ms after Ctrl-C, not after the model's minute");
            pty.expect("Stopped: nothing was written");
            assertEquals(2, model.bodies.size(), "the plan and the edits were asked for, nothing after");
            assertNothingWritten(pty);
        }
    }

    @Test
    void ctrl_c_while_the_plan_is_asked_for_shows_no_plan_and_asks_nothing() throws Exception {
        model.changes.add(PLAN3);
        model.delayMillis = 60_000;
        try (Pty pty = change(100)) {
            pty.expect("analysis:");
            assertTrue(Await.until(() -> !model.bodies.isEmpty(), Duration.ofSeconds(30)), "the plan was asked for");
            pty.ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            pty.expect("Stopped: nothing was written");
            assertFalse(pty.text().contains("[a]pprove"), pty.text());
            assertNothingWritten(pty);
        }
    }

    @Test
    void ctrl_c_at_the_plan_stops_without_asking_for_edits() throws Exception {
        model.changes.add(PLAN3);
        try (Pty pty = change(100)) {
            pty.expect("[a]pprove").ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            pty.expect("Stopped: nothing was written");
            assertEquals(1, model.bodies.size(), "only the plan was asked for");
            assertNothingWritten(pty);
        }
    }

    @Test
    void answering_every_diff_at_the_terminal_applies_the_change() throws Exception {
        model.changes.add(PLAN3);
        model.changes.add(EDITS3);
        try (Pty pty = change(100)) {
            pty.expect("[a]pprove").type("a\r");
            pty.expect("Apply this file (1/3)?").type("y\r");
            pty.expect("Apply this file (2/3)?").type("y\r");
            pty.expect("Apply this file (3/3)?").type("y\r");

            assertEquals(ExitCodes.OK, pty.exit(Duration.ofSeconds(60)), pty.text());
            pty.expect("Applied");
            assertEquals(FAREWELL_AFTER, project.read("src/main/java/app/Farewell.java"));
            assertTrue(Files.readString(project.root.resolve("README.md")).contains("farewell"));
        }
    }

    @Test
    void ctrl_c_while_the_tests_run_keeps_the_commit_and_says_how_to_go_on() throws Exception {
        project.env.put("FACTORY_PROJECT_TEST_COMMAND", "echo testing; sleep 60");
        model.changes.add(PLAN3);
        model.changes.add(EDITS3);
        try (Pty pty = change(100, "--yes")) {
            pty.expect("testing");
            long pressed = System.nanoTime();
            pty.ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            assertTrue((System.nanoTime() - pressed) / 1_000_000 < 15_000, "the tests were stopped at once");
            pty.expect("Stopped while its tests ran: the change stands committed on factory/change-");
            assertEquals(FAREWELL_AFTER, project.read("src/main/java/app/Farewell.java"));
            assertEquals(head, project.git("rev-parse", "HEAD~1").strip(), "one commit on top of the base");
        }
    }

    @Test
    void ctrl_c_at_the_dirty_tree_question_touches_nothing() throws Exception {
        project.write("README.md", "greeter, my own unsaved words\n");
        before = files();
        model.changes.add(PLAN3);
        try (Pty pty = change(100)) {
            pty.expect("s[t]op?").ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            pty.expect("Stopped: nothing was written");
            assertEquals(before, files());
            assertEquals(0, model.bodies.size(), "the model was never asked");
            assertEquals("", project.git("stash", "list").strip());
        }
    }

    @Test
    void ctrl_c_when_a_build_file_is_to_be_named_writes_nothing() throws Exception {
        model.changes.add(PLAN3.replace("README.md", "build.sh").replace("\"modify\", \"reason\": \"say so\"",
                "\"create\", \"reason\": \"build it\""));
        model.changes.add(EDITS + "\nNEW FILE: build.sh\n```sh\necho building\n```\n");
        try (Pty pty = change(100, "--yes")) {
            pty.expect("Type its path (build.sh)").ctrlC();

            assertEquals(ExitCodes.STOPPED, pty.exit(Duration.ofSeconds(30)), pty.text());
            pty.expect("Stopped: nothing was written");
            assertNothingWritten(pty);
        }
    }
}
