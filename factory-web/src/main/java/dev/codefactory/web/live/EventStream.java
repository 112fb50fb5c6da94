package dev.codefactory.web.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import com.sun.net.httpserver.HttpExchange;
import dev.codefactory.app.event.Events;
import dev.codefactory.domain.json.JsonWriter;
import dev.codefactory.port.event.EventBatch;

/**
 * The server-sent event stream ({@code /api/v1/events/stream}) that follows the project's event log and pushes each
 * event to every open page (feature-012, FR-005, NFR-002).
 *
 * <p>Two threads whatever the number of clients: one follower polls the log every {@link #POLL_MILLIS} ms and writes
 * each new event to every attached exchange itself; one watchdog interrupts the follower when one write has been
 * blocked for more than {@link #STALL_MILLIS} ms (the client stopped reading): the server's socket channel is
 * interruptible, so the write ends with an error, the channel closes and the follower drops that client and goes
 * on. A client whose write fails (it went away) is dropped too. Nothing is queued per client beyond the socket's
 * own buffer, and at most {@link #MAX_CLIENTS} are attached, so memory stays bounded.
 *
 * <p>Each message is {@code id: <position>}, {@code event: factory}, {@code data: <the event as one JSON line>}; the
 * id is the position after the event, so a browser that reconnects with {@code Last-Event-ID} resumes right after
 * it. A comment line every {@link #HEARTBEAT_MILLIS} ms keeps idle connections open.
 */
// implements feature-012/FR-005
// implements feature-012/NFR-002
public final class EventStream implements AutoCloseable {
    static final long POLL_MILLIS = 200;
    static final long HEARTBEAT_MILLIS = 15_000;
    static final long STALL_MILLIS = 3_000;
    static final int MAX_CLIENTS = 256;
    private static final int BATCH = 200;

    private final Events events;
    private final ConcurrentLinkedQueue<Client> arriving = new ConcurrentLinkedQueue<>();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Thread follower;
    private final Thread watchdog;
    private volatile boolean open = true;
    private long position;
    private long lastBeat;

    public EventStream(Events events) {
        this.events = Objects.requireNonNull(events, "events");
        this.follower = new Thread(this::follow, "factory-events-follower");
        this.watchdog = new Thread(this::watch, "factory-events-watchdog");
        follower.setDaemon(true);
        watchdog.setDaemon(true);
    }

    /** Starts following the event log (read only while some client follows it). */
    public void start() {
        lastBeat = System.currentTimeMillis();
        follower.start();
        watchdog.start();
    }

    /** Takes over {@code exchange}: writes the SSE headers and then each event, until the client goes or close. */
    public void attach(HttpExchange exchange) {
        try {
            if (!open || clients.size() + arriving.size() >= MAX_CLIENTS) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(": connected\nretry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // from the id it last saw, or from now: what is appended before its first poll still reaches it
            arriving.add(new Client(exchange, out, resumeFrom(exchange).orElseGet(this::safeEnd)));
        } catch (IOException | RuntimeException gone) {
            exchange.close();
        }
    }

    /** How many clients are attached now. */
    public int clients() {
        return clients.size() + arriving.size();
    }

    /** Ends every stream and stops following. */
    @Override
    public void close() {
        open = false;
        follower.interrupt();
        watchdog.interrupt();
        for (Client c : clients) {
            c.exchange.close();
        }
        arriving.forEach(c -> c.exchange.close());
        clients.clear();
        arriving.clear();
    }

    private static Optional<Long> resumeFrom(HttpExchange exchange) {
        String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        try {
            return last == null ? Optional.empty() : Optional.of(Long.parseLong(last.trim()));
        } catch (NumberFormatException bad) {
            return Optional.empty();
        }
    }

    private long safeEnd() {
        try {
            return events.end();
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    private void follow() {
        while (open) {
            try {
                tick();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException stalled) {
                // the watchdog's interrupt landed after the write it meant: nothing to do; close() clears open
                Thread.interrupted();
            } catch (RuntimeException unreadable) {
                // the log could not be read this time: the next poll tries again
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException stalled) {
            Thread.interrupted();
        }
    }

    /**
     * One poll: the arrivals join, every client gets what is new to it, a heartbeat when one is due. With no client
     * nothing is read: the log is not polled for nobody.
     */
    void tick() {
        for (Client c; (c = arriving.poll()) != null; ) {
            if (clients.isEmpty()) {
                position = c.position; // the shared position was left behind while nobody followed
            }
            clients.add(c);
        }
        if (clients.isEmpty()) {
            return;
        }
        EventBatch shared = events.read(position, BATCH);
        List<Client> gone = new ArrayList<>();
        for (Client c : clients) {
            EventBatch batch = c.position == position ? shared : events.read(c.position, BATCH);
            if (!send(c, batch)) {
                gone.add(c);
            }
        }
        position = shared.next();
        long now = System.currentTimeMillis();
        if (now - lastBeat >= HEARTBEAT_MILLIS) {
            lastBeat = now;
            for (Client c : clients) {
                if (!gone.contains(c) && !write(c, ": heartbeat\n\n")) {
                    gone.add(c);
                }
            }
        }
        for (Client c : gone) {
            clients.remove(c);
            c.exchange.close();
        }
    }

    private boolean send(Client client, EventBatch batch) {
        if (batch.events().isEmpty()) {
            client.position = batch.next();
            return true;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < batch.events().size(); i++) {
            long at = batch.positions().get(i);
            text.append("id: ").append(at).append("\nevent: factory\ndata: ")
                    .append(JsonWriter.compact(Events.fields(batch.events().get(i), at))).append("\n\n");
        }
        client.position = batch.next();
        return write(client, text.toString());
    }

    private static boolean write(Client client, String text) {
        client.writingSince = System.currentTimeMillis();
        try {
            client.out.write(text.getBytes(StandardCharsets.UTF_8));
            client.out.flush();
            return true;
        } catch (IOException | RuntimeException gone) {
            Thread.interrupted();
            return false;
        } finally {
            client.writingSince = 0;
        }
    }

    /** Interrupts the follower stuck in a write to a client that stopped reading, so that client is dropped. */
    private void watch() {
        while (open) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
            long now = System.currentTimeMillis();
            for (Client c : clients) {
                long since = c.writingSince;
                if (since != 0 && now - since > STALL_MILLIS && c.writingSince == since) {
                    follower.interrupt();
                }
            }
        }
    }

    private static final class Client {
        final HttpExchange exchange;
        final OutputStream out;
        long position;
        volatile long writingSince;

        Client(HttpExchange exchange, OutputStream out, long position) {
            this.exchange = exchange;
            this.out = out;
            this.position = position;
        }
    }
}
