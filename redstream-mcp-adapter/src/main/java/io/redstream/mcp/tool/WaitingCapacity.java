package io.redstream.mcp.tool;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bounded room for calls that wait by design (a blocking group read, a subscription): at most {@code max} at
 * once, each on its own worker thread, so waiting calls can never hold the thread that reads requests, starve
 * quick calls, or take every pooled Redis connection. A call that finds no room is refused at once. Thread-safe;
 * {@link #close()} is idempotent.
 */
public final class WaitingCapacity implements AutoCloseable {

    /** Default of {@code --max-waiting-calls}: half of core's default pool of 16 connections. */
    public static final int DEFAULT_MAX = 8;

    private final int max;
    private final Semaphore permits;
    private final ExecutorService workers;
    private final Scheduler scheduler;

    public WaitingCapacity(int max) {
        if (max < 1 || max > 1024) {
            throw new IllegalArgumentException("max waiting calls must be between 1 and 1024, but was " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(max, r -> {
            Thread t = new Thread(r, "redstream-mcp-waiting-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.scheduler = Schedulers.fromExecutorService(workers, "redstream-mcp-waiting");
    }

    public int max() {
        return max;
    }

    /** Takes a place if one is free. */
    boolean tryAcquire() {
        return permits.tryAcquire();
    }

    void release() {
        permits.release();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** Calls waiting right now. */
    public int inUse() {
        return max - permits.availablePermits();
    }

    @Override
    public void close() {
        scheduler.dispose();
        workers.shutdownNow();
    }
}
