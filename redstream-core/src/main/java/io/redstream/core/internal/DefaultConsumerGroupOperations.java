package io.redstream.core.internal;

import static java.util.Objects.requireNonNull;

import io.redstream.core.ConflictException;
import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.access.Action;
import io.redstream.core.naming.ResourceName;
import io.redstream.core.stream.AutoClaimResult;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.EntryIds;
import io.redstream.core.stream.GroupInfo;
import io.redstream.core.stream.PendingEntry;
import io.redstream.core.stream.PendingQuery;
import io.redstream.core.stream.PendingSummary;
import io.redstream.core.stream.StreamEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamPendingEntry;
import redis.clients.jedis.resps.StreamPendingSummary;

/** {@link ConsumerGroupOperations} over a {@link RedisGateway}. */
public final class DefaultConsumerGroupOperations implements ConsumerGroupOperations {
    private static final byte[] GROUP = bytes("GROUP");
    private static final byte[] COUNT = bytes("COUNT");
    private static final byte[] BLOCK = bytes("BLOCK");
    private static final byte[] STREAMS = bytes("STREAMS");
    private static final byte[] UNDELIVERED = bytes(">");
    private static final Long FIRST_DELIVERY = 1L;
    private final ClientContext ctx;
    private final ConsumerGroupLister lister;
    private final AutoClaimer autoClaimer;
    private final DeadLetters deadLetters;

    /**
     * Group operations of one client view.
     *
     * @param ctx the view's context: gateway, naming, guard and limits
     */
    public DefaultConsumerGroupOperations(ClientContext ctx) {
        this.ctx = ctx;
        this.lister = new ConsumerGroupLister(ctx.gateway());
        this.autoClaimer = new AutoClaimer(ctx.gateway());
        this.deadLetters = new DeadLetters(ctx.gateway());
    }

    @Override
    public boolean create(String stream, String group, String startId) {
        ResourceName name = ctx.authorize(Action.GROUP_CREATE, stream);
        String g = Arguments.groupName("group", group);
        StreamEntryID start = groupStart("startId", startId);
        String key = name.redisName();
        try {
            ctx.gateway().call(Operation.GROUP_CREATE, g + " on " + key, j -> j.xgroupCreate(key, g, start, true));
            return true;
        } catch (ConflictException alreadyThere) {
            return false;
        }
    }

    @Override
    public boolean destroy(String stream, String group) {
        ResourceName name = ctx.authorize(Action.GROUP_DESTROY, stream);
        String g = Arguments.groupName("group", group);
        String key = name.redisName();
        try {
            return ctx.gateway().call(Operation.GROUP_DESTROY, g + " on " + key, j -> j.xgroupDestroy(key, g)) > 0;
        } catch (InvalidArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("requires the key to exist")) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void setId(String stream, String group, String id) {
        ResourceName name = ctx.authorize(Action.GROUP_SET_ID, stream);
        String g = Arguments.groupName("group", group);
        StreamEntryID target = groupStart("id", id);
        String key = name.redisName();
        ctx.gateway().call(Operation.GROUP_SET_ID, g + " on " + key, j -> j.xgroupSetID(key, g, target));
    }

    @Override
    public List<GroupInfo> list(String stream) {
        ResourceName name = ctx.authorize(Action.STREAM_INFO, stream);
        return lister.list(name.redisName());
    }

    @Override
    public List<StreamEntry> read(String stream, String group, String consumer, int count, Duration block) {
        ResourceName name = ctx.authorize(Action.GROUP_READ, stream);
        String g = Arguments.groupName("group", group);
        String c = Arguments.groupName("consumer", consumer);
        int n = Arguments.count("count", count, ctx.limits());
        int blockMs = Arguments.block("block", block, ctx.limits());
        String key = name.redisName();
        CommandArguments args = CommandArgs.of(Protocol.Command.XREADGROUP).add(GROUP).add(g).add(c)
                .add(COUNT).add(n);
        if (blockMs > 0) {
            // Marked blocking so Jedis waits with the blocking socket timeout, above the block time.
            args.add(BLOCK).add(blockMs).blocking();
        }
        args.add(STREAMS).key(key).add(UNDELIVERED);
        CommandObject<Object> command = new CommandObject<>(args, BuilderFactory.RAW_OBJECT);
        Object reply = ctx.gateway().call(Operation.GROUP_READ, key, j -> j.executeCommand(command));
        return StreamReplies.readReply(key, reply, FIRST_DELIVERY);
    }

    @Override
    public List<StreamEntry> readPending(String stream, String group, String consumer, int count) {
        return readPending(stream, group, consumer, "0", count);
    }

    @Override
    public List<StreamEntry> readPending(String stream, String group, String consumer, String afterId, int count) {
        ResourceName name = ctx.authorize(Action.GROUP_READ, stream);
        String g = Arguments.groupName("group", group);
        String c = Arguments.groupName("consumer", consumer);
        StreamEntryID after = toId(EntryIds.requireId("afterId", afterId));
        int n = Arguments.count("count", count, ctx.limits());
        String key = name.redisName();
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(n);
        Map<String, StreamEntryID> from = Map.of(key, after);
        var raw = ctx.gateway().call(Operation.GROUP_READ_PENDING, key, j -> j.xreadGroup(g, c, params, from));
        List<redis.clients.jedis.resps.StreamEntry> entries = new ArrayList<>();
        if (raw != null) {
            for (var perStream : raw) {
                entries.addAll(perStream.getValue());
            }
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, Long> deliveries = deliveries(key, g, c, entries);
        List<StreamEntry> out = new ArrayList<>(entries.size());
        for (var e : entries) {
            out.add(Entries.of(key, e, deliveries.get(e.getID().toString())));
        }
        return out;
    }

    /** XREADGROUP does not report delivery counts; one XPENDING over the same id range does. */
    private Map<String, Long> deliveries(String key, String group, String consumer,
            List<redis.clients.jedis.resps.StreamEntry> entries) {
        StreamEntryID first = entries.get(0).getID();
        StreamEntryID last = entries.get(entries.size() - 1).getID();
        XPendingParams p = XPendingParams.xPendingParams(first, last, entries.size()).consumer(consumer);
        List<StreamPendingEntry> pending = ctx.gateway().call(Operation.GROUP_PENDING, key, j -> j.xpending(key, group, p));
        Map<String, Long> out = new HashMap<>();
        for (StreamPendingEntry pe : pending) {
            out.put(pe.getID().toString(), pe.getDeliveredTimes());
        }
        return out;
    }

    @Override
    public long ack(String stream, String group, Collection<String> ids) {
        ResourceName name = ctx.authorize(Action.GROUP_ACK, stream);
        String g = Arguments.groupName("group", group);
        String key = name.redisName();
        byte[] k = bytes(key);
        byte[][] args = idArgs("ids", ids, k, bytes(g));
        Object acked = ctx.gateway().call(Operation.GROUP_ACK, key, j -> j.sendCommand(k, Protocol.Command.XACK,
                args));
        return acked instanceof Long l ? l : 0L;
    }

    @Override
    public List<StreamEntry> claim(String stream, String group, String consumer, Duration minIdle,
            Collection<String> ids) {
        ResourceName name = ctx.authorize(Action.GROUP_CLAIM, stream);
        String g = Arguments.groupName("group", group);
        String c = Arguments.groupName("consumer", consumer);
        long idle = Arguments.nonNegativeMillis("minIdle", minIdle);
        StreamEntryID[] entryIds = ids("ids", ids);
        String key = name.redisName();
        var raw = ctx.gateway().call(Operation.GROUP_CLAIM, key,
                j -> j.xclaim(key, g, c, idle, XClaimParams.xClaimParams(), entryIds));
        List<StreamEntry> out = new ArrayList<>();
        for (var e : raw) {
            if (e != null) {
                out.add(Entries.of(key, e, null));
            }
        }
        return out;
    }

    @Override
    public List<String> touch(String stream, String group, String consumer, Collection<String> ids) {
        ResourceName name = ctx.authorize(Action.GROUP_CLAIM, stream);
        String g = Arguments.groupName("group", group);
        String c = Arguments.groupName("consumer", consumer);
        StreamEntryID[] entryIds = ids("ids", ids);
        String key = name.redisName();
        List<StreamEntryID> held = ctx.gateway().call(Operation.GROUP_KEEPALIVE, key,
                j -> j.xclaimJustId(key, g, c, 0, XClaimParams.xClaimParams(), entryIds));
        return held.stream().map(StreamEntryID::toString).toList();
    }

    @Override
    public String deadLetter(String stream, String group, String consumer, StreamEntry entry, String reason,
            long deliveries) {
        requireNonNull(entry, "entry");
        ResourceName source = ctx.authorize(Action.GROUP_ACK, stream);
        ResourceName dlq = ctx.naming().deadLetterStream(source);
        ctx.guard().check(Action.STREAM_PUBLISH, dlq);
        String g = Arguments.groupName("group", group);
        String c = Arguments.groupName("consumer", consumer);
        StreamEntryID id = toId(EntryIds.requireId("entry.id", entry.id()));
        Map<String, String> fields = DeadLetters.fields(entry, source.redisName(), g, c, reason, deliveries,
                ctx.clock().millis());
        return deadLetters.write(source.redisName(), dlq.redisName(), g, id, fields);
    }

    @Override
    public AutoClaimResult autoClaim(String stream, String group, String consumer, Duration minIdle, String cursor,
            int count) {
        ResourceName name = ctx.authorize(Action.GROUP_CLAIM, stream);
        String g = Arguments.groupName("group", group);
        String c = Arguments.groupName("consumer", consumer);
        long idle = Arguments.nonNegativeMillis("minIdle", minIdle);
        String from = EntryIds.requireId("cursor", cursor);
        int n = Arguments.count("count", count, ctx.limits());
        return autoClaimer.step(name.redisName(), g, c, idle, from, n);
    }

    @Override
    public AutoClaimResult autoClaimAll(String stream, String group, String consumer, Duration minIdle,
            int maxEntries) {
        ResourceName name = ctx.authorize(Action.GROUP_CLAIM, stream);
        String g = Arguments.groupName("group", group);
        String c = Arguments.groupName("consumer", consumer);
        long idle = Arguments.nonNegativeMillis("minIdle", minIdle);
        int max = Arguments.count("maxEntries", maxEntries, ctx.limits());
        return autoClaimer.all(name.redisName(), g, c, idle, max);
    }

    @Override
    public PendingSummary pending(String stream, String group) {
        ResourceName name = ctx.authorize(Action.GROUP_PENDING, stream);
        String g = Arguments.groupName("group", group);
        String key = name.redisName();
        StreamPendingSummary s = ctx.gateway().call(Operation.GROUP_PENDING, key, j -> j.xpending(key, g));
        Map<String, Long> perConsumer = s.getConsumerMessageCount() == null ? Map.of() : s.getConsumerMessageCount();
        return new PendingSummary(s.getTotal(), s.getMinId() == null ? null : s.getMinId().toString(),
                s.getMaxId() == null ? null : s.getMaxId().toString(), perConsumer);
    }

    @Override
    public List<PendingEntry> pendingEntries(String stream, String group, PendingQuery query) {
        requireNonNull(query, "query");
        ResourceName name = ctx.authorize(Action.GROUP_PENDING, stream);
        String g = Arguments.groupName("group", group);
        String start = EntryIds.requireBound("query.start", query.start());
        String end = EntryIds.requireBound("query.end", query.end());
        int n = Arguments.count("query.count", query.count(), ctx.limits());
        XPendingParams p = XPendingParams.xPendingParams(start, end, n);
        if (query.consumer() != null) {
            p.consumer(Arguments.groupName("query.consumer", query.consumer()));
        }
        if (query.minIdle() != null) {
            p.idle(Arguments.nonNegativeMillis("query.minIdle", query.minIdle()));
        }
        String key = name.redisName();
        List<StreamPendingEntry> raw = ctx.gateway().call(Operation.GROUP_PENDING, key, j -> j.xpending(key, g, p));
        List<PendingEntry> out = new ArrayList<>(raw.size());
        for (StreamPendingEntry e : raw) {
            out.add(new PendingEntry(e.getID().toString(), e.getConsumerName(), Duration.ofMillis(e.getIdleTime()),
                    e.getDeliveredTimes()));
        }
        return out;
    }

    /** {@code key group id...}: the ids checked, then sent as they are (no parse into id objects and back). */
    private byte[][] idArgs(String name, Collection<String> ids, byte[] key, byte[] group) {
        checkIdCount(name, ids);
        byte[][] out = new byte[ids.size() + 2][];
        out[0] = key;
        out[1] = group;
        int i = 2;
        for (String id : ids) {
            if (id == null || !EntryIds.isValidId(id)) {
                EntryIds.requireId(name + "[" + (i - 2) + "]", id); // throws, naming the parameter and index
            }
            out[i++] = bytes(id);
        }
        return out;
    }

    private void checkIdCount(String name, Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidArgumentException(name + " must not be empty");
        }
        if (ids.size() > ctx.limits().maxCount()) {
            throw new LimitExceededException(name + " must have at most " + ctx.limits().maxCount()
                    + " entries, but had " + ids.size());
        }
    }

    private static byte[] bytes(String s) {
        return StreamReplies.bytes(s);
    }

    private StreamEntryID[] ids(String name, Collection<String> ids) {
        checkIdCount(name, ids);
        StreamEntryID[] out = new StreamEntryID[ids.size()];
        int i = 0;
        for (String id : ids) {
            if (!EntryIds.isValidId(id)) {
                EntryIds.requireId(name + "[" + i + "]", id); // throws, naming the parameter and index
            }
            out[i++] = toId(id);
        }
        return out;
    }

    private static StreamEntryID groupStart(String name, String id) {
        if ("$".equals(id)) {
            return StreamEntryID.XGROUP_LAST_ENTRY;
        }
        return toId(EntryIds.requireId(name + " (an id, 0 or $)", id));
    }

    static StreamEntryID toId(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? new StreamEntryID(Long.parseLong(id), 0) : new StreamEntryID(id);
    }
}
