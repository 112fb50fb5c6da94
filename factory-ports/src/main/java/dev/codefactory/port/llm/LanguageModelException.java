package dev.codefactory.port.llm;

import dev.codefactory.domain.FactoryException;

/**
 * A language model call failed. Callers catch one of the two branches, never status codes:
 * {@link TransientLanguageModelException} may succeed when tried again, {@link PermanentLanguageModelException}
 * will not until something changes (a key, a model name, the request).
 */
public abstract class LanguageModelException extends FactoryException {
    private static final long serialVersionUID = 1L;
    private final String providerId;

    protected LanguageModelException(String providerId, String message, Throwable cause) {
        super(providerId + ": " + message, cause);
        this.providerId = providerId;
    }

    public String providerId() {
        return providerId;
    }
}
