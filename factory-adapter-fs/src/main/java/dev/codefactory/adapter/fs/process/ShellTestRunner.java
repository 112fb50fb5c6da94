package dev.codefactory.adapter.fs.process;

import dev.codefactory.port.change.TestOutcome;
import dev.codefactory.port.change.TestRun;
import dev.codefactory.port.change.TestRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the project's own test command in the given folder through the system shell ({@code /bin/sh -c}, or
 * {@code cmd.exe /c} on Windows), line by line to a listener, within a time limit. The command inherits this
 * process's environment. (The fs adapter's {@code ChildProcess} runs keyring tools: a cleared environment, all
 * output at the end, a failure on timeout; none of which fits a test command.)
 */
// implements feature-007/FR-008
final class ShellTestRunner implements TestRunner {
    /** The most output kept for the result (and sent to the model when tests are fixed). */
    static final int TAIL_CHARS = 12_000;
    /** How a shell reports a command ended by SIGINT (128 + 2). */
    static final int INTERRUPTED_EXIT = 130;
    /** How long a command ended by SIGINT waits for this process to note the same Ctrl-C. */
    static final Duration SAME_CTRL_C = Duration.ofSeconds(2);

    @Override
    public TestRun run(String command, Path dir, Duration limit, Consumer<String> lines, BooleanSupplier stop) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> argv = windows ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return new TestRun(new TestOutcome.Failed(127), "could not start `" + command + "`: " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        Deque<String> tail = new ArrayDeque<>();
        int[] size = {0};
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                    synchronized (tail) {
                        tail.addLast(line);
                        size[0] += line.length() + 1;
                        while (size[0] > TAIL_CHARS && tail.size() > 1) {
                            size[0] -= tail.removeFirst().length() + 1;
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was stopped; what was read is kept
            }
        }, "test-command-output");
        reader.setDaemon(true);
        reader.start();
        boolean timedOut = false;
        boolean stopped = false;
        long deadline = start + limit.toNanos();
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (stop.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    timedOut = true;
                    break;
                }
            }
            if (!stopped && !timedOut && process.exitValue() == INTERRUPTED_EXIT) {
                // Ctrl-C at the terminal reaches the command too (one process group), and it may end before this
                // process has noted the stop: give the note a moment, so the stop is not taken for failed tests
                stopped = noted(stop);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
        if (timedOut || stopped) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String text;
        synchronized (tail) {
            text = String.join("\n", tail);
        }
        return new TestRun(outcome(timedOut, stopped, timedOut || stopped ? -1 : process.exitValue(), limit), text,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** A time-out wins over a stop, as the summary always said. */
    private static TestOutcome outcome(boolean timedOut, boolean stopped, int exitCode, Duration limit) {
        if (timedOut) {
            return new TestOutcome.TimedOut(limit);
        }
        if (stopped) {
            return new TestOutcome.Stopped();
        }
        return exitCode == 0 ? new TestOutcome.Passed() : new TestOutcome.Failed(exitCode);
    }

    /** Whether {@code stop} becomes true within {@link #SAME_CTRL_C}. */
    private static boolean noted(BooleanSupplier stop) throws InterruptedException {
        long until = System.nanoTime() + SAME_CTRL_C.toNanos();
        while (!stop.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }
}
