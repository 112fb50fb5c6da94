package dev.codefactory.port.intake.spi;

import dev.codefactory.port.intake.DraftStore;
import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.spi.ProjectContext;

/** Discovers {@link DraftStore} implementations through {@link java.util.ServiceLoader}: {@code file}. */
public interface DraftStoreProvider extends Provider {

    DraftStore create(ProjectContext context);
}
