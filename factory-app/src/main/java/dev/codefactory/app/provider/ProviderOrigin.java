package dev.codefactory.app.provider;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
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

    /** The origin of {@code type}: built in when the library's loader defined it in Code-Factory's adapters. */
    public static ProviderOrigin of(Class<?> type) {
        boolean builtIn = type.getClassLoader() == ProviderOrigin.class.getClassLoader()
                && type.getName().startsWith("dev.codefactory.adapter.");
        return new ProviderOrigin(builtIn, locationOf(type));
    }

    /** "built in", or the path of the jar, in words for the person. */
    public String describe() {
        if (builtIn) {
            return "built in";
        }
        return location.map(Path::toString).orElse("added (no jar known)");
    }

    static Optional<Path> locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? Optional.empty() : path(source.getLocation());
    }

    /** The file a class path URL names: a jar, a folder, or the jar of a {@code jar:} URL; empty for others. */
    static Optional<Path> path(URL url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.getPath(); // file:/x/y.jar!/META-INF/services/...
                int bang = spec.indexOf("!/");
                return path(new URL(bang < 0 ? spec : spec.substring(0, bang)));
            }
            if (url.getProtocol().equals("file")) {
                return Optional.of(Path.of(url.toURI()));
            }
        } catch (URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
