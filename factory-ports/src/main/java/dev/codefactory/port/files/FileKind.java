package dev.codefactory.port.files;

/** What a project path names. */
public enum FileKind {
    /** Nothing is there (the parent folders may not exist either). */
    MISSING,
    /** A regular file whose bytes are UTF-8 text. */
    TEXT,
    /** A regular file that is not UTF-8 text (a NUL byte, or bytes that do not decode). */
    BINARY,
    /** A symbolic link, or a path that passes through one. */
    SYMLINK,
    /** A folder. */
    DIRECTORY,
    /** Anything else: a device, a pipe, a socket. */
    OTHER
}
