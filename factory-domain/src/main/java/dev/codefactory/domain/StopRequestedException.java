package dev.codefactory.domain;

/**
 * The person asked to stop (Ctrl-C), at a question or while a model was answering: the command ends at once, keeps
 * what can be resumed (an intake's draft, a review's partial report, a change's record) and writes nothing else. Each
 * mode catches it where it knows what to keep; what reaches the command line ends with the one exit code for a stop.
 */
public class StopRequestedException extends FactoryException {
    private static final long serialVersionUID = 1L;

    public StopRequestedException(String message) {
        super(message);
    }
}
