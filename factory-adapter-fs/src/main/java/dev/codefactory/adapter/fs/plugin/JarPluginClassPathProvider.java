package dev.codefactory.adapter.fs.plugin;

import dev.codefactory.port.plugin.PluginClassPath;
import dev.codefactory.port.plugin.spi.PluginClassPathProvider;

/** Provides {@link PluginClassPath} "jar": names the jars and classes folders of a class path. */
public final class JarPluginClassPathProvider implements PluginClassPathProvider {

    /** Does nothing; the work starts in {@link #create()}. */
    public JarPluginClassPathProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "jar";
    }

    @Override
    public PluginClassPath create() {
        return new JarPluginClassPath();
    }
}
