package dev.codefactory.adapter.fs.state;

import dev.codefactory.adapter.fs.project.ProjectRoot;
import dev.codefactory.domain.json.JsonReader;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.event.EventBatch;
import dev.codefactory.port.event.EventLog;
import dev.codefactory.port.event.FactoryEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code .factory/events.jsonl}: one JSON object a line, bounded by rotation (feature-012, FR-005).
 *
 * <p>Positions. Each file starts with a header line {@code {"base":N}}; a position is {@code N} plus a byte offset
 * in that file, so positions only grow, across files and processes. When the current file passes the limit it is
 * renamed to {@code events.1.jsonl} (replacing the older one) and the next append starts a new file whose base is the
 * old file's base plus its size. A reader keeps its position across a rotation; a position older than the oldest kept
 * file reads from the oldest event, and the batch says so.
 *
 * <p>Appends take an exclusive lock on {@code .factory/events.lock} (and a lock in this JVM), write the line with one
 * write, and rotate if needed; so lines from concurrent processes never interleave. An append that fails is counted
 * and dropped: the command that reported it must not fail because of its log. A folder without {@code .factory/}
 * (not initialised) gets no log: a command there must not create it.
 */
// implements feature-012/FR-005
final class JsonLinesEventLog implements EventLog {
    static final String FILE = ".factory/events.jsonl";
    static final String OLDER = ".factory/events.1.jsonl";
    static final String LOCK = ".factory/events.lock";
    /** The size past which the current file is rotated: about a thousand events, twice that kept. */
    static final long LIMIT = 256 * 1024;
    private static final Object IN_PROCESS = new Object();

    private final ProjectRoot files;
    private final long limit;
    private final AtomicLong dropped = new AtomicLong();

    JsonLinesEventLog(Path root, long limit) {
        this.files = new ProjectRoot(root);
        this.limit = limit;
    }

    /** How many appends failed and were dropped. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void append(FactoryEvent e) {
        try {
            write(e);
        } catch (IOException | RuntimeException ex) {
            dropped.incrementAndGet();
        }
    }

    private void write(FactoryEvent e) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("run", e.run());
        line.put("at", e.at().toString());
        line.put("mode", e.mode());
        line.put("phase", e.phase().name().toLowerCase(Locale.ROOT));
        line.put("step", e.step());
        line.put("done", e.done());
        line.put("total", e.total());
        line.put("message", e.message());
        byte[] bytes = (JsonWriter.compact(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = files.resolve(FILE);
        if (!Files.isDirectory(file.getParent())) {
            throw new IOException("no .factory/ here: a project not initialised gets no event log");
        }
        synchronized (IN_PROCESS) {
            try (FileChannel lock = FileChannel.open(files.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    if (out.size() == 0) {
                        writeAll(out, header(nextBase()));
                    }
                    writeAll(out, bytes);
                    if (out.size() <= limit) {
                        return;
                    }
                }
                Files.move(file, files.resolve(OLDER), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static void writeAll(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static byte[] header(long base) {
        return (JsonWriter.compact(Map.of("base", base)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The base of a new current file: where the older file ends, or 0. */
    private long nextBase() throws IOException {
        Segment older = segment(OLDER);
        return older == null ? 0 : older.base + older.bytes.length;
    }

    @Override
    public EventBatch read(long position, int max) {
        try {
            Segment older = segment(OLDER);
            Segment current = segment(FILE);
            List<Segment> kept = new ArrayList<>();
            if (older != null && (current == null || older.base + older.bytes.length == current.base)) {
                kept.add(older);
            }
            if (current != null) {
                kept.add(current);
            }
            if (kept.isEmpty()) {
                return new EventBatch(List.of(), List.of(), 0, position != 0);
            }
            Segment first = kept.get(0);
            long oldest = first.base + first.headerLength();
            Segment last = kept.get(kept.size() - 1);
            long end = last.base + last.bytes.length;
            boolean reset = position < oldest && position != 0 || position > end;
            long at = position < oldest || position > end ? oldest : position;
            List<FactoryEvent> events = new ArrayList<>();
            List<Long> positions = new ArrayList<>();
            for (Segment s : kept) {
                long segmentEnd = s.base + s.bytes.length;
                if (at >= segmentEnd) {
                    continue;
                }
                int offset = (int) Math.max(at - s.base, s.headerLength());
                while (events.size() < max) {
                    int newline = indexOf(s.bytes, offset);
                    if (newline < 0) {
                        break;
                    }
                    int start = offset;
                    offset = newline + 1;
                    if (parse(new String(s.bytes, start, newline - start, StandardCharsets.UTF_8), events)) {
                        positions.add(s.base + offset);
                    }
                }
                at = s.base + offset;
                if (events.size() >= max || at < segmentEnd) {
                    break;
                }
            }
            return new EventBatch(events, positions, at, reset);
        } catch (IOException | RuntimeException ex) {
            return new EventBatch(List.of(), List.of(), position, false);
        }
    }

    @Override
    public long end() {
        try {
            Segment current = segment(FILE);
            if (current != null) {
                return current.base + current.bytes.length;
            }
            return nextBase();
        } catch (IOException | RuntimeException ex) {
            return 0;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Adds the event on {@code line}; false for a line that is not one (a corrupt or foreign line: skipped). */
    private static boolean parse(String line, List<FactoryEvent> into) {
        try {
            if (!(JsonReader.parse(line) instanceof Map<?, ?> m)) {
                return false;
            }
            into.add(new FactoryEvent((String) m.get("run"), Instant.parse((String) m.get("at")),
                    (String) m.get("mode"),
                    FactoryEvent.Phase.valueOf(((String) m.get("phase")).toUpperCase(Locale.ROOT)),
                    (String) m.get("step"), ((Number) m.get("done")).intValue(),
                    ((Number) m.get("total")).intValue(), (String) m.get("message")));
            return true;
        } catch (RuntimeException corrupt) {
            return false;
        }
    }

    /** One file of the log, read whole (it is bounded), or null when it is missing or has no valid header. */
    private Segment segment(String path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(files.resolve(path));
        } catch (NoSuchFileException missing) {
            return null;
        }
        int newline = indexOf(bytes, 0);
        if (newline < 0) {
            return null;
        }
        try {
            Object header = JsonReader.parse(new String(bytes, 0, newline, StandardCharsets.UTF_8));
            if (header instanceof Map<?, ?> m && m.get("base") instanceof Number base) {
                return new Segment(base.longValue(), bytes);
            }
        } catch (RuntimeException corrupt) {
            return null;
        }
        return null;
    }

    private record Segment(long base, byte[] bytes) {
        int headerLength() {
            return indexOf(bytes, 0) + 1;
        }
    }
}
