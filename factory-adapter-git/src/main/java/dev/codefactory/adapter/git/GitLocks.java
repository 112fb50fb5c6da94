package dev.codefactory.adapter.git;

import dev.codefactory.port.vcs.VersionControlException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Git's lock files, {@code <file>.lock} beside the file they guard, which git and JGit create to change it and
 * rename over it when done. A git process that is killed leaves its lock behind, and every later writer fails on it
 * until someone deletes it: these are the ones a repository can be left with, and the one message for them.
 */
// implements feature-007/FR-011
final class GitLocks {
    private static final int REF_DEPTH = 16;

    private GitLocks() {
    }

    /**
     * The lock files present now: the index and {@code HEAD} of this working tree, and {@code packed-refs},
     * {@code config} and every ref of the repository; absolute paths, sorted.
     */
    static List<String> present(Repository repo) {
        File gitDir = repo.getDirectory();
        File common = repo.getCommonDirectory();
        List<String> found = new ArrayList<>();
        for (File f : List.of(new File(gitDir, "index.lock"), new File(gitDir, "HEAD.lock"),
                new File(common, "packed-refs.lock"), new File(common, "config.lock"))) {
            if (f.exists()) {
                found.add(f.getAbsolutePath());
            }
        }
        Path refs = common.toPath().resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> walk = Files.walk(refs, REF_DEPTH)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".lock") && Files.isRegularFile(p))
                        .forEach(p -> found.add(p.toAbsolutePath().toString()));
            } catch (IOException | java.io.UncheckedIOException e) {
                // a ref folder that vanished while it was read: what was found stands
            }
        }
        found.sort(null);
        return found;
    }

    /** True when {@code failure}, or what caused it, is JGit failing to take one of git's locks. */
    static boolean isLockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof LockFailedException || message.contains("LOCK_FAILURE")
                    || message.startsWith("Cannot lock")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code what} failed because a ref update answered {@code result}: a lock failure names the lock files and says
     * what to do, anything else is named as it is.
     */
    /**
     * Returns when a ref update went through (created, forced, fast-forwarded or already there); else throws what
     * {@link #refused} says.
     */
    static void requireUpdated(Repository repo, String what, RefUpdate.Result result) {
        switch (result) {
            case NEW:
            case FORCED:
            case FAST_FORWARD:
            case NO_CHANGE:
                return;
            default:
                throw refused(repo, what, result);
        }
    }

    static VersionControlException refused(Repository repo, String what, RefUpdate.Result result) {
        List<String> locks = result == RefUpdate.Result.LOCK_FAILURE ? present(repo) : List.of();
        return locks.isEmpty() ? new VersionControlException(what + " (" + result + "); another git process may be"
                + " running, try again") : VersionControlException.locked(what, locks);
    }

    /**
     * {@code what} failed because of {@code failure}: when that was a lock, the message names the lock files and says
     * what to do; otherwise JGit's own message follows {@code what}.
     */
    static VersionControlException failure(Repository repo, String what, Exception failure) {
        if (isLockFailure(failure)) {
            List<String> locks = new ArrayList<>(present(repo));
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof LockFailedException) { // a lock of a file the list above does not look at
                    File lock = new File(((LockFailedException) t).getFile().getPath() + ".lock");
                    if (lock.exists() && !locks.contains(lock.getAbsolutePath())) {
                        locks.add(lock.getAbsolutePath());
                    }
                }
            }
            VersionControlException e = locks.isEmpty()
                    ? new VersionControlException(what + ": another git process was changing the repository at the"
                    + " same time; try again when it is done", failure)
                    : VersionControlException.locked(what, locks);
            if (e.getCause() == null) {
                e.initCause(failure);
            }
            return e;
        }
        return new VersionControlException(what + ": " + failure.getMessage(), failure);
    }
}
