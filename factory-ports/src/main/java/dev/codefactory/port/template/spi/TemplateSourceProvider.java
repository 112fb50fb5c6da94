package dev.codefactory.port.template.spi;

import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.spi.Provider;
import dev.codefactory.port.template.TemplateSource;

/** Discovers {@link TemplateSource} implementations through {@link java.util.ServiceLoader}. */
public interface TemplateSourceProvider extends Provider {

    TemplateSource create(ProjectContext context);
}
