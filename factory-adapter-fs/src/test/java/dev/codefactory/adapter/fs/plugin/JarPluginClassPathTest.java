package dev.codefactory.adapter.fs.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.port.plugin.PluginClassPath;
import dev.codefactory.port.plugin.spi.PluginClassPathProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// covers feature-009/FR-006
class JarPluginClassPathTest {
    @TempDir
    Path dir;

    private final PluginClassPath classPath = new JarPluginClassPathProvider().create();

    @Test
    void service_loader_finds_the_provider_with_its_id() {
        assertEquals("jar", ServiceLoader.load(PluginClassPathProvider.class).findFirst().orElseThrow().id());
    }

    @Test
    void names_the_classes_folder_of_a_class_and_nothing_for_a_jdk_class() {
        Path folder = classPath.locationOf(getClass()).orElseThrow();
        assertTrue(Files.isDirectory(folder.resolve("dev/codefactory/adapter/fs/plugin")), folder.toString());
        assertEquals(Optional.empty(), classPath.locationOf(String.class));
    }

    @Test
    void names_the_jar_and_the_folder_whose_services_file_lists_a_class() throws IOException {
        Path jar = dir.resolve("plugin.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/" + PluginClassPathProvider.class.getName()));
            j.write("# a plugin\ncom.example.InJar # its provider\n".getBytes(StandardCharsets.UTF_8));
        }
        Path folder = dir.resolve("classes");
        Path services = Files.createDirectories(folder.resolve("META-INF/services"));
        Files.writeString(services.resolve(PluginClassPathProvider.class.getName()), "com.example.InFolder\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), folder.toUri().toURL()},
                null)) {
            assertEquals(Optional.of(jar), classPath.listing(loader, PluginClassPathProvider.class,
                    "com.example.InJar"));
            assertEquals(Optional.of(folder), classPath.listing(loader, PluginClassPathProvider.class,
                    "com.example.InFolder"));
            assertEquals(Optional.empty(), classPath.listing(loader, PluginClassPathProvider.class,
                    "com.example.Nowhere"));
        }
    }
}
