package dev.codefactory.adapter.fs.project;

import dev.codefactory.port.files.ProjectFiles;
import dev.codefactory.port.files.spi.ProjectFilesProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link ProjectFiles} "file": the project's files, confined, written all or nothing. */
public final class SafeProjectFilesProvider implements ProjectFilesProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public SafeProjectFilesProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public ProjectFiles create(ProjectContext context) {
        return new SafeProjectFiles(context.root());
    }
}
