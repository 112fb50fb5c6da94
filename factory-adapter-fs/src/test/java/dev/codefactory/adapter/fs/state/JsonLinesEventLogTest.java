package dev.codefactory.adapter.fs.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.event.EventBatch;
import dev.codefactory.port.event.EventLog;
import dev.codefactory.port.event.FactoryEvent;
import dev.codefactory.port.event.spi.EventLogProvider;
import dev.codefactory.port.spi.ProjectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-012/FR-005
class JsonLinesEventLogTest {
    @TempDir
    Path root;

    @BeforeEach
    void initialised() throws IOException {
        Files.createDirectories(root.resolve(".factory"));
    }

    private static FactoryEvent event(String run, int done, String message) {
        return new FactoryEvent(run, Instant.parse("2026-12-07T10:00:00Z"), "review", FactoryEvent.Phase.PROGRESS,
                "reviewing specs", done, 40, message);
    }

    private List<FactoryEvent> readAll(EventLog log) {
        List<FactoryEvent> all = new ArrayList<>();
        long at = 0;
        while (true) {
            EventBatch batch = log.read(at, 7);
            all.addAll(batch.events());
            if (batch.events().isEmpty()) {
                return all;
            }
            at = batch.next();
        }
    }

    @Test
    void theProviderJsonlIsFoundAndEventsReadBackInOrderWithGrowingPositions() {
        EventLogProvider provider = ServiceLoader.load(EventLogProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("jsonl")).findFirst().orElseThrow();
        EventLog log = provider.create(new ProjectContext(root, Clock.systemUTC(), Map.of(),
                ProjectContext.Limits.DEFAULT));
        assertEquals(0, log.end());
        for (int i = 1; i <= 5; i++) {
            log.append(event("r1", i, "spec " + i));
        }
        assertTrue(Files.exists(root.resolve(".factory/events.jsonl")));
        EventBatch first = log.read(0, 2);
        assertEquals(List.of(1, 2), first.events().stream().map(FactoryEvent::done).toList());
        assertTrue(first.positions().get(0) < first.positions().get(1));
        assertEquals(first.positions().get(1), first.next());
        EventBatch rest = log.read(first.next(), 10);
        assertEquals(List.of(3, 4, 5), rest.events().stream().map(FactoryEvent::done).toList());
        assertEquals(log.end(), rest.next());
        assertFalse(rest.reset());
        assertEquals(event("r1", 3, "spec 3"), rest.events().get(0));
        assertTrue(log.read(log.end(), 10).events().isEmpty(), "nothing after the end");
    }

    @Test
    void aLogPastItsLimitRotatesKeepsTheNewestAndPositionsStayMeaningfulForAFollower() throws IOException {
        JsonLinesEventLog log = new JsonLinesEventLog(root, 2_000);
        log.append(event("r", 0, "first"));
        long follower = log.end();
        for (int i = 1; i <= 200; i++) {
            log.append(event("r", i, "event " + i));
        }
        assertTrue(Files.size(root.resolve(".factory/events.jsonl")) <= 2_000 + 200, "bounded");
        assertTrue(Files.size(root.resolve(".factory/events.1.jsonl")) <= 2_000 + 200, "bounded");
        List<FactoryEvent> kept = readAll(log);
        assertEquals(200, kept.get(kept.size() - 1).done(), "the newest is kept");
        assertTrue(kept.size() < 100, "the oldest are dropped: " + kept.size());
        for (int i = 1; i < kept.size(); i++) {
            assertEquals(kept.get(i - 1).done() + 1, kept.get(i).done(), "in order, none lost between files");
        }
        EventBatch stale = log.read(follower, 5);
        assertTrue(stale.reset(), "a position trimmed away says so");
        assertEquals(kept.get(0), stale.events().get(0), "and reads from the oldest kept");

        long mid = log.end();
        log.append(event("r", 201, "after"));
        for (int i = 0; i < 20; i++) {
            log.append(event("r", 202 + i, "rotating again"));
        }
        EventBatch fromMid = log.read(mid, 1);
        assertFalse(fromMid.reset(), "a follower's position survives a rotation");
        assertEquals(201, fromMid.events().get(0).done());
    }

    @Test
    void twoInstancesAppendingAtOnceNeverInterleaveLinesAndLoseNothing() throws Exception {
        JsonLinesEventLog a = new JsonLinesEventLog(root, 1 << 30);
        JsonLinesEventLog b = new JsonLinesEventLog(root, 1 << 30);
        String big = "x".repeat(150);
        Thread one = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                a.append(event("a", i, big));
            }
        });
        Thread two = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                b.append(event("b", i, big));
            }
        });
        one.start();
        two.start();
        one.join();
        two.join();
        List<FactoryEvent> all = readAll(a);
        assertEquals(600, all.size(), "every line parses: none interleaved");
        Set<String> seen = new HashSet<>();
        all.forEach(e -> seen.add(e.run() + e.done()));
        assertEquals(600, seen.size());
        List<Integer> fromA = all.stream().filter(e -> e.run().equals("a")).map(FactoryEvent::done).toList();
        for (int i = 0; i < fromA.size(); i++) {
            assertEquals(i, fromA.get(i));
        }
    }

    @Test
    void aCorruptLineIsSkippedAndTheEventsAroundItStillRead() throws IOException {
        JsonLinesEventLog log = new JsonLinesEventLog(root, JsonLinesEventLog.LIMIT);
        log.append(event("r", 1, "before"));
        Files.writeString(root.resolve(".factory/events.jsonl"), "{\"run\": broken\nnot json at all\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        log.append(event("r", 2, "after"));
        List<FactoryEvent> all = readAll(log);
        assertEquals(List.of(1, 2), all.stream().map(FactoryEvent::done).toList());
    }

    @Test
    void anAppendThatCannotWriteIsDroppedAndCountedNeverThrown() throws IOException {
        Files.delete(root.resolve(".factory"));
        JsonLinesEventLog uninitialised = new JsonLinesEventLog(root, JsonLinesEventLog.LIMIT);
        uninitialised.append(event("r", 1, "nowhere"));
        assertFalse(Files.exists(root.resolve(".factory")), "a folder not initialised gets no .factory/");
        assertEquals(1, uninitialised.dropped());
        Files.writeString(root.resolve(".factory"), "a file where the folder should be");
        JsonLinesEventLog log = new JsonLinesEventLog(root, JsonLinesEventLog.LIMIT);
        log.append(event("r", 1, "lost"));
        assertEquals(1, log.dropped());
        assertTrue(log.read(0, 10).events().isEmpty());
        assertEquals(0, log.end());
    }
}
