package dev.codefactory.adapter.fs.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.change.TestOutcome;
import dev.codefactory.port.change.TestRun;
import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.change.spi.TestRunnerProvider;
import dev.codefactory.port.spi.ProjectContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's test command, run through the system shell: its outcome, and a Ctrl-C that reaches it first. */
class ShellTestRunnerTest {
    @TempDir
    Path dir;

    private final TestRunner runner = new ShellTestRunner();

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
        TestRun run = runner.run("echo testing; kill -INT $$", dir, Duration.ofMinutes(1),
                line -> { }, stop::get);
        assertInstanceOf(TestOutcome.Stopped.class, run.outcome(), run.toString());
        assertEquals("stopped", run.outcome().summary());
    }

    @Test
    void a_command_ended_by_a_signal_nobody_here_asked_for_is_a_failure() {
        TestRun run = runner.run("kill -INT $$", dir, Duration.ofMinutes(1), line -> { }, () -> false);
        assertFalse(run.outcome() instanceof TestOutcome.Stopped);
        assertEquals("failed (exit 130)", run.outcome().summary());
    }

    @Test
    void passing_and_failing_commands_and_their_output() {
        List<String> lines = new ArrayList<>();
        TestRun ok = runner.run("echo one; echo two", dir, Duration.ofMinutes(1), lines::add, () -> false);
        assertTrue(ok.outcome().passed());
        assertEquals(List.of("one", "two"), lines);
        assertEquals("one\ntwo", ok.tail());
        assertEquals("failed (exit 3)", runner.run("exit 3", dir, Duration.ofMinutes(1), l -> { }, () -> false)
                .outcome().summary());
    }

    @Test
    void a_command_over_its_time_limit_is_timed_out() {
        TestRun run = runner.run("sleep 5", dir, Duration.ofMillis(300), l -> { }, () -> false);
        assertEquals(new TestOutcome.TimedOut(Duration.ofMillis(300)), run.outcome());
        assertEquals("timed out after 0m", run.outcome().summary());
        assertFalse(run.outcome().passed());
    }

    @Test
    void service_loader_finds_the_shell_runner() {
        List<String> ids = new ArrayList<>();
        for (TestRunnerProvider p : ServiceLoader.load(TestRunnerProvider.class)) {
            ids.add(p.getClass().getSimpleName() + ":" + p.id());
            p.create(new ProjectContext(dir, Clock.systemUTC(), Map.of(), ProjectContext.Limits.DEFAULT));
        }
        assertEquals(List.of("ShellTestRunnerProvider:shell"), ids);
    }
}
