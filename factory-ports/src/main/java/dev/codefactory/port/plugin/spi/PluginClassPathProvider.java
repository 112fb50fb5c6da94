package dev.codefactory.port.plugin.spi;

import dev.codefactory.port.plugin.PluginClassPath;
import dev.codefactory.port.spi.Provider;

/** Discovers {@link PluginClassPath} implementations through {@link java.util.ServiceLoader}: {@code jar}. */
public interface PluginClassPathProvider extends Provider {

    PluginClassPath create();
}
