package dev.codefactory.port.workspace;

import java.util.List;

/**
 * What to scan.
 *
 * @param paths        files or folders (relative to the working tree, {@code /} separators) to limit the scan to;
 *                     empty for the whole tree
 * @param maxFileBytes files larger than this are skipped ({@link SkipReason#TOO_LARGE}); the seed's 10 MB by default
 * @param maxFiles     files beyond this many (in path order) are skipped ({@link SkipReason#OVER_FILE_LIMIT});
 *                     0 for no limit
 */
public record ScanRequest(List<String> paths, long maxFileBytes, int maxFiles) {
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_FILES = 100;

    public ScanRequest {
        paths = List.copyOf(paths);
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        if (maxFiles < 0) {
            throw new IllegalArgumentException("maxFiles must be 0 (no limit) or positive: " + maxFiles);
        }
    }

    /** The whole tree with the seed's limits (10 MB a file, 100 files). */
    public static ScanRequest defaults() {
        return new ScanRequest(List.of(), DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES);
    }

    /** The whole tree, no file-count limit: everything a listing needs. */
    public static ScanRequest everything() {
        return new ScanRequest(List.of(), DEFAULT_MAX_FILE_BYTES, 0);
    }
}
