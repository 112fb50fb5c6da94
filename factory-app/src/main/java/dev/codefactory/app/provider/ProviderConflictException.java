package dev.codefactory.app.provider;

import dev.codefactory.domain.FactoryException;

/** Two providers of one kind claim the id that was asked for; the message names both and where they came from. */
public final class ProviderConflictException extends FactoryException {
    private static final long serialVersionUID = 1L;

    ProviderConflictException(String message) {
        super(message);
    }
}
