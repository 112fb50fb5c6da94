package dev.codefactory.port.config;

import java.nio.file.Path;

/**
 * Reads and writes Code-Factory's configuration files (the user's, the system's and the project's
 * {@code config.yaml}, or the one named by {@code --config}), which lie outside the project paths
 * {@link dev.codefactory.port.files.ProjectFiles} may touch. Links are followed, as a person reading the file would.
 */
public interface ConfigurationFiles {

    /** Whether something (a file, a folder) is at {@code path}. */
    boolean exists(Path path);

    /** Whether {@code path} is a regular file. */
    boolean isFile(Path path);

    /** Whether {@code path} is a folder. */
    boolean isFolder(Path path);

    /**
     * The bytes of {@code file}, as they are (the caller decodes them).
     *
     * @throws dev.codefactory.domain.project.StorageException when the file cannot be read (operation {@code read})
     */
    byte[] read(Path file);

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
