package dev.codefactory.domain.plan;

import java.util.List;
import java.util.Objects;

/** One file a change plan touches: created whole, modified by anchored edits, or deleted. */
public sealed interface FileChange permits FileChange.Create, FileChange.Modify, FileChange.Delete {

    /** Project-relative path, forward slashes. */
    String path();

    record Create(String path, String content) implements FileChange {
        public Create {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    record Modify(String path, List<Edit> edits) implements FileChange {
        public Modify {
            Objects.requireNonNull(path, "path");
            edits = List.copyOf(edits);
            if (edits.isEmpty()) {
                throw new IllegalArgumentException(path + ": a modification needs at least one edit");
            }
        }
    }

    record Delete(String path) implements FileChange {
        public Delete {
            Objects.requireNonNull(path, "path");
        }
    }
}
