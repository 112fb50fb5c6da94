package dev.codefactory.port.adopt.spi;

import dev.codefactory.port.adopt.AdoptionStore;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link AdoptionStore} implementations through {@link java.util.ServiceLoader}: {@code file}. */
public interface AdoptionStoreProvider extends Provider {

    AdoptionStore create(ProjectContext context);
}
