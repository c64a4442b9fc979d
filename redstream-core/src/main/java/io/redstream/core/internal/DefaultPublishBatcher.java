package io.redstream.core.internal;

import io.micrometer.observation.Observation;
import io.redstream.core.InvalidArgumentException;
import io.redstream.core.internal.observation.PublishObservation;
import io.redstream.core.LimitExceededException;
import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.access.Action;
import io.redstream.core.naming.ResourceName;
import io.redstream.core.stream.BatcherSettings;
import io.redstream.core.stream.PublishBatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * One sender thread drains a bounded queue ({@link SenderQueue}) into pipelined batches. Flush requests travel through the same queue
 * as messages, so a flush covers exactly what was queued before it.
 */
final class DefaultPublishBatcher implements PublishBatcher {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long CLOSE_WAIT_MS = 30_000;

    private final ClientContext ctx;
    private final BatcherSettings settings;
    private final XAddParams params;
    private final SenderQueue<Item> queue;
    private final Thread sender;
    /**
     * Callers of publish() and flush() between their "open" check and the end of their enqueue. A caller counts
     * itself in, then reads {@code closing}; close() sets {@code closing}, then waits for the count to reach zero.
     * Both are volatile accesses, so a caller that saw the batcher open is counted by the time close() sums, and its
     * message goes in ahead of the final flush. A striped counter, unlike a read-write lock, costs publishing
     * threads no shared write.
     */
    private final LongAdder entering = new LongAdder();
    /** No more publish() or flush(): set first by close(). */
    private volatile boolean closing;
    /** The final flush is queued: the sender stops once the queue is empty. */
    private volatile boolean closed;

    private record Item(String key, EncodedMessage fields, CompletableFuture<String> future, boolean flush) {
    }

    DefaultPublishBatcher(ClientContext ctx, BatcherSettings settings) {
        this.ctx = ctx;
        this.settings = settings;
        this.params = XAddParamsFactory.of(settings.options());
        // One slot more than maxQueued: close()'s final flush request always fits.
        this.queue = new SenderQueue<>(settings.maxQueued() + 1);
        this.sender = new Thread(this::run, "redstream-batcher-" + THREADS.incrementAndGet());
        this.sender.setDaemon(true);
        this.sender.start();
        ctx.resources().register(this);
    }

    @Override
    public CompletableFuture<String> publish(String stream, Map<String, ?> fields) {
        ResourceName name = ctx.authorize(Action.STREAM_PUBLISH, stream);
        Observation observation = PublishObservation.start(ctx.observations(), name.redisName());
        EncodedMessage encoded = PublishObservation.traced(observation,
                ctx.encoder().encode(stream, fields, settings.options().traceId()));
        CompletableFuture<String> future = new CompletableFuture<>();
        entering.increment();
        try {
            if (closing) {
                throw new InvalidArgumentException("the batcher is closed");
            }
            enqueue(new Item(name.redisName(), encoded, future, false));
        } catch (RuntimeException e) {
            PublishObservation.fail(observation, e);
            throw e;
        } finally {
            entering.decrement();
        }
        PublishObservation.stopWhenDone(observation, future);
        return future;
    }

    private void enqueue(Item item) {
        try {
            if (!queue.offer(item, settings.enqueueTimeout().toNanos())) {
                throw new LimitExceededException("the batcher queue stayed full (" + settings.maxQueued()
                        + " messages) for " + settings.enqueueTimeout().toMillis() + " ms; Redis is slower than the"
                        + " publishers");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedStreamConnectionException("interrupted while waiting for room in the batcher queue", e);
        }
    }

    @Override
    public void flush() {
        CompletableFuture<String> done = new CompletableFuture<>();
        entering.increment();
        try {
            if (closing) {
                return; // close() sends everything
            }
            enqueue(new Item(null, null, done, true));
        } finally {
            entering.decrement();
        }
        await(done);
    }

    private static void await(CompletableFuture<String> done) {
        try {
            done.get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new RedStreamConnectionException("flush did not complete: " + e.getClass().getSimpleName(), e);
        }
    }

    private void run() {
        List<Item> batch = new ArrayList<>(settings.maxBatchSize());
        while (!(closed && queue.isEmpty())) {
            try {
                // A backlog (messages that queued up during the previous round trip) has waited already: send it
                // at once, so the connection never idles while work is queued. Only a batch that starts from an
                // empty queue lingers for company.
                Item first = queue.poll();
                boolean fromIdle = first == null;
                if (fromIdle) {
                    first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                }
                batch.add(first);
                // Take whatever else is queued in one go: one lock instead of one per message.
                boolean flush = first.flush() || drain(batch);
                long deadline = System.nanoTime() + settings.linger().toNanos();
                while (fromIdle && !flush && batch.size() < settings.maxBatchSize()) {
                    long wait = deadline - System.nanoTime();
                    Item next = wait <= 0 ? null : queue.poll(wait, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    flush = next.flush() || drain(batch);
                }
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never let the sender die: fail this batch's futures and go on with the next.
                for (Item item : batch) {
                    item.future().completeExceptionally(ErrorTranslator.translate(Operation.BATCHER_SEND, null, e));
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** Moves queued items into {@code batch} up to its bound; true if a flush request came with them. */
    private boolean drain(List<Item> batch) {
        int from = batch.size();
        queue.drainTo(batch, settings.maxBatchSize() - from);
        for (int i = from; i < batch.size(); i++) {
            if (batch.get(i).flush()) {
                return true;
            }
        }
        return false;
    }

    private void send(List<Item> batch) {
        List<Item> messages = new ArrayList<>(batch.size());
        for (Item i : batch) {
            if (!i.flush()) {
                messages.add(i);
            }
        }
        if (!messages.isEmpty()) {
            List<Response<String>> responses = new ArrayList<>(messages.size());
            try {
                ctx.gateway().call(Operation.BATCHER_SEND, null, j -> {
                    try (AbstractPipeline p = j.pipelined()) {
                        for (Item m : messages) {
                            responses.add(p.executeCommand(XAdd.command(m.key(), params, m.fields())));
                        }
                        p.sync();
                    }
                    return null;
                });
                for (int k = 0; k < messages.size(); k++) {
                    complete(messages.get(k), responses.get(k));
                }
            } catch (RuntimeException e) {
                for (Item m : messages) {
                    m.future().completeExceptionally(ErrorTranslator.translate(Operation.STREAM_PUBLISH, m.key(), e));
                }
            }
        }
        for (Item i : batch) {
            if (i.flush()) {
                i.future().complete("flushed");
            }
        }
    }

    private static void complete(Item m, Response<String> response) {
        try {
            String id = response.get();
            if (id == null) {
                m.future().completeExceptionally(new io.redstream.core.NotFoundException("publish to " + m.key()
                        + " failed: the stream does not exist and noCreate was set"));
            } else {
                m.future().complete(id);
            }
        } catch (RuntimeException e) {
            m.future().completeExceptionally(ErrorTranslator.translate(Operation.STREAM_PUBLISH, m.key(), e));
        }
    }

    @Override
    public void close() {
        CompletableFuture<String> done = new CompletableFuture<>();
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        // Callers that saw the batcher open finish their enqueue first; every later one is refused. The sender
        // keeps draining meanwhile, so a caller waiting for room in a full queue gets in.
        while (entering.sum() != 0) {
            LockSupport.parkNanos(20_000);
        }
        try {
            enqueue(new Item(null, null, done, true)); // the last item: nothing can be queued behind it
        } finally {
            closed = true; // the sender stops once it has sent what is queued, even if the flush found no room
        }
        ctx.resources().unregister(this);
        await(done);
        try {
            sender.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
