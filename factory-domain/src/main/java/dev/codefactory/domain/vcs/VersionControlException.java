package dev.codefactory.domain.vcs;

import dev.codefactory.domain.FactoryException;

/**
 * A git operation could not be done: the repository is in the wrong state (a merge in progress, uncommitted changes
 * in the way), a ref does not exist, the remote refused. The message says which and what to do.
 */
public class VersionControlException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public VersionControlException(String message) {
        super(message);
    }

    public VersionControlException(String message, Throwable cause) {
        super(message, cause);
    }
}
