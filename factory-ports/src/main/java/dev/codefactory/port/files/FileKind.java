package dev.codefactory.port.files;

/** What a project path names. */
public enum FileKind {
    /** Nothing is there (the parent folders may not exist either). */
    MISSING,
    /** A regular file whose bytes are UTF-8 text. */
    TEXT,
    /**
     * A regular file that is not UTF-8 text: a NUL byte in its first 8000 bytes (as git decides), or bytes that do
     * not decode as UTF-8.
     */
    BINARY,
    /** A symbolic link, or a path that passes through one. */
    SYMLINK,
    /** A folder. */
    DIRECTORY,
    /** Anything else: a device, a pipe, a socket. */
    OTHER
}
