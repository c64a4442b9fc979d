package io.redstream.embedded;

/**
 * A Redis process could not be started, stopped or brought to the expected state. The message says
 * which process (port, pid) and, for startup failures, ends with the tail of the server's log; it never
 * contains the password.
 *
 * <p>Unchecked: an embedded Redis that cannot start is a broken environment (no executable binary, no
 * free port, a bad config line), not something a caller retries in a loop.
 */
public class RedisProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public RedisProcessException(String message) {
        super(message);
    }

    /** An exception with this message and cause. */
    public RedisProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
