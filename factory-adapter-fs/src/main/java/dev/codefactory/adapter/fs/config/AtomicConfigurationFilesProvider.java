package dev.codefactory.adapter.fs.config;

import dev.codefactory.port.config.ConfigurationFiles;
import dev.codefactory.port.config.spi.ConfigurationFilesProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link ConfigurationFiles} "file": config.yaml files replaced atomically, 0600. */
public final class AtomicConfigurationFilesProvider implements ConfigurationFilesProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public AtomicConfigurationFilesProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public ConfigurationFiles create(ProjectContext context) {
        return new AtomicConfigurationFiles();
    }
}
