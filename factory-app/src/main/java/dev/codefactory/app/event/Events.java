package dev.codefactory.app.event;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import dev.codefactory.port.event.EventBatch;
import dev.codefactory.port.event.EventLog;

/**
 * What this process is doing, told to the project's {@link EventLog} for the web mirror's live pages (feature-012,
 * FR-005), and the log read back. A use case starts a {@link Run} and reports its steps; a failure to write the log
 * never fails the command.
 */
// SKELETON (issue 17): the live-events helper implements this class
public final class Events {
    private final Supplier<EventLog> log;
    private final Clock clock;

    public Events(Supplier<EventLog> log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts a run of {@code mode} (review, intake, change, trace, adopt, rescue) and tells the log. */
    public Run start(String mode, String step) {
        throw new UnsupportedOperationException("skeleton: Events.start");
    }

    /** Up to {@code max} events from {@code position} on; see {@link EventLog#read}. */
    public EventBatch read(long position, int max) {
        throw new UnsupportedOperationException("skeleton: Events.read");
    }

    /** The position after the newest event. */
    public long end() {
        throw new UnsupportedOperationException("skeleton: Events.end");
    }

    /** One run of one command: its progress and its end, each appended to the log. */
    public interface Run extends AutoCloseable {
        /** Now at {@code done} of {@code total} in {@code step}. */
        void progress(String step, int done, int total);

        /** Ended well, with one line for a person. */
        void finished(String message);

        /** Ended in failure, with why. */
        void failed(String message);

        /** Ends the run as failed ("stopped") unless it was finished or failed already. */
        @Override
        void close();
    }
}
