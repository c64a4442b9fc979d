package io.redstream.mcp.cli;

/** A command line or environment that cannot be used; the message says what to change. Exit code 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
