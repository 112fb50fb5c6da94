package dev.codefactory.port.cache.spi;

import dev.codefactory.port.cache.ResponseCache;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link ResponseCache} implementations through {@link java.util.ServiceLoader}. */
public interface ResponseCacheProvider extends Provider {

    ResponseCache create(ProjectContext context);
}
