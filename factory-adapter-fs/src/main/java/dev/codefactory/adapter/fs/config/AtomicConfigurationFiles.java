package dev.codefactory.adapter.fs.config;

import dev.codefactory.adapter.fs.project.AtomicFiles;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.port.config.ConfigurationFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/** The configuration files, written by the adapter's one atomic writer ({@link AtomicFiles#replaceOwnerOnly}). */
final class AtomicConfigurationFiles implements ConfigurationFiles {

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public boolean isFile(Path path) {
        return Files.isRegularFile(path);
    }

    @Override
    public boolean isFolder(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException(file.toString(), "read", e);
        }
    }

    @Override
    public void replace(Path file, String text, boolean privateFolders) {
        Objects.requireNonNull(text, "text");
        Path target = Objects.requireNonNull(file, "file").toAbsolutePath();
        Path dir = target.getParent();
        try {
            if (privateFolders && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StorageException(dir.toString(), "creating the folder", e);
        }
        AtomicFiles.replaceOwnerOnly(target, text.getBytes(StandardCharsets.UTF_8), file.toString());
    }
}
