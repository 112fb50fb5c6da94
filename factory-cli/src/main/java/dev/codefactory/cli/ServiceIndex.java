package dev.codefactory.cli;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Which jar of the launcher's class path holds which {@code META-INF/services/} file, written once with the start-up
 * archive, so that looking providers up opens only the jars that have them.
 *
 * <p>{@link java.util.ServiceLoader} asks its class loader for every copy of a service file, and the class path's
 * loader answers by opening and indexing each of its 40 jars in turn (about 50 ms of a start, whatever the command:
 * a zip's central directory is read by code the JVM has not compiled yet). The class loader this gives answers those
 * questions from the index and everything else as its parent does, so classes still come from the class path (and
 * the archive). The index is used only when it describes this very class path: the same {@code java.class.path},
 * and each jar with the size and modification time it had; a jar whose manifest names further jars makes no index.
 * Anything else (no index, another class path, a changed jar, an unreadable file) means the ordinary lookup. The
 * file lives beside the start-up archive and is trusted as much as the archive is.
 *
 * <p>Format, UTF-8 lines: {@code factory-services 1}, {@code class-path PATH}, then per jar
 * {@code jar SIZE MTIME-MILLIS PATH} followed by its {@code service NAME} lines.
 */
// implements feature-013/FR-005
final class ServiceIndex {
    /** The system property the launcher names the index file with. */
    static final String PROPERTY = "factory.services";
    private static final String SERVICES = "META-INF/services/";
    private static final String HEADER = "factory-services 1";

    private ServiceIndex() {
    }

    /**
     * {@code parent} answering service lookups from the index named by {@link #PROPERTY}, or {@code parent} itself
     * when there is none or it does not describe this class path.
     */
    static ClassLoader loader(ClassLoader parent) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isEmpty()) {
            return parent;
        }
        Map<String, List<URL>> byService = read(Path.of(file), System.getProperty("java.class.path", ""));
        return byService == null ? parent : new Indexed(parent, byService);
    }

    /**
     * Writes the index of the class path {@code classPath} (this JVM's) to {@code file}; writes nothing when a jar
     * cannot be read or names further jars in its manifest (the ordinary lookup is then the right one).
     */
    static void write(Path file, String classPath) throws IOException {
        List<Path> jars = jars(classPath);
        if (jars == null) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n').append("class-path ").append(classPath)
                .append('\n');
        for (Path jar : jars) {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            text.append("jar ").append(attributes.size()).append(' ').append(attributes.lastModifiedTime().toMillis())
                    .append(' ').append(jar).append('\n');
            try (JarFile opened = new JarFile(jar.toFile(), false)) {
                List<String> names = new ArrayList<>();
                for (Enumeration<JarEntry> e = opened.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith(SERVICES) && name.length() > SERVICES.length() && !name.endsWith("/")) {
                        names.add(name.substring(SERVICES.length()));
                    }
                }
                Collections.sort(names);
                names.forEach(n -> text.append("service ").append(n).append('\n'));
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The jars of {@code classPath} with those their manifests name, in the loader's order; null if unsure. */
    private static List<Path> jars(String classPath) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path jar = Path.of(entry).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                return null; // a folder of classes: not indexed
            }
            jars.add(jar);
            for (Path named : manifestClassPath(jar)) {
                if (!Files.isRegularFile(named) || !manifestClassPath(named).isEmpty()) {
                    return null;
                }
                jars.add(named);
            }
        }
        return jars;
    }

    private static List<Path> manifestClassPath(Path jar) throws IOException {
        try (JarFile opened = new JarFile(jar.toFile(), false)) {
            var manifest = opened.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            List<Path> named = new ArrayList<>();
            if (value != null) {
                for (String relative : value.trim().split("\\s+")) {
                    if (!relative.isEmpty()) {
                        named.add(jar.resolveSibling(relative).normalize());
                    }
                }
            }
            return named;
        }
    }

    /** The service files by name, each as the URLs of its copies in class-path order; null when not usable. */
    static Map<String, List<URL>> read(Path file, String classPath) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("class-path " + classPath)) {
                return null;
            }
            Map<String, List<URL>> byService = new HashMap<>();
            String jarUrl = null;
            for (String line : lines.subList(2, lines.size())) {
                if (line.startsWith("jar ")) {
                    String[] parts = line.split(" ", 4);
                    Path jar = Path.of(parts[3]);
                    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                    if (attributes.size() != Long.parseLong(parts[1])
                            || attributes.lastModifiedTime().toMillis() != Long.parseLong(parts[2])) {
                        return null; // rebuilt or replaced since: its services may differ
                    }
                    jarUrl = "jar:" + jar.toUri() + "!/" + SERVICES;
                } else if (line.startsWith("service ") && jarUrl != null) {
                    String name = line.substring("service ".length());
                    byService.computeIfAbsent(name, k -> new ArrayList<>()).add(new URL(jarUrl + name));
                } else {
                    return null;
                }
            }
            return byService;
        } catch (IOException | RuntimeException e) { // MalformedURLException is an IOException
            return null;
        }
    }

    /** Service files from the index, everything else from the parent. */
    private static final class Indexed extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, List<URL>> byService;

        Indexed(ClassLoader parent, Map<String, List<URL>> byService) {
            super("factory-services", parent);
            this.byService = new LinkedHashMap<>(byService);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.startsWith(SERVICES)) {
                return Collections.enumeration(byService.getOrDefault(name.substring(SERVICES.length()), List.of()));
            }
            return super.getResources(name);
        }
    }
}
