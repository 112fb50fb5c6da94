package dev.codefactory.adapter.fs.project;

import dev.codefactory.domain.project.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The adapter's one atomic writer. Whole files are written so that a reader sees the old content or the new one,
 * never a mix: the bytes go to a hidden temporary file in the same folder ({@link #tempBeside}), are forced to disk
 * ({@link #writeDurably}), keep the target's permissions, and the temporary file then takes the target's name in one
 * step; the folder is then forced too ({@link #syncFolder}). A failure removes the temporary file and leaves the
 * target as it was. {@link #createNew} and {@link #replace} write one file; {@link SafeProjectFiles} builds its
 * all-or-none writes of several files on the same steps.
 *
 * <p>Shared inside the fs adapter only: public for its sibling packages, not part of the adapter's API.
 */
// implements feature-001/NFR-002
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /**
     * Writes a file that must not exist yet.
     *
     * @return false (and nothing written) when something already has that name
     */
    public static boolean createNew(Path target, byte[] data, String shownPath) {
        Path dir = target.toAbsolutePath().getParent();
        if (ProjectRoot.existsNoFollow(target)) {
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
                if (ProjectRoot.existsNoFollow(target)) {
                    return false;
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            syncFolder(dir);
            return true;
        } catch (IOException e) {
            throw new StorageException(shownPath, "writing", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Writes a file, replacing it when it exists (a symlink inside the project is followed to its file). */
    public static void replace(Path target, byte[] data, String shownPath) {
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
            syncFolder(dir);
        } catch (IOException e) {
            throw new StorageException(shownPath, "writing", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Writes a file only its owner may read or write (0600 where the file system has POSIX permissions), replacing
     * it: the temporary file has those permissions from its creation on, so the content is never readable by others.
     */
    public static void replaceOwnerOnly(Path target, byte[] data, String shownPath) {
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = tempBeside(target);
        try {
            if (posix) {
                writeDurably(temp, data, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                // the umask may have taken bits away, never added: make it exactly 0600
                Files.setPosixFilePermissions(temp, OWNER_ONLY);
            } else {
                writeDurably(temp, data);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(dir);
        } catch (IOException e) {
            throw new StorageException(shownPath, "writing", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static Path writeTemp(Path dir, String name, byte[] data, Path keepPermissionsOf, String shownPath) {
        Path temp = tempBeside(dir.resolve(name));
        try {
            writeDurably(temp, data);
            if (keepPermissionsOf != null) {
                copyPermissions(keepPermissionsOf, temp);
            }
            return temp;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException(shownPath, "writing", e);
        }
    }

    /** A hidden temporary name in the target's folder, unique enough that {@link #writeDurably} never meets it. */
    static Path tempBeside(Path target) {
        String name = target.getFileName().toString();
        String stem = name.length() > 40 ? name.substring(0, 40) : name;
        return target.resolveSibling("." + stem + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + TEMP_SUFFIX);
    }

    /** Writes a file that must not exist yet and forces its bytes to disk before returning. */
    static void writeDurably(Path file, byte[] bytes, FileAttribute<?>... attributes) throws IOException {
        try (FileChannel channel = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Gives {@code from} the name {@code to}, replacing it, in one step where the file system can; where it cannot,
     * by a plain replacing move (the caller undoes its own steps on failure).
     */
    static void moveOver(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The file's POSIX permissions, or null when it does not exist or the file system has none. */
    static Set<PosixFilePermission> permissionsOf(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            return null;
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
    static void syncFolder(Path dir) {
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
            // a leftover hidden .tmp file is harmless: never read as a contract, and a secret one holds only ciphertext
        }
    }
}
