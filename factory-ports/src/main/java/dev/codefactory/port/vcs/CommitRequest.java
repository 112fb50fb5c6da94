package dev.codefactory.port.vcs;

import java.util.List;
import java.util.Objects;

/**
 * What to commit.
 *
 * @param message   the whole message; a {@code Signed-off-by} trailer is added when {@code signOff}
 * @param only      when not empty, commit only these paths (as {@code git commit -- paths}), whatever else is staged
 * @param signOff   add {@code Signed-off-by: name <email>} of the committer
 * @param author    author identity, or null for git config's
 * @param allowEmpty commit even when nothing changed
 */
public record CommitRequest(String message, List<String> only, boolean signOff, Identity author,
                            boolean allowEmpty) {

    public CommitRequest {
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a commit message is required");
        }
        only = List.copyOf(only);
    }

    /** A commit of what is staged, with git config's identity. */
    public static CommitRequest of(String message) {
        return new CommitRequest(message, List.of(), false, null, false);
    }

    /** A commit of exactly these paths (staged first by the caller or not: they are taken from the working tree). */
    public static CommitRequest only(String message, List<String> paths) {
        return new CommitRequest(message, paths, false, null, false);
    }
}
