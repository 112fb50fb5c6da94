package dev.codefactory.app.provider;

import dev.codefactory.port.plugin.PluginClassPath;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a provider came from: built in (an adapter of Code-Factory's own, loaded with the library) or added (a
 * plugin jar, a jar on the class path, or {@code CodeFactory.builder().addProvider}), and the jar or folder its class
 * was loaded from when that is known.
 *
 * @param builtIn  whether it is one of Code-Factory's own adapters, loaded by the library's class loader
 * @param location the jar or classes folder of its class; empty when the JDK does not say (a generated class)
 */
public record ProviderOrigin(boolean builtIn, Optional<Path> location) {

    public ProviderOrigin {
        Objects.requireNonNull(location, "location");
    }

    /**
     * The origin of {@code type}: built in when the library's loader defined it in Code-Factory's adapters; its jar
     * or folder as {@code classPath} names it.
     */
    static ProviderOrigin of(Class<?> type, PluginClassPath classPath) {
        boolean builtIn = type.getClassLoader() == ProviderOrigin.class.getClassLoader()
                && type.getName().startsWith("dev.codefactory.adapter.");
        return new ProviderOrigin(builtIn, classPath.locationOf(type));
    }

    /** "built in", or the path of the jar, in words for the person. */
    public String describe() {
        if (builtIn) {
            return "built in";
        }
        return location.map(Path::toString).orElse("added (no jar known)");
    }
}
