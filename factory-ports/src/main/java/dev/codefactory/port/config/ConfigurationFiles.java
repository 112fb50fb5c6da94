package dev.codefactory.port.config;

import java.nio.file.Path;

/**
 * Writes Code-Factory's configuration files (the user's, the system's and the project's {@code config.yaml}), which
 * lie outside the project paths {@link dev.codefactory.port.files.ProjectFiles} may touch.
 */
public interface ConfigurationFiles {

    /**
     * Replaces {@code file} with {@code text} (UTF-8) so that a reader sees the old content or the new one, never a
     * mix; the file is its owner's alone where the file system has POSIX permissions (0600).
     *
     * @param privateFolders whether the folders it creates are their owner's alone (0700), as the XDG base directory
     *                       specification asks of the user's folders
     * @throws dev.codefactory.domain.project.StorageException when the file cannot be written; it is then unchanged
     */
    void replace(Path file, String text, boolean privateFolders);
}
