package dev.codefactory.adapter.fs.project;

import dev.codefactory.domain.project.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The project's lock, {@code .factory/lock}: an operating system file lock, so that two processes changing the
 * catalog take turns. Reentrant within a thread, also across instances: the layout and the repositories each own a
 * {@code ProjectLock}, and {@code layout.exclusively(() -> repository.create(...))} must not wait for itself.
 *
 * <p>Within one JVM the operating system lock cannot tell two threads apart ({@link FileChannel#lock()} throws
 * {@link OverlappingFileLockException} while another channel of this JVM holds it), so an instance whose channel
 * meets that exception waits a few milliseconds and tries again. The only state shared between instances is the
 * per-thread set of project roots the current thread holds, which is what makes nesting across instances work;
 * it never holds anything for another thread.
 *
 * <p>On POSIX systems, closing any channel to the lock file drops every lock this JVM holds on it. A waiting instance
 * therefore keeps its channel open until it has had its turn, and an owner releases by closing its own channel.
 * What remains is a window of microseconds: if another instance of this JVM takes the lock between the owner's
 * unlock and the close of the owner's descriptor, the operating system lock of that turn is lost (the JVM still
 * serialises its own threads). Only a JVM-wide registry of channels would close it, and there is deliberately none.
 *
 * <p>Shared inside the fs adapter only: public for its sibling packages, not part of the adapter's API.
 */
// implements feature-001/NFR-002
public final class ProjectLock {
    public static final String LOCK_FILE = ".factory/lock";
    private static final long RETRY_MILLIS = 3;
    /** The real roots whose lock the current thread holds, through whichever instance took it. */
    private static final ThreadLocal<Set<String>> HELD_BY_THIS_THREAD = ThreadLocal.withInitial(HashSet::new);

    private final ProjectRoot files;
    private final ReentrantLock threads = new ReentrantLock();

    public ProjectLock(ProjectRoot files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    public <T> T exclusively(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        String key = files.realRoot().toString();
        Set<String> held = HELD_BY_THIS_THREAD.get();
        if (held.contains(key)) {
            return work.get();
        }
        threads.lock();
        try {
            FileChannel channel = acquire();
            held.add(key);
            try {
                return work.get();
            } finally {
                held.remove(key);
                release(channel);
            }
        } finally {
            if (held.isEmpty()) {
                HELD_BY_THIS_THREAD.remove();
            }
            threads.unlock();
        }
    }

    private FileChannel acquire() {
        Path lockFile = files.resolve(LOCK_FILE);
        files.createDirectories(lockFile.getParent(), ".factory");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException(LOCK_FILE, "opening the project lock", e);
        }
        try {
            while (true) {
                try {
                    channel.lock();
                    return channel;
                } catch (OverlappingFileLockException e) {
                    // another instance in this JVM holds it: keep this channel open (closing it would drop the
                    // operating system lock of the holder on POSIX systems) and try again shortly
                    Thread.sleep(RETRY_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(channel);
            throw new StorageException(LOCK_FILE + ": interrupted while waiting for the project lock");
        } catch (IOException e) {
            release(channel);
            throw new StorageException(LOCK_FILE, "locking the project", e);
        }
    }

    /** Closing the channel releases its lock. */
    private static void release(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the operating system drops the lock with the descriptor whatever close reports
        }
    }
}
