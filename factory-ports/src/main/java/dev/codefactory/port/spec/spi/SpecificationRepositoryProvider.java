package dev.codefactory.port.spec.spi;

import dev.codefactory.port.spec.SpecificationRepository;
import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link SpecificationRepository} implementations through {@link java.util.ServiceLoader}. */
public interface SpecificationRepositoryProvider extends Provider {

    SpecificationRepository create(ProjectContext context);
}
