package dev.codefactory.port.project.spi;

import dev.codefactory.port.project.ProjectLayout;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link ProjectLayout} implementations through {@link java.util.ServiceLoader}. */
public interface ProjectLayoutProvider extends Provider {

    ProjectLayout create(ProjectContext context);
}
