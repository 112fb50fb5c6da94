package dev.codefactory.adapter.fs.contract;

import dev.codefactory.port.template.TemplateSource;
import dev.codefactory.port.template.spi.TemplateSourceProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link TemplateSource} "file": built-in templates, overridden by .factory/templates/. */
public final class FileTemplateSourceProvider implements TemplateSourceProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public FileTemplateSourceProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public TemplateSource create(ProjectContext context) {
        return new FileTemplateSource(context);
    }
}
