package dev.codefactory.adapter.fs.state;

import dev.codefactory.port.event.EventLog;
import dev.codefactory.port.event.spi.EventLogProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link EventLog} "jsonl": one JSON line per event in .factory/events.jsonl, bounded by rotation. */
public final class JsonLinesEventLogProvider implements EventLogProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public JsonLinesEventLogProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "jsonl";
    }

    @Override
    public EventLog create(ProjectContext context) {
        return new JsonLinesEventLog(context.root(), JsonLinesEventLog.LIMIT);
    }
}
