package dev.codefactory.port.event.spi;

import dev.codefactory.port.event.EventLog;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link EventLog} implementations through {@link java.util.ServiceLoader}. */
public interface EventLogProvider extends Provider {

    EventLog create(ProjectContext context);
}
