package dev.codefactory.port.vcs;

import java.util.Objects;

/**
 * An entry of {@code git stash list}.
 *
 * @param index   its n in {@code stash@{n}}
 * @param commit  the stash commit
 * @param message its message ({@code factory: before change <id>} for a change's)
 */
public record StashEntry(int index, String commit, String message) {
    public StashEntry {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(message, "message");
    }
}
