package dev.codefactory.port.workspace;

import java.util.Objects;

/** A file a scan left out, and why ({@code detail}: "12.4 MB, over the 10 MB limit"). */
public record SkippedFile(String path, SkipReason reason, String detail) {
    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
