package io.redstream.testkit;

/**
 * A Redis process could not be started, stopped or brought to the expected state. The message says
 * which process (port, pid) and, for startup failures, ends with the tail of the server's log.
 *
 * <p>Unchecked: a fixture that cannot start is a broken test environment, not something a test
 * recovers from.
 */
public class RedisProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RedisProcessException(String message) {
        super(message);
    }

    public RedisProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
