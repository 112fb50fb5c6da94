package dev.codefactory.port.change;

import java.time.Duration;
import java.util.Objects;

/**
 * One run of the project's test command.
 *
 * @param outcome how it ended
 * @param tail    the end of its output (stdout and stderr together), what the model is sent when tests are fixed
 * @param took    how long it ran
 */
public record TestRun(TestOutcome outcome, String tail, Duration took) {
    public TestRun {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(tail, "tail");
        Objects.requireNonNull(took, "took");
    }
}
