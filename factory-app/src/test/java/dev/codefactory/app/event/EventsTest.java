package dev.codefactory.app.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.event.EventBatch;
import dev.codefactory.port.event.EventLog;
import dev.codefactory.port.event.FactoryEvent;
import dev.codefactory.port.event.FactoryEvent.Phase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

// covers feature-012/FR-005
class EventsTest {
    /** A clock the test moves. */
    static final class Ticking extends Clock {
        long millis;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    /** The events appended, kept in memory. */
    static class Memory implements EventLog {
        final List<FactoryEvent> events = new ArrayList<>();

        @Override
        public void append(FactoryEvent event) {
            events.add(event);
        }

        @Override
        public EventBatch read(long position, int max) {
            int from = (int) Math.min(position, events.size());
            int to = Math.min(events.size(), from + max);
            List<Long> positions = new ArrayList<>();
            for (int i = from; i < to; i++) {
                positions.add((long) i + 1);
            }
            return new EventBatch(events.subList(from, to), positions, to, false);
        }

        @Override
        public long end() {
            return events.size();
        }
    }

    @Test
    void aTightLoopIsThrottledButTheFirstTheLastAndEachStepChangeAreAlwaysWritten() {
        Memory log = new Memory();
        Ticking clock = new Ticking();
        Events events = new Events(() -> log, clock);
        try (Events.Run run = events.start("review", "matching files")) {
            for (int i = 1; i <= 1000; i++) {
                run.progress("checking files", i, 1000);
                clock.millis += 1;
            }
            run.progress("reviewing specs", 1, 3);
            run.progress("reviewing specs", 2, 3);
            clock.millis += Events.THROTTLE_MILLIS;
            run.progress("reviewing specs", 3, 3);
            run.finished("2 findings");
        }
        List<FactoryEvent> written = log.events;
        assertTrue(written.size() < 20, "throttled: " + written.size());
        assertEquals(Phase.STARTED, written.get(0).phase());
        assertEquals(1, written.get(1).done(), "the first progress");
        assertTrue(written.stream().anyMatch(e -> e.step().equals("checking files") && e.done() == 1000),
                "the last of a step");
        List<Integer> specs = written.stream()
                .filter(e -> e.phase() == Phase.PROGRESS && e.step().equals("reviewing specs"))
                .map(FactoryEvent::done).toList();
        assertEquals(List.of(1, 3), specs, "a step change is written at once, 2 came within the throttle");
        FactoryEvent last = written.get(written.size() - 1);
        assertEquals(Phase.FINISHED, last.phase());
        assertEquals("2 findings", last.message());
        assertEquals(3, last.done(), "the end keeps the last counts");
        assertEquals(1, written.stream().filter(e -> e.phase() == Phase.FINISHED || e.phase() == Phase.FAILED)
                .count(), "close after finished adds nothing");
        assertTrue(written.stream().allMatch(e -> e.run().equals(written.get(0).run())));
    }

    @Test
    void runsHaveTheirOwnIdsAndARunClosedWithoutAnEndIsStopped() {
        Memory log = new Memory();
        Events events = new Events(() -> log, new Ticking());
        Events.Run one = events.start("trace", "reading files");
        Events.Run two = events.start("drift", "reading links");
        one.close();
        two.failed("failed: StorageException");
        assertNotEquals(log.events.get(0).run(), log.events.get(1).run());
        assertEquals(Phase.FAILED, log.events.get(2).phase());
        assertEquals("stopped", log.events.get(2).message());
        assertEquals(List.of(), Events.running(log.events));
        assertEquals("trace: reading files", Events.summary(log.events.get(0)));
    }

    @Test
    void aLogThatFailsToWriteNeverFailsTheRun() {
        EventLog broken = new Memory() {
            @Override
            public void append(FactoryEvent event) {
                throw new IllegalStateException("disk full");
            }
        };
        Events events = new Events(() -> broken, new Ticking());
        try (Events.Run run = events.start("review", "matching files")) {
            run.progress("reviewing specs", 1, 2);
            run.finished("done");
        }
        Events missing = new Events(() -> {
            throw new IllegalStateException("no event log provider");
        }, new Ticking());
        missing.start("intake", "generating").failed("failed: X");
    }

    @Test
    void runningKeepsTheNewestEventOfEachRunNotEnded() {
        Memory log = new Memory();
        Events events = new Events(() -> log, new Ticking());
        Events.Run review = events.start("review", "matching files");
        review.progress("reviewing specs", 14, 40);
        events.start("trace", "reading files").finished("ok");
        List<FactoryEvent> running = Events.running(log.events);
        assertEquals(1, running.size());
        assertEquals("review: reviewing specs 14 of 40", Events.summary(running.get(0)));
        assertEquals(2, events.recent(2).events().size());
        assertEquals(log.events.get(log.events.size() - 1), events.recent(2).events().get(1));
    }
}
