package dev.codefactory.port.config.spi;

import dev.codefactory.port.config.ConfigurationFiles;
import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.spi.ProjectContext;

/** Discovers {@link ConfigurationFiles} implementations through {@link java.util.ServiceLoader}: {@code file}. */
public interface ConfigurationFilesProvider extends Provider {

    ConfigurationFiles create(ProjectContext context);
}
