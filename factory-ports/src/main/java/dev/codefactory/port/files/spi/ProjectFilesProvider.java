package dev.codefactory.port.files.spi;

import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link ProjectFiles} implementations through {@link java.util.ServiceLoader}: {@code file}. */
public interface ProjectFilesProvider extends Provider {

    ProjectFiles create(ProjectContext context);
}
