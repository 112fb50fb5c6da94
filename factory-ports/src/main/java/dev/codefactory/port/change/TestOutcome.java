package dev.codefactory.port.change;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run of the project's test command ended: {@link Passed}, {@link Failed} with its exit code, {@link TimedOut}
 * after the time limit, or {@link Stopped} because the person asked.
 */
public sealed interface TestOutcome permits TestOutcome.Passed, TestOutcome.Failed, TestOutcome.TimedOut,
        TestOutcome.Stopped {

    /** As the person and the change record see it: {@code passed}, {@code failed (exit 1)},
     * {@code timed out after 10m}, {@code stopped}. */
    String summary();

    /** Whether the tests passed: exit code 0, within the time limit, not stopped. */
    default boolean passed() {
        return this instanceof Passed;
    }

    /** The command ended with exit code 0. */
    record Passed() implements TestOutcome {
        @Override
        public String summary() {
            return "passed";
        }
    }

    /** The command ended with another exit code (127 when it could not be started). */
    record Failed(int exitCode) implements TestOutcome {
        @Override
        public String summary() {
            return "failed (exit " + exitCode + ")";
        }
    }

    /** The command was stopped after {@code limit}. */
    record TimedOut(Duration limit) implements TestOutcome {
        public TimedOut {
            Objects.requireNonNull(limit, "limit");
        }

        @Override
        public String summary() {
            return "timed out after " + limit.toMinutes() + "m";
        }
    }

    /** The command was stopped because the person asked (Ctrl-C). */
    record Stopped() implements TestOutcome {
        @Override
        public String summary() {
            return "stopped";
        }
    }
}
