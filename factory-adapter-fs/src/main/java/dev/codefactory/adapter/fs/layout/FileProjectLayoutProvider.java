package dev.codefactory.adapter.fs.layout;

import dev.codefactory.port.project.ProjectLayout;
import dev.codefactory.port.project.spi.ProjectLayoutProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link ProjectLayout} "file": the project's folders and lock on the local file system. */
public final class FileProjectLayoutProvider implements ProjectLayoutProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public FileProjectLayoutProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public ProjectLayout create(ProjectContext context) {
        return new FileProjectLayout(context);
    }
}
