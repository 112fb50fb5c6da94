package dev.codefactory.cli;

import dev.codefactory.app.config.ConfigLayers;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarFile;

/**
 * The jars added to the CLI, in this order: {@code FACTORY_CLASSPATH} (jars, or folders of jars, separated like a
 * class path), the project's {@code .factory/plugins/}, and the user's {@code plugins/} in the configuration folder
 * ({@code $XDG_CONFIG_HOME/factory/plugins/}, by default {@code ~/.config/factory/plugins/}).
 *
 * <p>They are loaded by a child class loader of the CLI's own, so the JVM's class path, and with it the launcher's
 * class-data-sharing archive, stay the same whatever the plugins are. A jar that cannot be read is left out, and said
 * once on standard error when providers are first looked up.
 */
// implements feature-009/FR-006, feature-009/NFR-002
final class Plugins implements AutoCloseable {
    private static final String SERVICES = "META-INF/services/";

    /** A jar that is loaded, and which of the three places named it. */
    record Jar(Path path, String from) {
    }

    /** A jar (or a {@code FACTORY_CLASSPATH} entry) that is left out, and why. */
    record Unreadable(Path path, String from, String reason) {
        String describe() {
            return "plugin " + path + " (" + from + ") not loaded: " + reason;
        }
    }

    private final List<Jar> jars;
    private final List<Unreadable> unreadable;
    private URLClassLoader loader;

    private Plugins(List<Jar> jars, List<Unreadable> unreadable) {
        this.jars = List.copyOf(jars);
        this.unreadable = List.copyOf(unreadable);
    }

    /** The plugins of a run in {@code workingDirectory} on {@code project}, with {@code environment}. */
    static Plugins find(Path workingDirectory, Path project, Map<String, String> environment) {
        List<Jar> jars = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        String classPath = environment.getOrDefault("FACTORY_CLASSPATH", "");
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path p = workingDirectory.resolve(entry.strip()).normalize();
                if (Files.isDirectory(p)) {
                    folder(p, "FACTORY_CLASSPATH", jars, unreadable, seen);
                } else if (Files.exists(p)) {
                    add(p, "FACTORY_CLASSPATH", jars, unreadable, seen);
                } else {
                    unreadable.add(new Unreadable(p, "FACTORY_CLASSPATH", "no such file or folder"));
                }
            }
        }
        folder(project.resolve(".factory").resolve("plugins"), "project", jars, unreadable, seen);
        Optional<Path> user = ConfigLayers.defaultUserDir(environment);
        user.ifPresent(dir -> folder(dir.resolve("plugins"), "user", jars, unreadable, seen));
        return new Plugins(jars, unreadable);
    }

    List<Jar> jars() {
        return jars;
    }

    List<Unreadable> unreadable() {
        return unreadable;
    }

    /**
     * The class loader providers are looked up in: {@code parent} when there is no plugin, else a child of it that
     * also reads the plugin jars, and tells {@code tell} what is {@link #unreadable} at its first provider lookup.
     */
    ClassLoader classLoader(ClassLoader parent, Consumer<Unreadable> tell) {
        if (jars.isEmpty() && unreadable.isEmpty()) {
            return parent;
        }
        if (loader == null) {
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = jars.get(i).path().toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException("a file path that is no URL: " + jars.get(i).path(), e);
                }
            }
            loader = new PluginLoader(urls, parent, () -> unreadable.forEach(tell));
        }
        return loader;
    }

    @Override
    public void close() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void folder(Path dir, String from, List<Jar> jars, List<Unreadable> unreadable, Set<Path> seen) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            files.forEach(found::add);
        } catch (IOException e) {
            unreadable.add(new Unreadable(dir, from, "the folder cannot be read: " + e.getMessage()));
            return;
        }
        found.sort(null); // the same order on every run and every system
        found.forEach(p -> add(p, from, jars, unreadable, seen));
    }

    private static void add(Path jar, String from, List<Jar> jars, List<Unreadable> unreadable, Set<Path> seen) {
        Path real;
        try {
            real = jar.toRealPath();
        } catch (IOException e) {
            unreadable.add(new Unreadable(jar, from, "cannot be read: " + e.getMessage()));
            return;
        }
        if (!seen.add(real)) {
            return; // named twice (FACTORY_CLASSPATH and a plugins folder, say): loaded once
        }
        try (JarFile opened = new JarFile(real.toFile(), false)) {
            opened.size(); // opening reads the zip's central directory: a damaged jar fails here
        } catch (IOException | SecurityException e) {
            unreadable.add(new Unreadable(jar, from, "not a readable jar (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + "); replace or remove it"));
            return;
        }
        jars.add(new Jar(jar, from));
    }

    /** The plugins' class loader: tells the unreadable jars once, when providers are first looked up. */
    private static final class PluginLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Runnable firstLookup;
        private boolean told;

        PluginLoader(URL[] urls, ClassLoader parent, Runnable firstLookup) {
            super("factory-plugins", urls, parent);
            this.firstLookup = firstLookup;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.startsWith(SERVICES)) {
                tell();
            }
            return super.getResources(name);
        }

        private synchronized void tell() {
            if (!told) {
                told = true;
                firstLookup.run();
            }
        }
    }
}
