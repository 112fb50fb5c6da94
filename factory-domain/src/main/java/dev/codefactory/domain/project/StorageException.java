package dev.codefactory.domain.project;

import dev.codefactory.domain.FactoryException;

/** Reading or writing a project file failed for a reason outside Code-Factory (permissions, disk, I/O). */
public final class StorageException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public StorageException(String path, String what, Throwable cause) {
        super(path + ": " + what + " failed: " + describe(cause), cause);
    }

    public StorageException(String message) {
        super(message);
    }

    private static String describe(Throwable cause) {
        String m = cause.getMessage();
        return cause.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
