package dev.codefactory.port.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a Code-Factory process did in this project, for the people watching it (feature-012, FR-005): a review
 * started, reached 14 of 40 specs, finished. Appended to the project's event log by the application; the web mirror
 * follows the log and pushes each event to the open pages.
 *
 * <p>Every text here is for showing: the web escapes it, the log keeps it as it is.
 *
 * @param run     one run of one command in one process (the same id on its started, progress and ended events)
 * @param at      when it happened
 * @param mode    the command: {@code review}, {@code intake}, {@code change}, {@code trace}, {@code adopt}, ...
 * @param phase   where the run stands
 * @param step    what it is doing now, in a few words ({@code reviewing specs}, {@code running the tests})
 * @param done    how many units of the step are done; 0 when the step is not counted
 * @param total   how many units the step has; 0 when it is not counted
 * @param message one line for a person; may be empty
 */
public record FactoryEvent(String run, Instant at, String mode, Phase phase, String step, int done, int total,
                           String message) {

    /** Where a run stands. */
    public enum Phase {
        STARTED, PROGRESS, FINISHED, FAILED
    }

    public FactoryEvent {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(message, "message");
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("done and total are never negative: " + done + " of " + total);
        }
    }
}
