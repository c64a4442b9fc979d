package io.redstream.core.internal.consumer;

import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.stream.AutoClaimResult;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.PendingEntry;
import io.redstream.core.stream.PendingQuery;
import io.redstream.core.stream.StreamEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two scheduled duties towards other consumers of the group: keep-alive resets the idle time of every entry
 * this worker holds (in flight, waiting for a retry, or waiting for its ack) on every tick, so none of them ever
 * looks idle to another worker's auto-claim for longer than one interval; auto-claim takes over entries that were
 * idle for {@code claimMinIdle} (their consumer died) and dispatches them with their delivery counts.
 */
final class Claimer {
    private static final Logger LOG = LoggerFactory.getLogger(Claimer.class);

    private final ConsumerGroupOperations groups;
    private final ConsumerSettings s;
    private final Ownership ownership;
    private final InFlightLimit limit;
    private final Dispatcher dispatcher;
    private final ConsumerCounters counters;
    private final int idsPerCall;
    private final BooleanSupplier running;

    Claimer(ConsumerGroupOperations groups, ConsumerSettings settings, Ownership ownership, InFlightLimit limit,
            Dispatcher dispatcher, ConsumerCounters counters, int idsPerCall, BooleanSupplier running) {
        this.groups = groups;
        this.s = settings;
        this.ownership = ownership;
        this.limit = limit;
        this.dispatcher = dispatcher;
        this.counters = counters;
        this.idsPerCall = idsPerCall;
        this.running = running;
    }

    void keepAlive() {
        List<String> ids = ownership.ids();
        for (int i = 0; i < ids.size(); i += idsPerCall) {
            groups.touch(s.stream(), s.group(), s.consumer(), ids.subList(i, Math.min(ids.size(), i + idsPerCall)));
        }
    }

    void autoClaim() {
        if (!running.getAsBoolean()) {
            return;
        }
        int room = limit.tryAcquire(idsPerCall);
        if (room == 0) {
            return;
        }
        int used = 0;
        try {
            AutoClaimResult r = groups.autoClaimAll(s.stream(), s.group(), s.consumer(), s.claimMinIdle(), room);
            if (!r.deletedIds().isEmpty()) {
                counters.deleted.add(r.deletedIds().size());
                LOG.warn("consumer {}/{}: {} pending entries were trimmed before anyone acknowledged them: {}",
                        s.group(), s.consumer(), r.deletedIds().size(), r.deletedIds());
            }
            List<StreamEntry> fresh = new ArrayList<>();
            for (StreamEntry e : r.entries()) {
                if (!ownership.isHeld(e.id())) {
                    fresh.add(e);
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            counters.claimed.add(fresh.size());
            Map<String, Long> counts = deliveryCounts(fresh);
            long[] perEntry = new long[fresh.size()];
            for (int i = 0; i < perEntry.length; i++) {
                perEntry[i] = counts.getOrDefault(fresh.get(i).id(), 1L);
            }
            used = fresh.size();
            dispatcher.dispatchAll(fresh, perEntry);
            LOG.info("consumer {}/{}: claimed {} idle entries", s.group(), s.consumer(), fresh.size());
        } finally {
            limit.release(room - used);
        }
    }

    /** XAUTOCLAIM does not report delivery counts; one XPENDING over the claimed id range does. */
    private Map<String, Long> deliveryCounts(List<StreamEntry> entries) {
        String lowest = entries.get(0).id();
        String highest = entries.get(0).id();
        for (StreamEntry e : entries) {
            lowest = IdOrder.min(lowest, e.id());
            highest = IdOrder.max(highest, e.id());
        }
        Map<String, Long> out = new HashMap<>();
        // Our own in-flight entries can sit in the same id range: ask for a full page, not just entries.size().
        PendingQuery q = PendingQuery.first(idsPerCall).withRange(lowest, highest).withConsumer(s.consumer());
        for (PendingEntry p : groups.pendingEntries(s.stream(), s.group(), q)) {
            out.put(p.id(), p.deliveries());
        }
        return out;
    }
}
