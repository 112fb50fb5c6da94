package dev.codefactory.adapter.fs.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codefactory.adapter.fs.Projects;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.port.config.ConfigurationFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicConfigurationFilesTest {
    @TempDir
    Path dir;

    private ConfigurationFiles files;

    @BeforeEach
    void files() {
        files = new AtomicConfigurationFilesProvider().create(Projects.context(dir));
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void a_config_file_is_the_owners_alone_and_replaced_without_leftovers() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("home/.config/factory/config.yaml");
        files.replace(file, "ui:\n  theme: dark\n", true);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        files.replace(file, "ui:\n  theme: light\n", true);

        assertEquals("ui:\n  theme: light\n", Files.readString(file));
        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(dir.resolve("home")));
        assertEquals("rwx------", permissions(file.getParent()));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void project_folders_keep_the_usual_permissions() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("project/.factory/config.yaml");
        files.replace(file, "a: b\n", false);
        assertEquals("rw-------", permissions(file));
        assertEquals(permissions(Files.createDirectory(dir.resolve("plain"))), permissions(file.getParent()));
    }

    @Test
    void a_file_that_cannot_be_written_is_left_as_it_was() throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "old: 1\n");
        // a folder where the file should be: the rename fails and the folder stays, with nothing beside it
        Path folder = dir.resolve("taken");
        Files.createDirectories(folder.resolve("x"));
        assertThrows(StorageException.class, () -> files.replace(folder, "new: 2\n", false));
        try (Stream<Path> inside = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("x")), inside.toList());
        }
        assertEquals("old: 1\n", Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }
    }

    @Test
    void reads_a_file_as_bytes_and_tells_files_from_folders() throws IOException {
        Path file = Files.write(dir.resolve("config.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        assertEquals(true, files.isFile(file));
        assertEquals(false, files.isFolder(file));
        assertEquals(true, files.exists(file));
        assertEquals(true, files.isFolder(dir));
        assertEquals(false, files.isFile(dir));
        assertEquals(false, files.exists(dir.resolve("none.yaml")));
        assertArrayEquals(new byte[] {'a', ':', ' ', (byte) 0xff, '\n'}, files.read(file));
    }

    @Test
    void a_file_that_cannot_be_read_is_a_storage_error_naming_it() {
        StorageException e = assertThrows(StorageException.class, () -> files.read(dir));
        assertEquals(true, e.getMessage().contains(dir.toString()), e.getMessage());
    }
}
