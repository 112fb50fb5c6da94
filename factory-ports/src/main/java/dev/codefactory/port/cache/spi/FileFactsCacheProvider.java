package dev.codefactory.port.cache.spi;

import dev.codefactory.port.cache.FileFactsCache;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link FileFactsCache} implementations through {@link java.util.ServiceLoader}. */
public interface FileFactsCacheProvider extends Provider {

    FileFactsCache create(ProjectContext context);
}
