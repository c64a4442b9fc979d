package io.redstream.mcp.tool;

/**
 * Cancellation of one tool call ({@code notifications/cancelled}). A call that waits (a blocking read, a
 * subscription) runs on a worker thread between {@link #enter()} and {@link #exit()}; {@link #cancel()} marks the
 * call and interrupts that thread, so interruptible waits end at once and sliced blocking reads end at their next
 * slice. Thread-safe.
 */
public final class CallControl {

    private boolean cancelled;
    private Thread worker;

    /** Marks the call cancelled and interrupts its worker, if it is running on one. */
    public synchronized void cancel() {
        cancelled = true;
        if (worker != null) {
            worker.interrupt();
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** The calling thread runs the call from now on until {@link #exit()}. */
    synchronized void enter() {
        worker = Thread.currentThread();
        if (cancelled) {
            worker.interrupt();
        }
    }

    /** The worker is done: it is never interrupted for this call after this returns. */
    synchronized void exit() {
        worker = null;
        Thread.interrupted();
    }
}
