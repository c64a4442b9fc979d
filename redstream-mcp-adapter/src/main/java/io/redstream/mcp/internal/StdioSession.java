package io.redstream.mcp.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.modelcontextprotocol.server.McpAsyncServer;
import io.redstream.mcp.ServerSession;

/**
 * A running stdio server. It ends when its input ends (the client closed stdin) or when closed.
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class StdioSession implements ServerSession {

    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile McpAsyncServer server;

    StdioSession() {
    }

    void server(McpAsyncServer server) {
        this.server = server;
    }

    void endOfInput() {
        ended.countDown();
    }

    @Override
    public void awaitEndOfInput() throws InterruptedException {
        ended.await();
    }

    @Override
    public boolean awaitEndOfInput(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ended.countDown();
            McpAsyncServer s = server;
            if (s != null) {
                s.closeGracefully().block(java.time.Duration.ofSeconds(5));
            }
        }
    }
}
