package io.redstream.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client started that runs on its own (consumers, subscriptions, batchers), so closing the client stops
 * them instead of leaving threads that retry against a closed pool forever. Each registers when it starts and
 * leaves when it is closed. Thread-safe.
 */
public final class Resources {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

    /**
     * Adds a resource to close with the client.
     *
     * @param resource the consumer, subscription or batcher just started
     */
    public void register(AutoCloseable resource) {
        open.add(resource);
    }

    /**
     * Removes a resource that closed by itself.
     *
     * @param resource the resource to forget
     */
    public void unregister(AutoCloseable resource) {
        open.remove(resource);
    }

    /** Closes everything still open; one failure does not keep the others open. */
    public void closeAll() {
        List<AutoCloseable> all = new ArrayList<>(open);
        for (AutoCloseable r : all) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", r, e.toString());
            }
            open.remove(r);
        }
    }

    int size() {
        return open.size();
    }
}
