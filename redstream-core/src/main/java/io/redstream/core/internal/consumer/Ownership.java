package io.redstream.core.internal.consumer;

import io.redstream.core.stream.StreamEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one record of which entries this worker holds and where each one is: its handler is running
 * ({@link State#IN_FLIGHT}), it waits for a retry ({@link State#RETRY_WAIT}), or its handler finished and its ack
 * is not confirmed yet ({@link State#AWAITING_ACK}). Every entry is in exactly one state while held; moves between
 * states are atomic, so a pending entry found in Redis that is not held here is genuinely orphaned.
 *
 * <p>Thread-safe: the reader, the handler threads and the scheduler all move entries.
 */
final class Ownership {
    enum State {
        IN_FLIGHT, RETRY_WAIT, AWAITING_ACK
    }

    /**
     * @param entry kept while the entry may still need handling (in flight or waiting for a retry), else null
     * @param dueNanos when a retry is due ({@link System#nanoTime()} scale), else 0
     */
    record Held(String id, State state, StreamEntry entry, long deliveries, long dueNanos) {
    }

    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    boolean isHeld(String id) {
        return held.containsKey(id);
    }

    /** The entry's handler is about to run (new, redelivered, claimed, or a due retry). */
    void inFlight(StreamEntry entry, long deliveries) {
        move(entry.id(), new Held(entry.id(), State.IN_FLIGHT, entry, deliveries, 0));
    }

    /** The handler returned; the id waits in the ack buffer until Redis confirms the ack. */
    void awaitingAck(String id) {
        move(id, new Held(id, State.AWAITING_ACK, null, 0, 0));
    }

    /** The handler failed; the entry is handled again once {@code dueNanos} has passed. */
    void retryAt(StreamEntry entry, long deliveries, long dueNanos) {
        move(entry.id(), new Held(entry.id(), State.RETRY_WAIT, entry, deliveries, dueNanos));
    }

    /** No longer held: acknowledged, dead-lettered, or left pending in Redis for a later delivery. */
    void release(String id) {
        Held old = held.remove(id);
        if (old != null && old.state() == State.IN_FLIGHT) {
            inFlight.decrementAndGet();
        }
    }

    private void move(String id, Held next) {
        Held old = held.put(id, next);
        int delta = (next.state() == State.IN_FLIGHT ? 1 : 0)
                - (old != null && old.state() == State.IN_FLIGHT ? 1 : 0);
        if (delta != 0) {
            inFlight.addAndGet(delta);
        }
    }

    /** Retries whose time has come, oldest due first is not guaranteed; a snapshot. */
    List<Held> dueRetries(long nowNanos) {
        List<Held> due = new ArrayList<>();
        for (Held h : held.values()) {
            if (h.state() == State.RETRY_WAIT && h.dueNanos() - nowNanos <= 0) {
                due.add(h);
            }
        }
        return due;
    }

    /** Whether {@code h} is still the current record of its entry (not moved on since it was read). */
    boolean isCurrent(Held h) {
        return held.get(h.id()) == h;
    }

    /** Every held id, whatever its state: what keep-alive must touch. A snapshot. */
    List<String> ids() {
        return new ArrayList<>(held.keySet());
    }

    int inFlightCount() {
        return inFlight.get();
    }

    int size() {
        return held.size();
    }
}
