package dev.codefactory.port.change;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the project's own test command ({@code project.test-command}, written by the person in their configuration,
 * never by a model) to verify a change.
 */
public interface TestRunner {

    /**
     * Runs {@code command} in {@code dir} through the system shell, handing each line of its output (stdout and stderr
     * together) to {@code lines} as it comes; it is stopped when {@code limit} has passed or when {@code stop} says
     * so. A command that cannot be started fails with exit code 127.
     */
    TestRun run(String command, Path dir, Duration limit, Consumer<String> lines, BooleanSupplier stop);
}
