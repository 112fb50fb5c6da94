package dev.codefactory.port.event;

import java.util.List;
import java.util.Objects;

/**
 * Events read from the {@link EventLog}.
 *
 * @param events the events, oldest first
 * @param next   the position to read from next time
 * @param reset  true when the position asked for had been trimmed from the log and reading started at the oldest
 */
public record EventBatch(List<FactoryEvent> events, long next, boolean reset) {
    public EventBatch {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
