package dev.codefactory.web;

import dev.codefactory.domain.FactoryException;

/**
 * The port {@code factory serve} was asked for is taken (feature-012, FR-012): its message names the port and says
 * how to choose another, so that the command can show it as it is.
 */
public final class PortInUseException extends FactoryException {
    private static final long serialVersionUID = 1L;
    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is in use: choose another with --port N, or --port 0 for any free"
                + " port", cause);
        this.port = port;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}
