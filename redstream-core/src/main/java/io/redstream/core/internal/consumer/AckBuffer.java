package io.redstream.core.internal.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ids whose handlers finished, waiting to be acknowledged in one {@code XACK}. Ids stay here until Redis
 * confirmed the ack, so a failed ack is retried, never dropped.
 */
final class AckBuffer {
    private final ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    /** Adds an id; returns the new size. */
    int add(String id) {
        ids.add(id);
        return size.incrementAndGet();
    }

    /** Takes up to {@code max} ids. */
    List<String> take(int max) {
        List<String> out = new ArrayList<>(Math.min(max, size.get()));
        String id;
        while (out.size() < max && (id = ids.poll()) != null) {
            out.add(id);
        }
        size.addAndGet(-out.size());
        return out;
    }

    /** Puts back ids whose ack failed. */
    void putBack(List<String> failed) {
        ids.addAll(failed);
        size.addAndGet(failed.size());
    }

    int size() {
        return size.get();
    }
}
