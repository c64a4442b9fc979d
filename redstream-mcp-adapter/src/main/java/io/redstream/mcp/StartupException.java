package io.redstream.mcp;

/**
 * The server cannot start with this configuration (an unreadable key file, a bad policy file, ...). The
 * message says what to change; no stack trace is shown. Exit code 2, like a bad command line.
 */
public final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message, null, false, false);
    }
}
