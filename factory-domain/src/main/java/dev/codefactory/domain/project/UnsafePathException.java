package dev.codefactory.domain.project;

import dev.codefactory.domain.FactoryException;

/** A path that would lead outside the project root, into {@code .git}, or through a symlink out of the project. */
public final class UnsafePathException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public UnsafePathException(String path, String reason) {
        super(path + ": refused, " + reason + "; Code-Factory only reads and writes inside the project");
    }
}
