package dev.codefactory.port.event;

import java.util.List;
import java.util.Objects;

/**
 * Events read from the {@link EventLog}.
 *
 * @param events    the events, oldest first
 * @param positions the position after each event (a follower that saw it resumes there), as many as events
 * @param next      the position to read from next time
 * @param reset     true when the position asked for had been trimmed from the log and reading started at the oldest
 */
public record EventBatch(List<FactoryEvent> events, List<Long> positions, long next, boolean reset) {
    public EventBatch {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
        if (positions.size() != events.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + positions.size() + " positions");
        }
    }
}
