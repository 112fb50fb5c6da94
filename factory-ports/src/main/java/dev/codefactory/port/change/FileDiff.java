package dev.codefactory.port.change;

import dev.codefactory.domain.change.PlannedFile;
import java.util.Objects;

/**
 * One file's proposed change, for a person to approve.
 *
 * @param path    project-relative
 * @param action  created, modified or deleted
 * @param diff    the unified diff ({@code git diff} format, uncoloured)
 * @param added   lines added
 * @param removed lines removed
 */
public record FileDiff(String path, PlannedFile.Action action, String diff, int added, int removed) {
    public FileDiff {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(diff, "diff");
    }
}
