package io.redstream.core.internal.consumer;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.StreamEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading loop, on its own thread: first this consumer's own pending entries ({@code XREADGROUP ... 0}, page by
 * page, skipping what this worker still holds), then new ones ({@code >}), never more than the in-flight limit
 * allows. Recreates a lost group on {@code NOGROUP}, backs off on connection errors (and drains again afterwards: a
 * read whose reply was lost left entries pending for us), and survives every other error.
 */
final class Reader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Reader.class);

    private final ConsumerGroupOperations groups;
    private final ConsumerSettings s;
    private final Ownership ownership;
    private final InFlightLimit limit;
    private final Dispatcher dispatcher;
    private final BooleanSupplier running;
    private String drainCursor = "0";

    Reader(ConsumerGroupOperations groups, ConsumerSettings settings, Ownership ownership, InFlightLimit limit,
            Dispatcher dispatcher, BooleanSupplier running) {
        this.groups = groups;
        this.s = settings;
        this.ownership = ownership;
        this.limit = limit;
        this.dispatcher = dispatcher;
        this.running = running;
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), s.maxBackoff());
        // Assume the group exists: creating it needs a write right a read-only consumer lacks. NOGROUP from the
        // first read says otherwise, and then it is created from startId (later, after a loss, from 0).
        boolean groupReady = true;
        boolean everRead = false;
        boolean drained = false;
        while (running.getAsBoolean()) {
            try {
                if (!groupReady) {
                    String from = everRead ? "0" : s.startId();
                    if (groups.create(s.stream(), s.group(), from)) {
                        LOG.info("consumer {}/{}: created group on {} from {}", s.group(), s.consumer(), s.stream(),
                                from);
                    }
                    groupReady = true;
                }
                if (!drained) {
                    drained = drainOwnPending();
                    everRead = true;
                    continue;
                }
                readNew();
                backoff.reset();
            } catch (NotFoundException e) {
                // NOGROUP: the group was never created, or Redis lost it (restart without persistence, destroyed).
                LOG.warn("consumer {}/{}: group missing on {}; creating it", s.group(), s.consumer(), s.stream());
                groupReady = false;
                drained = false;
                drainCursor = "0";
            } catch (AccessDeniedException e) {
                // Rights can change (policy reload); retrying slowly keeps the audit log from flooding.
                LOG.error("consumer {}/{}: access denied: {}", s.group(), s.consumer(), e.getMessage());
                pause(s.maxBackoff().toMillis());
            } catch (RedStreamConnectionException e) {
                LOG.warn("consumer {}/{}: Redis unavailable ({}); retrying", s.group(), s.consumer(), e.getMessage());
                drained = false;
                drainCursor = "0";
                pause(backoff.nextMillis());
            } catch (RuntimeException e) {
                LOG.error("consumer {}/{}: read loop error: {}", s.group(), s.consumer(), e.toString());
                pause(backoff.nextMillis());
            }
        }
    }

    private void readNew() {
        int n = limit.acquire(s.batchSize(), s.block());
        if (n == 0) {
            return;
        }
        List<StreamEntry> got = List.of();
        try {
            got = groups.read(s.stream(), s.group(), s.consumer(), n, s.block());
        } finally {
            limit.release(n - got.size());
        }
        long[] firstDelivery = new long[got.size()];
        Arrays.fill(firstDelivery, 1L);
        dispatcher.dispatchAll(got, firstDelivery);
    }

    /** One page of this consumer's own pending entries; true once the pending list is exhausted. */
    private boolean drainOwnPending() {
        int n = limit.acquire(s.batchSize(), s.block());
        if (n == 0) {
            return false;
        }
        List<StreamEntry> page = List.of();
        int used = 0;
        try {
            page = groups.readPending(s.stream(), s.group(), s.consumer(), drainCursor, n);
            List<StreamEntry> orphans = new ArrayList<>(page.size());
            long[] counts = new long[page.size()];
            for (StreamEntry e : page) {
                drainCursor = e.id();
                if (!ownership.isHeld(e.id())) {
                    counts[orphans.size()] = e.deliveries().orElse(1);
                    orphans.add(e);
                }
            }
            used = orphans.size();
            dispatcher.dispatchAll(orphans, counts);
        } finally {
            limit.release(n - used);
        }
        if (page.isEmpty()) {
            LOG.debug("consumer {}/{}: own pending list drained", s.group(), s.consumer());
            return true;
        }
        return false;
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
