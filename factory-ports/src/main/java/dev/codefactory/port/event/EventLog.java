package dev.codefactory.port.event;

/**
 * The project's event log, {@code .factory/events.jsonl}: what the Code-Factory processes working in this project
 * are doing, appended by each and followed by the web mirror (feature-012, FR-005). Bounded: old events are dropped
 * when it grows past its limit, so a reader may find its position gone and start again from the oldest kept.
 */
public interface EventLog {

    /** Appends one event; events from concurrent processes never interleave within a line. Never throws for I/O. */
    void append(FactoryEvent event);

    /**
     * Up to {@code max} events from {@code position} on (0: the oldest kept), and the position after them. A position
     * that is no longer in the log (it was trimmed) reads from the oldest kept event, and the batch says so.
     */
    EventBatch read(long position, int max);

    /** The position after the newest event: where a reader that wants only what comes next starts. */
    long end();
}
