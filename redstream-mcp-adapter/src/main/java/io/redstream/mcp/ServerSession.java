package io.redstream.mcp;

import java.time.Duration;

/**
 * A running server on one transport. Thread-safe; {@link #close()} is idempotent.
 */
public interface ServerSession extends AutoCloseable {

    /** Blocks until the client ended the session (stdio: closed stdin) or {@link #close()} was called. */
    void awaitEndOfInput() throws InterruptedException;

    /** @return whether the session ended within {@code timeout} */
    boolean awaitEndOfInput(Duration timeout) throws InterruptedException;

    /** Stops the server, letting in-flight calls finish briefly. */
    @Override
    void close();
}
