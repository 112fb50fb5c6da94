package dev.codefactory.adapter.fs.archfixture;

import dev.codefactory.port.spi.ProjectContext;
import dev.codefactory.port.template.TemplateSource;
import dev.codefactory.port.template.spi.TemplateSourceProvider;

/**
 * Keeps to the rules: an adapter's public provider of a port SPI. A test class, imported only by
 * {@code ArchitectureRulesTest}, with the other classes of this package.
 */
public final class FixtureTemplateSourceProvider implements TemplateSourceProvider {
    @Override
    public String id() {
        return "fixture" + new UsedOnlyInItsOwnPackage().hashCode();
    }

    @Override
    public TemplateSource create(ProjectContext context) {
        throw new UnsupportedOperationException();
    }
}
