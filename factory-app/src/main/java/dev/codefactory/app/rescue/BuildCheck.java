package dev.codefactory.app.rescue;

import dev.codefactory.app.config.FactoryConfig;
import dev.codefactory.domain.rescue.TestFailure;
import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.rescue.RescueDialog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The build and tests: runs {@code project.test-command} within {@code change.test-timeout} and reads the failures
 * from its output and the JUnit XML reports it wrote. Shared by detection and by the model's fixes (which compare
 * the failures after a fix with those before). (Skeleton: helper h15-app implements it.)
 */
final class BuildCheck {
    private final Supplier<TestRunner> tests;
    private final Supplier<ProjectFiles> files;
    private final Supplier<FactoryConfig> config;
    private final Clock clock;

    BuildCheck(Supplier<TestRunner> tests, Supplier<ProjectFiles> files, Supplier<FactoryConfig> config, Clock clock) {
        this.tests = tests;
        this.files = files;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The failures of one run: {@code console} is what the command printed, {@code since} when it started (only JUnit
     * XML reports written since are read).
     */
    List<TestFailure> read(String console, Instant since) {
        return List.of();
    }

    /** Runs the test command in {@code workTree}, its lines to the dialog; empty when none is configured. */
    java.util.Optional<Run> run(Path workTree, RescueDialog dialog) {
        return java.util.Optional.empty();
    }

    /**
     * One run of the test command.
     *
     * @param outcome  how it ended, in words ({@code TestOutcome.summary})
     * @param passed   it passed
     * @param timedOut it ran out of time
     * @param failures what failed
     * @param tail     the last lines of its output
     */
    record Run(String outcome, boolean passed, boolean timedOut, List<TestFailure> failures, String tail) {
    }
}
