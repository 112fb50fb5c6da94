package dev.codefactory.port.change;

import dev.codefactory.domain.change.PlannedFile;
import java.util.List;
import java.util.Objects;

/**
 * One file's proposed change, for a person to approve.
 *
 * @param path    project-relative
 * @param action  created, modified or deleted
 * @param diff    the unified diff ({@code git diff} format, uncoloured)
 * @param added   lines added
 * @param removed lines removed
 * @param notes   how edits that did not match the file exactly were placed ("edit 1 matched at line 4 after ignoring
 *                indentation; its replacement was re-indented"), to show with the diff; empty when all matched
 */
public record FileDiff(String path, PlannedFile.Action action, String diff, int added, int removed,
                       List<String> notes) {
    public FileDiff {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(diff, "diff");
        notes = List.copyOf(notes);
    }

    /** A diff without notes. */
    public FileDiff(String path, PlannedFile.Action action, String diff, int added, int removed) {
        this(path, action, diff, added, removed, List.of());
    }
}
