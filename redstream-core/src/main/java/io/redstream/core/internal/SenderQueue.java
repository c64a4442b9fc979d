package io.redstream.core.internal;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded many-producers, one-consumer FIFO for the batcher. Producers add without a lock (a lock shared by many
 * publishing threads and the sender made them park and wake each other on every message); the one consumer parks
 * only when the queue is empty and is woken by the next add. A producer finding the bound reached waits, polling
 * with growing pauses, up to its timeout.
 *
 * <p>Thread-safe for any number of producers and exactly one consumer thread.
 */
final class SenderQueue<T> {
    private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private volatile Thread parked;

    SenderQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds {@code item}, waiting up to {@code timeoutNanos} for room; false if there was none in time. */
    boolean offer(T item, long timeoutNanos) throws InterruptedException {
        if (!reserve()) {
            long deadline = System.nanoTime() + timeoutNanos;
            long pause = 10_000;
            while (!reserve()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(Math.min(pause, left));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                pause = Math.min(1_000_000, pause * 2);
            }
        }
        items.add(item);
        Thread waiter = parked;
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
        return true;
    }

    private boolean reserve() {
        while (true) {
            int n = size.get();
            if (n >= capacity) {
                return false;
            }
            if (size.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** The next item, or null if none; consumer thread only. */
    T poll() {
        T item = items.poll();
        if (item != null) {
            size.decrementAndGet();
        }
        return item;
    }

    /** The next item, waiting up to {@code timeout}; null if none came. Consumer thread only. */
    T poll(long timeout, TimeUnit unit) throws InterruptedException {
        T item = poll();
        if (item != null) {
            return item;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        parked = Thread.currentThread();
        try {
            while (true) {
                item = poll(); // after publishing `parked`: an add racing with us either is seen here or unparks us
                if (item != null) {
                    return item;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            parked = null;
        }
    }

    /** Moves up to {@code max} items into {@code out}; consumer thread only. Returns how many. */
    int drainTo(List<? super T> out, int max) {
        int n = 0;
        T item;
        while (n < max && (item = items.poll()) != null) {
            out.add(item);
            n++;
        }
        if (n > 0) {
            size.addAndGet(-n);
        }
        return n;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }
}
