package dev.codefactory.port.files;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The project's own files, read and written the careful way a change order needs: paths relative to the project
 * root with {@code /} separators; nothing outside the root, inside {@code .git/} or {@code .factory/}, or through a
 * symbolic link is ever read or written (an {@link dev.codefactory.domain.project.UnsafePathException} says which
 * path and why).
 */
public interface ProjectFiles {

    /** What is at {@code path}. */
    FileKind kind(String path);

    /**
     * Whether {@code path} is a regular file with an executable bit set (for its owner, group or others); false when
     * it is missing, not a regular file, or the file system has no such bits.
     *
     * @throws dev.codefactory.domain.project.UnsafePathException for a path that may not be read
     */
    boolean executable(String path);

    /**
     * The text of {@code path} (UTF-8), or empty when there is no file there.
     *
     * @throws dev.codefactory.domain.project.UnsafePathException for a path that may not be read, a binary or
     *         non-UTF-8 file, a symbolic link or a folder
     */
    Optional<String> readText(String path);

    /**
     * Up to {@code maxBytes} of the first bytes of the regular file at {@code path}, whatever its size (a look at a
     * file, to match or sniff it); empty when there is no regular file there (missing, a folder, a symbolic link) or
     * it cannot be read.
     *
     * @throws dev.codefactory.domain.project.UnsafePathException for a path that may not be read
     */
    Optional<byte[]> head(String path, int maxBytes);

    /**
     * The bytes of the regular file at {@code path} when it holds at most {@code maxBytes}; empty when there is no
     * regular file there (missing, a folder, a symbolic link), when it is larger, or when it cannot be read. Unlike
     * {@link #readText}, any bytes are returned: the caller decides what text they are.
     *
     * @throws dev.codefactory.domain.project.UnsafePathException for a path that may not be read
     */
    Optional<byte[]> readBytes(String path, long maxBytes);

    /**
     * Writes every one of {@code writes} or none of them: new contents go to temporary files beside their targets
     * first, then replace them one by one; when anything fails, the files already replaced get their previous bytes
     * back and the temporary files are removed. A modified file keeps its permissions (an executable stays
     * executable); missing parent folders are created (and removed again on failure).
     *
     * @throws dev.codefactory.domain.project.UnsafePathException before anything is written, for any path that may
     *         not be written, a file to delete that is missing, a folder in the way, or one path given twice
     * @throws IllegalArgumentException before anything is written, for content that is not valid Unicode (a lone
     *         surrogate)
     * @throws java.io.UncheckedIOException when writing failed (after the rollback)
     */
    void writeAll(List<FileWrite> writes);

    /**
     * The regular files under {@code folder} ("" for the root), at most {@code maxDepth} folders down, whose paths
     * {@code keep} accepts, entering only the folders {@code descend} accepts (paths relative to the root, with
     * {@code /}); never {@code .git/}, {@code .factory/} or through a symbolic link. Ignored files are listed too (build
     * output such as test reports is where this looks). Sorted by path. A missing folder has no files. {@code maxDepth}
     * 0 lists only the files directly in {@code folder}.
     *
     * @throws dev.codefactory.domain.project.UnsafePathException for a folder that may not be read
     */
    List<FoundFile> walk(String folder, int maxDepth, Predicate<String> descend, Predicate<String> keep);
}
