package dev.codefactory.port.workspace;

/** Why a scan left a file out. */
public enum SkipReason {
    /** Its content is not text (a NUL byte, or not valid UTF-8/Latin-1 text in its first bytes). */
    BINARY,
    /** Larger than the request's {@code maxFileBytes}. */
    TOO_LARGE,
    /** Beyond the request's {@code maxFiles}. */
    OVER_FILE_LIMIT,
    /** A symbolic link (never followed: it may point outside the project). */
    SYMLINK,
    /** Tracked but missing from the working tree, or unreadable. */
    UNREADABLE
}
