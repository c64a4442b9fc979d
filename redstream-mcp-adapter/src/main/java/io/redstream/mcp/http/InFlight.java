package io.redstream.mcp.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts the requests being answered, so that a stopping server can let them finish ({@link #drain}); once
 * stopping, new requests get 503. Long-lived {@code GET} event streams are not counted: they carry no call.
 */
final class InFlight extends HttpFilter {

    private final Object lock = new Object();
    private int running;
    private volatile boolean stopping;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (stopping) {
            response.setHeader("Connection", "close");
            HttpErrors.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "shutting_down", "the server is"
                    + " stopping; retry on another instance");
            return;
        }
        if ("GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        synchronized (lock) {
            running++;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            synchronized (lock) {
                running--;
                lock.notifyAll();
            }
        }
    }

    /** Refuses new requests and waits up to {@code timeout} for those running; the number still running after. */
    int drain(Duration timeout) {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (running > 0 && System.nanoTime() < deadline) {
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return running;
        }
    }

    int running() {
        synchronized (lock) {
            return running;
        }
    }
}
