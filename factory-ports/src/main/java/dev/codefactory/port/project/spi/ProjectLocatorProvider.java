package dev.codefactory.port.project.spi;

import dev.codefactory.port.project.ProjectLocator;
import dev.codefactory.port.spi.Provider;

/**
 * Discovers {@link ProjectLocator} implementations through {@link java.util.ServiceLoader}: {@code file}. It is
 * created without a project context: finding the project comes before there is one.
 */
public interface ProjectLocatorProvider extends Provider {

    ProjectLocator create();
}
