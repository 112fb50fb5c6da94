package dev.codefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index of service files answers exactly what the class path's own lookup answers, and only while it describes
 * that class path: real jars in a temporary folder, a main jar naming the others in its manifest as the launcher's
 * does.
 */
// covers feature-013/FR-005
class ServiceIndexTest {
    @TempDir
    Path dir;

    private Path mainJar() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        jar(lib.resolve("a.jar"), null, Map.of("META-INF/services/x.Spi", "a.One\n", "META-INF/services/y.Other",
                "a.Two\n", "a/One.txt", "not a service"));
        jar(lib.resolve("b.jar"), null, Map.of("b/Nothing.txt", "no services here"));
        jar(lib.resolve("c.jar"), null, Map.of("META-INF/services/x.Spi", "c.Three\n"));
        return jar(dir.resolve("main.jar"), "lib/a.jar lib/b.jar lib/c.jar", Map.of("m/Main.txt", "main"));
    }

    @Test
    void the_index_answers_service_lookups_as_the_class_path_does() throws Exception {
        Path main = mainJar();
        Path index = dir.resolve("services");
        ServiceIndex.write(index, main.toString());

        Map<String, List<URL>> read = ServiceIndex.read(index, main.toString());
        assertNotNull(read, Files.readString(index));
        try (URLClassLoader plain = new URLClassLoader(new URL[] {main.toUri().toURL()}, null)) {
            for (String service : List.of("x.Spi", "y.Other", "z.Missing")) {
                List<String> expected = contents(Collections.list(plain.getResources("META-INF/services/" + service)));
                List<String> indexed = contents(read.getOrDefault(service, List.of()));
                assertEquals(expected, indexed, service);
            }
            assertEquals(List.of("a.One\n", "c.Three\n"), contents(read.get("x.Spi")), "class-path order");
        }
    }

    @Test
    void an_index_of_another_class_path_or_of_changed_jars_is_not_used() throws Exception {
        Path main = mainJar();
        Path index = dir.resolve("services");
        ServiceIndex.write(index, main.toString());

        assertNull(ServiceIndex.read(index, main + ":" + dir.resolve("more.jar")), "another class path");
        Path c = dir.resolve("lib/c.jar");
        FileTime was = Files.getLastModifiedTime(c);
        Files.setLastModifiedTime(c, FileTime.fromMillis(was.toMillis() + 5_000));
        assertNull(ServiceIndex.read(index, main.toString()), "a jar rebuilt since");
        Files.setLastModifiedTime(c, was);
        assertNotNull(ServiceIndex.read(index, main.toString()), "the same again");

        Files.writeString(index, Files.readString(index).replace("service y.Other", "garbage y.Other"));
        assertNull(ServiceIndex.read(index, main.toString()), "a line it does not know");
        Files.write(index, new byte[] {(byte) 0xff, 0, 1});
        assertNull(ServiceIndex.read(index, main.toString()), "not text");
        assertNull(ServiceIndex.read(dir.resolve("absent"), main.toString()), "no file");
    }

    @Test
    void a_jar_naming_further_jars_makes_no_index_and_without_one_the_parent_answers() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        jar(lib.resolve("inner.jar"), null, Map.of("META-INF/services/x.Spi", "i.One\n"));
        jar(lib.resolve("outer.jar"), "inner.jar", Map.of("META-INF/services/x.Spi", "o.One\n"));
        Path main = jar(dir.resolve("main.jar"), "lib/outer.jar", Map.of());
        Path index = dir.resolve("services");

        ServiceIndex.write(index, main.toString());

        assertTrue(Files.notExists(index), "nested Class-Path: the ordinary lookup is the right one");
        ClassLoader parent = getClass().getClassLoader();
        String before = System.getProperty(ServiceIndex.PROPERTY);
        try {
            System.setProperty(ServiceIndex.PROPERTY, index.toString());
            assertSame(parent, ServiceIndex.loader(parent), "no index file: the parent itself");
            System.clearProperty(ServiceIndex.PROPERTY);
            assertSame(parent, ServiceIndex.loader(parent), "no property: the parent itself");
        } finally {
            if (before != null) {
                System.setProperty(ServiceIndex.PROPERTY, before);
            }
        }
    }

    private static List<String> contents(List<URL> urls) throws IOException {
        List<String> texts = new ArrayList<>();
        for (URL url : urls) {
            var connection = url.openConnection();
            connection.setUseCaches(false); // the temporary jars are deleted after the test
            try (InputStream in = connection.getInputStream()) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static Path jar(Path file, String classPath, Map<String, String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
