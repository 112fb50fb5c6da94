package dev.codefactory.adapter.fs.layout;

import dev.codefactory.port.project.ProjectLocator;
import dev.codefactory.port.project.spi.ProjectLocatorProvider;

/** Provides {@link ProjectLocator} "file": the project found by its folders on the local file system. */
public final class FileProjectLocatorProvider implements ProjectLocatorProvider {

    /** Does nothing; the work starts in {@link #create()}. */
    public FileProjectLocatorProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public ProjectLocator create() {
        return new FileProjectLocator();
    }
}
