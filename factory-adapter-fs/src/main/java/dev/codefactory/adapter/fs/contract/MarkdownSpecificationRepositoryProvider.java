package dev.codefactory.adapter.fs.contract;

import dev.codefactory.port.spec.SpecificationRepository;
import dev.codefactory.port.spec.spi.SpecificationRepositoryProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link SpecificationRepository} "markdown": contracts as markdown files with YAML front matter. */
public final class MarkdownSpecificationRepositoryProvider implements SpecificationRepositoryProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public MarkdownSpecificationRepositoryProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "markdown";
    }

    @Override
    public SpecificationRepository create(ProjectContext context) {
        return new MarkdownSpecificationRepository(context);
    }
}
