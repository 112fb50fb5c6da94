package dev.codefactory.port.vcs;

import java.util.Objects;

/**
 * A file's text as one commit left it.
 *
 * @param commit the full id of the commit that wrote this text
 * @param path   the file's path in that commit (an older name when the file was renamed since)
 * @param text   the file's text, read as UTF-8
 */
public record FileVersion(String commit, String path, String text) {
    public FileVersion {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
