package io.redstream.core.internal.consumer;

import static java.util.Objects.requireNonNull;

import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.ConsumerStats;
import io.redstream.core.consumer.MessageHandler;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.internal.NamedThreadFactory;
import io.redstream.core.internal.Resources;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.GroupInfo;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer runtime: its threads and lifecycle, and the collaborators that do the work around one
 * {@link Ownership} record of the entries this worker holds. A {@link Reader} thread brings entries in within an
 * {@link InFlightLimit}; the {@link Dispatcher} runs the handler on a fixed pool; the {@link AckBatcher}
 * acknowledges in batches; the {@link FailurePolicy} retries or dead-letters; on one scheduler thread the
 * {@link Retrier} fires due retries and the {@link Claimer} keeps held entries alive and takes over idle ones.
 * See {@code docs/consumer.md}.
 */
public final class DefaultStreamConsumer implements StreamConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultStreamConsumer.class);
    private static final Duration LAG_INTERVAL = Duration.ofSeconds(5);
    private static final int MAX_IDS = 1000;

    private final ConsumerGroupOperations groups;
    private final ConsumerSettings s;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService scheduler;
    private final Thread reader;
    private final Ownership ownership = new Ownership();
    private final ConsumerCounters counters = new ConsumerCounters();
    private final AckBatcher acks;
    private final Retrier retrier;
    private final Claimer claimer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile long lag = -1;
    private final ConsumerMeters meters;
    private final Resources owner;

    /**
     * A worker that has not started yet; {@link #start()} starts it.
     *
     * @param groups the group operations it reads, acknowledges and claims with
     * @param settings the worker's settings
     * @param handler called once per entry
     * @param registry where the consumer's meters go, or {@code null} for none
     * @param maxIdsPerCall the client's {@code Limits.maxCount}: acks, claims and pending queries stay within it
     * @param owner the client's resources, which close the worker when the client closes
     */
    public DefaultStreamConsumer(ConsumerGroupOperations groups, ConsumerSettings settings, MessageHandler handler,
            io.micrometer.core.instrument.MeterRegistry registry, int maxIdsPerCall, Resources owner) {
        this.groups = requireNonNull(groups, "groups");
        this.s = requireNonNull(settings, "settings");
        requireNonNull(handler, "handler");
        int idsPerCall = Math.min(MAX_IDS, maxIdsPerCall);
        String prefix = "redstream-consumer-" + settings.group();
        this.workers = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory(prefix));
        ScheduledThreadPoolExecutor sched = new ScheduledThreadPoolExecutor(1,
                new NamedThreadFactory(prefix + "-scheduler"));
        sched.setRemoveOnCancelPolicy(true);
        this.scheduler = sched;

        InFlightLimit limit = new InFlightLimit(settings.maxInFlight());
        this.acks = new AckBatcher(groups, settings, ownership, counters, idsPerCall);
        FailurePolicy failures = new FailurePolicy(groups, settings, ownership, counters);
        Dispatcher dispatcher = new Dispatcher(settings, handler, workers, ownership, limit, acks, failures,
                counters);
        this.retrier = new Retrier(groups, settings, ownership, limit, dispatcher, failures, counters,
                this::isRunning);
        this.claimer = new Claimer(groups, settings, ownership, limit, dispatcher, counters, idsPerCall,
                this::isRunning);
        this.reader = new NamedThreadFactory(prefix + "-reader").newThread(
                new Reader(groups, settings, ownership, limit, dispatcher, this::isRunning));
        this.meters = new ConsumerMeters(registry, settings, this);
        this.owner = owner;
        owner.register(this);
    }

    /**
     * Starts the reader and the periodic tasks.
     *
     * @return this worker, running
     */
    public DefaultStreamConsumer start() {
        reader.start();
        every(s.ackInterval(), acks::flush);
        every(retrier.tick(), retrier::runDue);
        every(s.keepAliveInterval(), claimer::keepAlive);
        every(s.claimInterval(), claimer::autoClaim);
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

    private void refreshLag() {
        for (GroupInfo g : groups.list(s.stream())) {
            if (g.name().equals(s.group())) {
                lag = g.lag() == null ? -1 : g.lag();
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public ConsumerStats stats() {
        return counters.snapshot(ownership.inFlightCount(), lag);
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
            acks.flush();
            meters.remove();
            if (!finished) {
                LOG.warn("consumer {}/{}: {} handlers still running after {}; their entries stay pending",
                        s.group(), s.consumer(), ownership.inFlightCount(), timeout);
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
