package dev.codefactory.port.change.spi;

import dev.codefactory.port.change.ChangeJournal;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link ChangeJournal} implementations through {@link java.util.ServiceLoader}: {@code file}. */
public interface ChangeJournalProvider extends Provider {

    ChangeJournal create(ProjectContext context);
}
