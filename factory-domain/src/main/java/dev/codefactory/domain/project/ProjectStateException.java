package dev.codefactory.domain.project;

import dev.codefactory.domain.FactoryException;

/** The project is not in a state the command can work in (not a git repository, not initialised). */
public final class ProjectStateException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public ProjectStateException(String message) {
        super(message);
    }
}
