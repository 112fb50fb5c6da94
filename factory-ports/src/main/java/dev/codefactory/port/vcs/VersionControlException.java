package dev.codefactory.port.vcs;

import dev.codefactory.domain.FactoryException;
import java.util.List;

/**
 * A git operation could not be done: the repository is in the wrong state (a merge in progress, uncommitted changes
 * in the way, a lock file left behind), a ref does not exist, the remote refused. The message says which and what
 * to do.
 */
public class VersionControlException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public VersionControlException(String message) {
        super(message);
    }

    public VersionControlException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code what} cannot be done while git's lock files are there ({@code .git/index.lock} and the like): another
     * git process is working in the repository, or one was killed before it finished and left them behind. Git takes
     * its locks by creating these files, so nothing tells the two apart but the person, who is told what to do. The
     * files are the failure's {@code locks} detail.
     */
    public static VersionControlException locked(String what, List<String> lockFiles) {
        String files = String.join(", ", lockFiles);
        boolean one = lockFiles.size() == 1;
        VersionControlException e = new VersionControlException(what + ": " + files + (one ? " exists" : " exist")
                + ": another git process is working in this repository, or one was stopped before it finished (a"
                + " killed git command or `factory change` leaves " + (one ? "it" : "them") + " behind). If no git"
                + " process is running, delete " + (one ? "it" : "them") + " (rm " + String.join(" ", lockFiles)
                + ") and try again.");
        e.withDetail("locks", lockFiles);
        return e;
    }
}
