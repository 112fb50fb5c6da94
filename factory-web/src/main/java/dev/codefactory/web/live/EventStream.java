package dev.codefactory.web.live;

import java.util.Objects;
import com.sun.net.httpserver.HttpExchange;
import dev.codefactory.app.event.Events;

/**
 * SKELETON (issue 17): the server-sent event stream ({@code /api/v1/events/stream}) that follows the project's event
 * log and pushes each event to every open page, with memory bounded however many follow it (feature-012, FR-005,
 * NFR-002). The live-events helper fills this in; the server creates it, starts it, attaches each stream request
 * after its security checks, and closes it.
 */
public final class EventStream implements AutoCloseable {
    private final Events events;

    public EventStream(Events events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Starts following the event log. */
    public void start() {
        // skeleton: nothing to follow yet
    }

    /** Takes over {@code exchange}: writes the SSE headers and then each event, until the client goes or close. */
    public void attach(HttpExchange exchange) {
        throw new UnsupportedOperationException("skeleton: EventStream.attach for " + events);
    }

    /** Ends every stream and stops following. */
    @Override
    public void close() {
        // skeleton: nothing to close yet
    }
}
