package dev.codefactory.domain.spec;

import dev.codefactory.domain.FactoryException;

/** No contract has the id or path asked for. */
public final class SpecNotFoundException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public SpecNotFoundException(String idOrPath) {
        super("no spec with id or path '" + idOrPath + "' in contracts/; 'factory spec list' shows the ids");
    }
}
