package dev.codefactory.port.llm;

/** A rejected key, an unknown model, a bad request, a context window overflow: trying again will not help. */
public final class PermanentLanguageModelException extends LanguageModelException {
    private static final long serialVersionUID = 1L;

    public PermanentLanguageModelException(String providerId, String message, Throwable cause) {
        super(providerId, message, cause);
    }
}
