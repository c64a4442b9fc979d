package io.redstream.core.internal.consumer;

import static java.util.Objects.requireNonNull;

import io.redstream.core.AccessDeniedException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.RedStreamException;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.ConsumerStats;
import io.redstream.core.consumer.MessageHandler;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.internal.NamedThreadFactory;
import io.redstream.core.stream.AutoClaimResult;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.GroupInfo;
import io.redstream.core.stream.PendingEntry;
import io.redstream.core.stream.PendingQuery;
import io.redstream.core.stream.StreamEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer runtime. One reader thread fills a bounded set of permits (backpressure: it stops reading at
 * {@code maxInFlight}); a fixed pool runs the handler; a scheduler flushes batched acks, fires retries, keeps
 * slow entries alive and auto-claims entries of dead consumers.
 *
 * <p>Every entry is in exactly one local place while this worker owns it: in flight (handler running), waiting
 * for a retry, or waiting for its ack. Pending entries found in Redis that are in none of those places are
 * genuinely orphaned and are (re)delivered.
 */
public final class DefaultStreamConsumer implements StreamConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultStreamConsumer.class);
    private static final Duration LAG_INTERVAL = Duration.ofSeconds(5);
    private static final int MAX_IDS = 1000;

    private final ConsumerGroupOperations groups;
    private final ConsumerSettings s;
    private final MessageHandler handler;
    private final Semaphore permits;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService scheduler;
    private final Thread reader;
    private final AckBuffer acks = new AckBuffer();
    private final Object ackLock = new Object();
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    /** Ids whose handler finished and whose ack has not been confirmed by Redis yet. */
    private final java.util.Set<String> awaitingAck = ConcurrentHashMap.newKeySet();
    private final int idsPerCall;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile long lag = -1;
    private String drainCursor = "0";
    private final ConsumerMeters meters;
    private final io.redstream.core.internal.Resources owner;

    private final LongAdder processed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder claimed = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();

    private record Retry(StreamEntry entry, long deliveries, long dueNanos) {
    }

    /**
     * @param maxIdsPerCall the client's {@code Limits.maxCount}: acks, claims and pending queries stay within it
     */
    public DefaultStreamConsumer(ConsumerGroupOperations groups, ConsumerSettings settings, MessageHandler handler,
            io.micrometer.core.instrument.MeterRegistry registry, int maxIdsPerCall,
            io.redstream.core.internal.Resources owner) {
        this.groups = requireNonNull(groups, "groups");
        this.s = requireNonNull(settings, "settings");
        this.handler = requireNonNull(handler, "handler");
        this.permits = new Semaphore(settings.maxInFlight());
        this.idsPerCall = Math.min(MAX_IDS, maxIdsPerCall);
        String prefix = "redstream-consumer-" + settings.group();
        this.workers = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory(prefix));
        ScheduledThreadPoolExecutor sched = new ScheduledThreadPoolExecutor(1,
                new NamedThreadFactory(prefix + "-scheduler"));
        sched.setRemoveOnCancelPolicy(true);
        this.scheduler = sched;
        this.reader = new NamedThreadFactory(prefix + "-reader").newThread(this::readLoop);
        this.meters = new ConsumerMeters(registry, settings, this);
        this.owner = owner;
        owner.register(this);
    }

    /** Starts the reader and the periodic tasks. */
    public DefaultStreamConsumer start() {
        reader.start();
        every(s.ackInterval(), this::flushAcks);
        every(Duration.ofMillis(Math.max(10, Math.min(50, s.retryDelay().toMillis()))), this::runRetries);
        every(s.keepAliveInterval(), this::keepAlive);
        every(s.claimInterval(), this::autoClaim);
        every(LAG_INTERVAL, this::refreshLag);
        return this;
    }

    private void every(Duration period, Runnable task) {
        long ms = Math.max(1, period.toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A periodic task that throws is cancelled by the executor; log and keep it alive instead.
                LOG.warn("consumer {}/{}: background task failed: {}", s.group(), s.consumer(), e.toString());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- reading

    private void readLoop() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), s.maxBackoff());
        // Assume the group exists: creating it needs a write right a read-only consumer lacks. NOGROUP from the
        // first read says otherwise, and then it is created from startId (later, after a loss, from 0).
        boolean groupReady = true;
        boolean everRead = false;
        boolean drained = false;
        while (running) {
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
                int n = acquire(s.batchSize());
                if (n == 0) {
                    continue;
                }
                List<StreamEntry> got = List.of();
                try {
                    got = groups.read(s.stream(), s.group(), s.consumer(), n, s.block());
                } finally {
                    permits.release(n - got.size());
                }
                dispatchAll(got, java.util.Collections.nCopies(got.size(), 1L));
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
                // A read whose reply was lost left entries pending for us: look for them once Redis is back.
                drained = false;
                drainCursor = "0";
                pause(backoff.nextMillis());
            } catch (RuntimeException e) {
                LOG.error("consumer {}/{}: read loop error: {}", s.group(), s.consumer(), e.toString());
                pause(backoff.nextMillis());
            }
        }
    }

    /**
     * Re-delivers this consumer's own pending entries ({@code XREADGROUP ... 0}), page by page, skipping those this
     * worker still holds. Returns true once the pending list is exhausted.
     */
    private boolean drainOwnPending() {
        int n = acquire(s.batchSize());
        if (n == 0) {
            return false;
        }
        List<StreamEntry> page = List.of();
        int used = 0;
        try {
            page = groups.readPending(s.stream(), s.group(), s.consumer(), drainCursor, n);
            List<StreamEntry> orphans = new ArrayList<>(page.size());
            List<Long> counts = new ArrayList<>(page.size());
            for (StreamEntry e : page) {
                drainCursor = e.id();
                if (!isHeldLocally(e.id())) {
                    orphans.add(e);
                    counts.add(e.deliveries().orElse(1));
                }
            }
            used = orphans.size();
            dispatchAll(orphans, counts);
        } finally {
            permits.release(n - used);
        }
        if (page.isEmpty()) {
            LOG.debug("consumer {}/{}: own pending list drained", s.group(), s.consumer());
            return true;
        }
        return false;
    }

    private boolean isHeldLocally(String id) {
        return inFlight.containsKey(id) || retries.containsKey(id) || awaitingAck.contains(id);
    }

    /** Waits up to the read block time for at least one permit, then takes up to {@code max}. */
    private int acquire(int max) {
        try {
            if (!permits.tryAcquire(s.block().toMillis(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int more = 0;
        while (more < max - 1 && permits.tryAcquire()) {
            more++;
        }
        return 1 + more;
    }

    // ---------------------------------------------------------------- handling

    /** Hands one entry (whose permit is held) to a worker, or settles it at once. */
    private void dispatch(StreamEntry entry, long deliveries) {
        dispatchAll(List.of(entry), List.of(deliveries));
    }

    /**
     * Hands entries (whose permits are held) to the workers in at most {@code concurrency} tasks, each handling its
     * share in order: one hand-off per batch rather than per entry keeps the runtime close to a hand-written loop.
     */
    private void dispatchAll(List<StreamEntry> entries, List<Long> deliveries) {
        List<StreamEntry> work = new ArrayList<>(entries.size());
        List<Long> counts = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            StreamEntry entry = entries.get(i);
            long n = deliveries.get(i);
            if (entry.isDeleted()) {
                deleted.increment();
                deadLetterQuietly(entry, "entry was deleted or trimmed from the stream while pending", n);
                permits.release();
            } else if (n > s.maxDeliveries()) {
                deadLetterQuietly(entry, "delivered " + n + " times without being acknowledged (maxDeliveries "
                        + s.maxDeliveries() + "); a consumer holding it probably crashed", n);
                permits.release();
            } else {
                inFlight.put(entry.id(), System.nanoTime());
                work.add(entry);
                counts.add(n);
            }
        }
        if (work.isEmpty()) {
            return;
        }
        int chunks = Math.min(s.concurrency(), work.size());
        int size = (work.size() + chunks - 1) / chunks;
        for (int from = 0; from < work.size(); from += size) {
            List<StreamEntry> part = work.subList(from, Math.min(work.size(), from + size));
            List<Long> partCounts = counts.subList(from, Math.min(work.size(), from + size));
            try {
                workers.execute(() -> processAll(part, partCounts));
            } catch (RejectedExecutionException closing) {
                // Closing: leave the entries pending in Redis; they are redelivered later.
                for (StreamEntry e : part) {
                    inFlight.remove(e.id());
                    permits.release();
                }
            }
        }
    }

    private void processAll(List<StreamEntry> entries, List<Long> deliveries) {
        for (int i = 0; i < entries.size(); i++) {
            process(entries.get(i), deliveries.get(i));
        }
        if (acks.size() >= s.ackBatchSize()) {
            flushAcks();
        }
    }

    private void process(StreamEntry entry, long deliveries) {
        try {
            handler.handle(entry);
            processed.increment();
            awaitingAck.add(entry.id());
            if (acks.add(entry.id()) >= s.ackBatchSize()) {
                flushAcks();
            }
        } catch (Throwable t) {
            failed.increment();
            if (deliveries >= s.maxDeliveries()) {
                deadLetterQuietly(entry, reason(t), deliveries);
            } else {
                retried.increment();
                long delay = Backoff.retryDelayMillis(s.retryDelay(), s.maxRetryDelay(), deliveries);
                retries.put(entry.id(), new Retry(entry, deliveries,
                        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay)));
            }
            LOG.debug("consumer {}/{}: handler failed on {} (delivery {}): {}", s.group(), s.consumer(), entry.id(),
                    deliveries, t.getClass().getName());
        } finally {
            inFlight.remove(entry.id());
            permits.release();
        }
    }

    private static String reason(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getName() + (msg == null ? "" : ": " + msg);
    }

    private void deadLetterQuietly(StreamEntry entry, String reason, long deliveries) {
        try {
            groups.deadLetter(s.stream(), s.group(), s.consumer(), entry, reason, deliveries);
            deadLettered.increment();
            LOG.warn("consumer {}/{}: dead-lettered {} after {} deliveries", s.group(), s.consumer(), entry.id(),
                    deliveries);
        } catch (RedStreamException e) {
            // Still pending in Redis: the drain after a reconnect, or auto-claim once idle, brings it back, and
            // its delivery count then sends it straight here again.
            LOG.warn("consumer {}/{}: could not dead-letter {} yet: {}", s.group(), s.consumer(), entry.id(),
                    e.getMessage());
        }
    }

    // ---------------------------------------------------------------- background tasks

    private void flushAcks() {
        synchronized (ackLock) {
            while (acks.size() > 0) {
                List<String> ids = acks.take(idsPerCall);
                if (ids.isEmpty()) {
                    return;
                }
                try {
                    groups.ack(s.stream(), s.group(), ids);
                    acknowledged.add(ids.size());
                    ids.forEach(awaitingAck::remove);
                } catch (RedStreamException e) {
                    acks.putBack(ids);
                    LOG.warn("consumer {}/{}: ack of {} entries failed, will retry: {}", s.group(), s.consumer(),
                            ids.size(), e.getMessage());
                    return;
                }
            }
        }
    }

    private void runRetries() {
        long now = System.nanoTime();
        for (Map.Entry<String, Retry> e : retries.entrySet()) {
            Retry r = e.getValue();
            if (r.dueNanos() - now > 0 || !running) {
                continue;
            }
            if (!permits.tryAcquire()) {
                return;
            }
            // The entry stays in `retries` until it is in flight, so a concurrent drain never sees it as orphaned.
            List<StreamEntry> got;
            try {
                // Claiming our own entry with min-idle 0 counts a delivery in Redis and fetches it fresh.
                got = groups.claim(s.stream(), s.group(), s.consumer(), Duration.ZERO, List.of(r.entry().id()));
            } catch (RedStreamException ex) {
                retries.put(e.getKey(), new Retry(r.entry(), r.deliveries(),
                        now + TimeUnit.MILLISECONDS.toNanos(Math.max(100, s.retryDelay().toMillis()))));
                permits.release();
                return;
            }
            if (got.isEmpty()) {
                retries.remove(e.getKey(), r);
                deleted.increment();
                deadLetterQuietly(r.entry(), "entry was deleted or trimmed from the stream while waiting for a retry",
                        r.deliveries());
                permits.release();
                continue;
            }
            dispatch(got.get(0), r.deliveries() + 1);
            // Only this record: if the retry already failed again, its new record must stay.
            retries.remove(e.getKey(), r);
        }
    }

    /**
     * Resets the idle time of every entry this worker holds (running, waiting for a retry, or waiting for its ack)
     * on every tick, so none of them ever looks idle for longer than one keep-alive interval.
     */
    private void keepAlive() {
        List<String> ids = new ArrayList<>(inFlight.keySet());
        ids.addAll(retries.keySet());
        ids.addAll(awaitingAck);
        for (int i = 0; i < ids.size(); i += idsPerCall) {
            groups.touch(s.stream(), s.group(), s.consumer(), ids.subList(i, Math.min(ids.size(), i + idsPerCall)));
        }
    }

    private void autoClaim() {
        if (!running) {
            return;
        }
        int room = 0;
        while (room < idsPerCall && permits.tryAcquire()) {
            room++;
        }
        if (room == 0) {
            return;
        }
        int used = 0;
        try {
            AutoClaimResult r = groups.autoClaimAll(s.stream(), s.group(), s.consumer(), s.claimMinIdle(), room);
            if (!r.deletedIds().isEmpty()) {
                deleted.add(r.deletedIds().size());
                LOG.warn("consumer {}/{}: {} pending entries were trimmed before anyone acknowledged them: {}",
                        s.group(), s.consumer(), r.deletedIds().size(), r.deletedIds());
            }
            List<StreamEntry> fresh = new ArrayList<>();
            for (StreamEntry e : r.entries()) {
                if (!isHeldLocally(e.id())) {
                    fresh.add(e);
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            claimed.add(fresh.size());
            Map<String, Long> counts = deliveryCounts(fresh);
            List<Long> perEntry = new ArrayList<>(fresh.size());
            for (StreamEntry e : fresh) {
                perEntry.add(counts.getOrDefault(e.id(), 1L));
            }
            used = fresh.size();
            dispatchAll(fresh, perEntry);
            LOG.info("consumer {}/{}: claimed {} idle entries", s.group(), s.consumer(), fresh.size());
        } finally {
            permits.release(room - used);
        }
    }

    private Map<String, Long> deliveryCounts(List<StreamEntry> entries) {
        String lowest = entries.get(0).id();
        String highest = entries.get(0).id();
        for (StreamEntry e : entries) {
            lowest = IdOrder.min(lowest, e.id());
            highest = IdOrder.max(highest, e.id());
        }
        Map<String, Long> out = new HashMap<>();
        // Our own in-flight entries can sit in the same id range: ask for a full page, not just entries.size().
        PendingQuery q = PendingQuery.first(idsPerCall)
                .withRange(lowest, highest).withConsumer(s.consumer());
        for (PendingEntry p : groups.pendingEntries(s.stream(), s.group(), q)) {
            out.put(p.id(), p.deliveries());
        }
        return out;
    }

    private void refreshLag() {
        for (GroupInfo g : groups.list(s.stream())) {
            if (g.name().equals(s.group())) {
                lag = g.lag() == null ? -1 : g.lag();
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public ConsumerStats stats() {
        return new ConsumerStats(processed.sum(), failed.sum(), retried.sum(), deadLettered.sum(), claimed.sum(),
                deleted.sum(), acknowledged.sum(), inFlight.size(), lag);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        close(s.closeTimeout());
    }

    @Override
    public boolean close(Duration timeout) {
        requireNonNull(timeout, "timeout");
        if (!closed.compareAndSet(false, true)) {
            return true;
        }
        owner.unregister(this);
        running = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            // The reader is at most one blocking read (plus its socket timeout) away from seeing running == false.
            reader.join(Math.max(1, s.block().toMillis() + 5_000));
            workers.shutdown();
            boolean finished = workers.awaitTermination(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            scheduler.shutdown();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            flushAcks();
            meters.remove();
            if (!finished) {
                LOG.warn("consumer {}/{}: {} handlers still running after {}; their entries stay pending",
                        s.group(), s.consumer(), inFlight.size(), timeout);
                workers.shutdownNow();
            }
            return finished;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
            scheduler.shutdownNow();
            return false;
        }
    }

    @Override
    public String toString() {
        return "StreamConsumer[" + s + ", running=" + running + "]";
    }

}
