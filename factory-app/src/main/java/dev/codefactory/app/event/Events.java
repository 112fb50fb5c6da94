package dev.codefactory.app.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import dev.codefactory.domain.text.ControlCharacters;
import dev.codefactory.port.event.EventBatch;
import dev.codefactory.port.event.EventLog;
import dev.codefactory.port.event.FactoryEvent;
import dev.codefactory.port.event.FactoryEvent.Phase;

/**
 * What this process is doing, told to the project's {@link EventLog} for the web mirror's live pages (feature-012,
 * FR-005), and the log read back. A use case starts a {@link Run} and reports its steps; a failure to write the log
 * never fails the command.
 *
 * <p>Progress is throttled per run: at most one progress event each {@link #THROTTLE_MILLIS} ms, except that the
 * first progress, a change of step and the last unit of a step ({@code done == total}) are always written, so a tight
 * loop writes a handful of lines and a slow review still shows each spec within a second.
 */
// implements feature-012/FR-005
public final class Events {
    /** The least time between two progress events of one run in the same step. */
    public static final long THROTTLE_MILLIS = 100;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Supplier<EventLog> log;
    private final Clock clock;

    public Events(Supplier<EventLog> log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts a run of {@code mode} (review, intake, change, trace, adopt, rescue) and tells the log. */
    public Run start(String mode, String step) {
        LoggedRun run = new LoggedRun(ThisProcess.ID + "-" + RUNS.incrementAndGet(), oneLine(mode), oneLine(step));
        run.append(Phase.STARTED, run.step, 0, 0, "");
        return run;
    }

    /** Up to {@code max} events from {@code position} on; see {@link EventLog#read}. */
    public EventBatch read(long position, int max) {
        return log.get().read(position, max);
    }

    /**
     * The newest {@code max} events, oldest first, and the position after them: what a page shows before it follows
     * the log. The log is bounded, so reading it through is cheap.
     */
    public EventBatch recent(int max) {
        EventLog events = log.get();
        List<FactoryEvent> all = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        long at = 0;
        while (true) {
            EventBatch batch = events.read(at, 500);
            all.addAll(batch.events());
            positions.addAll(batch.positions());
            if (batch.events().isEmpty() || batch.next() <= at) {
                break;
            }
            at = batch.next();
        }
        int from = Math.max(0, all.size() - max);
        return new EventBatch(all.subList(from, all.size()), positions.subList(from, positions.size()), at, false);
    }

    /** The runs among {@code events} that have not ended, each by its newest event, in the order they started. */
    public static List<FactoryEvent> running(List<FactoryEvent> events) {
        Map<String, FactoryEvent> runs = new LinkedHashMap<>();
        for (FactoryEvent e : events) {
            if (e.phase() == Phase.FINISHED || e.phase() == Phase.FAILED) {
                runs.remove(e.run());
            } else {
                runs.put(e.run(), e);
            }
        }
        return List.copyOf(runs.values());
    }

    /** How a run stands in a few words: {@code review: reviewing specs 14 of 40}, {@code change: planning}. */
    public static String summary(FactoryEvent e) {
        String counted = e.total() > 0 ? " " + e.done() + " of " + e.total() : "";
        return ControlCharacters.escape(e.mode() + ": " + e.step() + counted);
    }

    /** The position after the newest event. */
    public long end() {
        return log.get().end();
    }

    /**
     * The fields of {@code event} as the web shows them (the API's items and the stream's data): its position, run,
     * time, mode, phase, step, counts and message, the texts with control characters made visible.
     */
    public static Map<String, Object> fields(FactoryEvent event, long position) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("position", position);
        out.put("run", ControlCharacters.escape(event.run()));
        out.put("at", event.at().toString());
        out.put("mode", ControlCharacters.escape(event.mode()));
        out.put("phase", event.phase().name().toLowerCase(Locale.ROOT));
        out.put("step", ControlCharacters.escape(event.step()));
        out.put("done", event.done());
        out.put("total", event.total());
        out.put("message", ControlCharacters.escape(event.message()));
        return out;
    }

    /** Our own status lines only, one line of at most 200 characters (never a model's text: see callers). */
    private static String oneLine(String text) {
        String line = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
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

    private final class LoggedRun implements Run {
        private final String id;
        private final String mode;
        private String step;
        private boolean progressed;
        private boolean ended;
        private long lastMillis;
        private int done;
        private int total;

        LoggedRun(String id, String mode, String step) {
            this.id = id;
            this.mode = mode;
            this.step = step;
        }

        @Override
        public synchronized void progress(String newStep, int done, int total) {
            if (ended) {
                return;
            }
            String now = oneLine(newStep);
            this.done = Math.max(0, done);
            this.total = Math.max(0, total);
            long millis = clock.millis();
            boolean always = !progressed || !now.equals(step) || (total > 0 && done >= total);
            if (!always && millis - lastMillis < THROTTLE_MILLIS) {
                return;
            }
            progressed = true;
            step = now;
            lastMillis = millis;
            append(Phase.PROGRESS, now, this.done, this.total, "");
        }

        @Override
        public synchronized void finished(String message) {
            end(Phase.FINISHED, message);
        }

        @Override
        public synchronized void failed(String message) {
            end(Phase.FAILED, message);
        }

        @Override
        public synchronized void close() {
            end(Phase.FAILED, "stopped");
        }

        private void end(Phase phase, String message) {
            if (!ended) {
                ended = true;
                append(phase, step, done, total, oneLine(message));
            }
        }

        void append(Phase phase, String at, int done, int total, String message) {
            try {
                log.get().append(new FactoryEvent(id, Instant.ofEpochMilli(clock.millis()), mode, phase, at,
                        done, total, message));
            } catch (RuntimeException failed) {
                // the command goes on: a live page missing an event is better than a command failing for it
            }
        }
    }

    /**
     * This process's part of a run's id, made when the first run starts: a random UUID seeds {@code SecureRandom},
     * which a command that starts no run (spec list, config, help) never needs.
     */
    // implements feature-013/FR-005
    private static final class ThisProcess {
        static final String ID = UUID.randomUUID().toString().substring(0, 8);
    }
}
