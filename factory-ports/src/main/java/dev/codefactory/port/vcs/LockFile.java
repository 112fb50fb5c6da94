package dev.codefactory.port.vcs;

import java.time.Instant;
import java.util.Objects;

/**
 * A git lock file that is there ({@code .git/index.lock}, {@code .git/HEAD.lock}, a ref's lock).
 *
 * @param path     its absolute path
 * @param modified when it was last written
 * @param held     a running git process may hold it (a git process runs in this repository, or the file is so young
 *                 that one may have just made it); a lock that is not held is stale: its git was killed
 */
public record LockFile(String path, Instant modified, boolean held) {
    public LockFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modified, "modified");
    }
}
