package dev.codefactory.domain;

/** A command whose arguments cannot be acted on; the message says which argument and why. */
public final class InvalidCommandException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public InvalidCommandException(String message) {
        super(message);
    }
}
