package dev.codefactory.port.plugin;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the classes of providers come from: the jar (a plugin's, in {@code .factory/plugins/} say) or the classes
 * folder that defined a class, and the jar whose {@code META-INF/services} file lists a provider that could not be
 * loaded. It names; it never loads or runs a class.
 */
public interface PluginClassPath {

    /** The jar or classes folder {@code type} was loaded from; empty when the JDK does not say (a generated class). */
    Optional<Path> locationOf(Class<?> type);

    /**
     * The jar, or the classes folder, whose {@code META-INF/services/<spi>} file seen by {@code loader} lists
     * {@code className}; empty when none does or the files cannot be read.
     */
    Optional<Path> listing(ClassLoader loader, Class<?> spi, String className);
}
