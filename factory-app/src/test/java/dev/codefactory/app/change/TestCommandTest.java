package dev.codefactory.app.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's test command, run through the system shell: its outcome, and a Ctrl-C that reaches it first. */
class TestCommandTest {
    @TempDir
    Path dir;

    @Test
    void a_command_ended_by_the_same_ctrl_c_is_stopped_not_failed_even_when_the_stop_is_noted_after() {
        AtomicBoolean stop = new AtomicBoolean();
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(300); // this process's own handler runs after the command has died of the signal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.set(true);
        });
        late.start();
        TestCommand.Run run = TestCommand.run("echo testing; kill -INT $$", dir, Duration.ofMinutes(1),
                line -> { }, stop::get);
        assertTrue(run.stopped(), run.toString());
        assertEquals("stopped", run.summary(Duration.ofMinutes(1)));
    }

    @Test
    void a_command_ended_by_a_signal_nobody_here_asked_for_is_a_failure() {
        TestCommand.Run run = TestCommand.run("kill -INT $$", dir, Duration.ofMinutes(1), line -> { }, () -> false);
        assertFalse(run.stopped());
        assertEquals("failed (exit 130)", run.summary(Duration.ofMinutes(1)));
    }

    @Test
    void passing_and_failing_commands_and_their_output() {
        List<String> lines = new ArrayList<>();
        TestCommand.Run ok = TestCommand.run("echo one; echo two", dir, Duration.ofMinutes(1), lines::add, () -> false);
        assertTrue(ok.passed());
        assertEquals(List.of("one", "two"), lines);
        assertEquals("one\ntwo", ok.tail());
        assertEquals("failed (exit 3)", TestCommand.run("exit 3", dir, Duration.ofMinutes(1), l -> { }, () -> false)
                .summary(Duration.ofMinutes(1)));
    }
}
