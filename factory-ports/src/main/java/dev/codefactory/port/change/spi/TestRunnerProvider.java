package dev.codefactory.port.change.spi;

import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link TestRunner} implementations through {@link java.util.ServiceLoader}: {@code shell}. */
public interface TestRunnerProvider extends Provider {

    TestRunner create(ProjectContext context);
}
