package dev.codefactory.domain;

/**
 * The unchecked root of every error Code-Factory reports to a person. Its message is written to be shown as it
 * is: it says what went wrong and, where it can, what to do about it.
 */
public class FactoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FactoryException(String message) {
        super(message);
    }

    public FactoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
