package io.redstream.mcp.server;

/** A configuration the server cannot start with; the message names the flag and says what to change. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }
}
