package dev.codefactory.adapter.fs;

import dev.codefactory.domain.project.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes whole files so that a reader sees the old content or the new one, never a mix: the bytes go to a hidden
 * temporary file in the same folder, are forced to disk, and the temporary file then takes the target's name in
 * one step. A failure removes the temporary file and leaves the target as it was.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes a file that must not exist yet.
     *
     * @return false (and nothing written) when something already has that name
     */
    static boolean createNew(Path target, byte[] data, String shownPath) {
        Path dir = target.toAbsolutePath().getParent();
        if (ProjectFiles.existsNoFollow(target)) {
            return false;
        }
        Path temp = writeTemp(dir, target.getFileName().toString(), data, null, shownPath);
        try {
            try {
                // a hard link takes the name only if it is free, in one step
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // no hard links on this file system: the callers hold the project lock, so check then rename
                if (ProjectFiles.existsNoFollow(target)) {
                    return false;
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            syncDirectory(dir);
            return true;
        } catch (IOException e) {
            throw new StorageException(shownPath, "writing", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Writes a file, replacing it when it exists (a symlink inside the project is followed to its file). */
    static void replace(Path target, byte[] data, String shownPath) {
        Path real = target;
        try {
            if (Files.isSymbolicLink(target)) {
                real = target.toRealPath();
            }
        } catch (IOException e) {
            throw new StorageException(shownPath, "resolving the link", e);
        }
        Path dir = real.toAbsolutePath().getParent();
        Path temp = writeTemp(dir, real.getFileName().toString(), data, Files.exists(real) ? real : null, shownPath);
        try {
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new StorageException(shownPath, "writing", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static Path writeTemp(Path dir, String name, byte[] data, Path keepPermissionsOf, String shownPath) {
        Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel =
                         FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (keepPermissionsOf != null) {
                copyPermissions(keepPermissionsOf, temp);
            }
            return temp;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException(shownPath, "writing", e);
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: a file system without POSIX permissions keeps its defaults
        }
    }

    /** Forces the folder's entry for the renamed file to disk; not every platform can, so best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; the rename itself is still atomic there
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a leftover hidden .tmp file is harmless and never read as a contract
        }
    }
}
