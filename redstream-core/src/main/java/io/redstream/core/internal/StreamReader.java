package io.redstream.core.internal;

import io.redstream.core.RedStreamConnectionException;
import io.redstream.core.RedStreamException;
import io.redstream.core.stream.StreamEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * {@code XREAD} over one or many streams. On a cluster one command may only name keys of one hash slot, and ADAPT
 * names cannot carry hash tags ({@code {}} is not a segment character), so streams are grouped by slot: one
 * command per slot group, blocking groups waited on in parallel, the first data returned together with whatever
 * the other groups already had. Plain {@code XREAD} consumes nothing, so a group's late answer that is dropped is
 * read again by the caller's next call from the same offsets.
 */
final class StreamReader {
    private static final int BLOCK_SLICE_MS = 200;

    private final ClientContext ctx;

    StreamReader(ClientContext ctx) {
        this.ctx = ctx;
    }

    Map<String, List<StreamEntry>> read(Map<String, String> offsets, int count, int blockMs) {
        List<Map<String, StreamEntryID>> groups = groupBySlot(offsets);
        Map<String, List<StreamEntry>> result;
        if (groups.size() == 1) {
            result = xread(groups.get(0), count, blockMs);
        } else if (blockMs == 0) {
            result = new LinkedHashMap<>();
            for (Map<String, StreamEntryID> g : groups) {
                result.putAll(xread(g, count, 0));
            }
        } else {
            result = readParallel(groups, count, blockMs);
        }
        Map<String, List<StreamEntry>> ordered = new LinkedHashMap<>();
        for (String key : offsets.keySet()) {
            List<StreamEntry> entries = result.get(key);
            if (entries != null && !entries.isEmpty()) {
                ordered.put(key, entries);
            }
        }
        return ordered;
    }

    private List<Map<String, StreamEntryID>> groupBySlot(Map<String, String> offsets) {
        Map<Integer, Map<String, StreamEntryID>> bySlot = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : offsets.entrySet()) {
            int slot = ctx.gateway().isCluster() ? JedisClusterCRC16.getSlot(e.getKey()) : 0;
            StreamEntryID id = "$".equals(e.getValue()) ? StreamEntryID.XREAD_NEW_ENTRY
                    : DefaultConsumerGroupOperations.toId(e.getValue());
            bySlot.computeIfAbsent(slot, s -> new LinkedHashMap<>()).put(e.getKey(), id);
        }
        return new ArrayList<>(bySlot.values());
    }

    private Map<String, List<StreamEntry>> xread(Map<String, StreamEntryID> streams, int count, int blockMs) {
        XReadParams params = XReadParams.xReadParams().count(count);
        if (blockMs > 0) {
            params.block(blockMs);
        }
        List<Map.Entry<String, List<redis.clients.jedis.resps.StreamEntry>>> raw =
                ctx.gateway().call(Operation.STREAM_READ, String.valueOf(streams.keySet()), j -> j.xread(params, streams));
        Map<String, List<StreamEntry>> out = new LinkedHashMap<>();
        if (raw != null) {
            for (Map.Entry<String, List<redis.clients.jedis.resps.StreamEntry>> e : raw) {
                out.put(e.getKey(), Entries.of(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private Map<String, List<StreamEntry>> readParallel(List<Map<String, StreamEntryID>> groups, int count,
            int blockMs) {
        List<Map<String, StreamEntryID>> resolved = new ArrayList<>(groups.size());
        for (Map<String, StreamEntryID> g : groups) {
            resolved.add(resolveNewEntryIds(g));
        }
        // A non-blocking pass first: when anything is already there, nobody needs to wait.
        Map<String, List<StreamEntry>> now = new LinkedHashMap<>();
        for (Map<String, StreamEntryID> g : resolved) {
            now.putAll(xread(g, count, 0));
        }
        if (!now.isEmpty()) {
            return now;
        }
        // Block in short slices: when one group gets data the others are still blocked in XREAD holding a pooled
        // connection each; a slice bounds how long they outlive the call.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(blockMs);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return Map.of();
            }
            Map<String, List<StreamEntry>> got = blockOnAll(resolved, count, (int) Math.min(left, BLOCK_SLICE_MS));
            if (!got.isEmpty()) {
                return got;
            }
        }
    }

    private Map<String, List<StreamEntry>> blockOnAll(List<Map<String, StreamEntryID>> resolved, int count,
            int blockMs) {
        // Results are recorded by each read itself, before it signals: the waiting thread must never look at a
        // read that has data but has not yet been seen as done.
        Map<String, List<StreamEntry>> arrived = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicReference<RedStreamException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        CompletableFuture<Void> firstDataOrAllDone = new CompletableFuture<>();
        List<CompletableFuture<Void>> reads = new ArrayList<>(resolved.size());
        for (Map<String, StreamEntryID> g : resolved) {
            reads.add(CompletableFuture.runAsync(() -> {
                try {
                    Map<String, List<StreamEntry>> m = xread(g, count, blockMs);
                    if (!m.isEmpty()) {
                        arrived.putAll(m);
                        firstDataOrAllDone.complete(null);
                    }
                } catch (RedStreamException e) {
                    failure.compareAndSet(null, e);
                }
            }, ctx.readExecutor()));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .whenComplete((v, err) -> firstDataOrAllDone.complete(null));
        try {
            firstDataOrAllDone.get(blockMs + ctx.gateway().settings().socketTimeout().toMillis() * 2,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedStreamConnectionException("read interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (TimeoutException e) {
            throw new io.redstream.core.RedStreamTimeoutException("read timed out waiting for Redis", e);
        }
        Map<String, List<StreamEntry>> out = new LinkedHashMap<>(arrived);
        if (out.isEmpty() && failure.get() != null) {
            throw failure.get();
        }
        return out;
    }

    /**
     * {@code $} means "after the last entry at the time the command runs"; the blocking pass runs after the
     * non-blocking one, so entries added in between would be skipped. Pin {@code $} to the current last id.
     */
    private Map<String, StreamEntryID> resolveNewEntryIds(Map<String, StreamEntryID> group) {
        Map<String, StreamEntryID> out = new LinkedHashMap<>(group);
        for (Map.Entry<String, StreamEntryID> e : group.entrySet()) {
            if (e.getValue() == StreamEntryID.XREAD_NEW_ENTRY) {
                List<redis.clients.jedis.resps.StreamEntry> last =
                        ctx.gateway().call(Operation.STREAM_READ, e.getKey(), j -> j.xrevrange(e.getKey(), "+", "-", 1));
                out.put(e.getKey(), last == null || last.isEmpty() ? new StreamEntryID(0, 0) : last.get(0).getID());
            }
        }
        return out;
    }

    private static RedStreamException unwrap(Exception e) {
        Throwable c = e.getCause() == null ? e : e.getCause();
        if (c instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null) {
            c = ce.getCause();
        }
        if (c instanceof RedStreamException r) {
            return r;
        }
        return new RedStreamConnectionException("read failed: " + c.getClass().getSimpleName(), c);
    }
}
