package io.redstream.core.internal;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.access.Action;
import io.redstream.core.tx.Transaction;
import io.redstream.core.tx.TransactionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * Collects operations, then checks every one (name, argument, access, and on a cluster one shared slot) before it
 * opens a connection, so a bad operation means nothing was sent.
 */
public final class DefaultTransaction implements Transaction {
    private enum Kind { GET, SET, DELETE, EXPIRE, INCREMENT }

    private record Op(Kind kind, String key, Object value, Duration ttl, long delta) {
    }

    private final ClientContext ctx;
    private final List<String> watched = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private boolean used;
    /** Runs between WATCH and MULTI; tests use it to change a watched key and prove the abort. */
    private Runnable afterWatch = () -> { };

    private DefaultTransaction(ClientContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A new, empty transaction of one client view.
     *
     * @param ctx the view's context: gateway, naming, guard and limits
     * @return the transaction; not thread-safe, use once
     */
    public static Transaction create(ClientContext ctx) {
        return new DefaultTransaction(ctx);
    }

    DefaultTransaction afterWatch(Runnable hook) {
        this.afterWatch = hook;
        return this;
    }

    @Override
    public Transaction watch(String... keys) {
        for (String k : keys) {
            watched.add(k);
        }
        return this;
    }

    @Override
    public Transaction get(String key) {
        ops.add(new Op(Kind.GET, key, null, null, 0));
        return this;
    }

    @Override
    public Transaction set(String key, Object value, Duration ttl) {
        ops.add(new Op(Kind.SET, key, value, ttl, 0));
        return this;
    }

    @Override
    public Transaction delete(String key) {
        ops.add(new Op(Kind.DELETE, key, null, null, 0));
        return this;
    }

    @Override
    public Transaction expire(String key, Duration ttl) {
        ops.add(new Op(Kind.EXPIRE, key, null, ttl, 0));
        return this;
    }

    @Override
    public Transaction increment(String key, long delta, Duration ttl) {
        ops.add(new Op(Kind.INCREMENT, key, null, ttl, delta));
        return this;
    }

    @Override
    public TransactionResult execute() {
        if (used) {
            throw new InvalidArgumentException("a transaction can be executed only once");
        }
        used = true;
        if (ops.isEmpty()) {
            throw new InvalidArgumentException("operations must not be empty");
        }
        if (ops.size() > ctx.limits().maxTransactionOperations()) {
            throw new LimitExceededException("a transaction must have at most " + ctx.limits().maxTransactionOperations()
                    + " operations (limits.maxTransactionOperations), but had " + ops.size() + "; nothing was sent");
        }
        List<Prepared> prepared = new ArrayList<>(ops.size());
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            Prepared p = prepare(i, ops.get(i));
            prepared.add(p);
            keys.add(p.key());
        }
        List<String> watchKeys = new ArrayList<>();
        for (String w : watched) {
            String k = ctx.authorize(Action.KEY_GET, w).redisName();
            watchKeys.add(k);
            keys.add(k);
        }
        int slot = requireOneSlot(keys);
        return ctx.gateway().call(Operation.TRANSACTION, String.valueOf(keys), j -> {
            Connection connection = ctx.gateway().isCluster()
                    ? ((RedisClusterClient) j).getConnectionFromSlot(slot)
                    : ((RedisClient) j).getPool().getResource();
            try (redis.clients.jedis.Transaction tx = new redis.clients.jedis.Transaction(connection, false, true)) {
                if (!watchKeys.isEmpty()) {
                    tx.watch(watchKeys.toArray(String[]::new));
                    afterWatch.run();
                }
                tx.multi();
                List<Response<?>> responses = new ArrayList<>();
                for (Prepared p : prepared) {
                    responses.add(queue(tx, p));
                }
                List<Object> raw = tx.exec();
                if (raw == null) {
                    return new TransactionResult(false, List.of());
                }
                List<Object> results = new ArrayList<>(responses.size());
                for (int i = 0; i < responses.size(); i++) {
                    results.add(result(prepared.get(i), responses.get(i)));
                }
                return new TransactionResult(true, results);
            }
        });
    }

    private record Prepared(Op op, String key, String value, long ttlMs) {
    }

    private Prepared prepare(int i, Op op) {
        String where = "operations[" + i + "]";
        return switch (op.kind()) {
            case GET -> new Prepared(op, ctx.authorize(Action.KEY_GET, op.key()).redisName(), null, 0);
            case DELETE -> new Prepared(op, ctx.authorize(Action.KEY_DELETE, op.key()).redisName(), null, 0);
            case SET -> new Prepared(op, ctx.authorize(Action.KEY_SET, op.key()).redisName(),
                    Values.encode(op.key(), op.value(), ctx.limits()), ttl(where, op.ttl(), false));
            case INCREMENT -> new Prepared(op, ctx.authorize(Action.KEY_SET, op.key()).redisName(), null,
                    ttl(where, op.ttl(), false));
            case EXPIRE -> new Prepared(op, ctx.authorize(Action.KEY_EXPIRE, op.key()).redisName(), null,
                    ttl(where, op.ttl(), true));
        };
    }

    private static long ttl(String where, Duration ttl, boolean required) {
        if (ttl == null) {
            if (required) {
                throw new InvalidArgumentException(where + ".ttl is required for expire");
            }
            return 0;
        }
        return DefaultStateOperations.positiveMillis(where + ".ttl", ttl);
    }

    private int requireOneSlot(Set<String> keys) {
        if (!ctx.gateway().isCluster()) {
            return 0;
        }
        int slot = -1;
        for (String k : keys) {
            int s = Slots.of(k);
            if (slot >= 0 && s != slot) {
                throw new InvalidArgumentException("on a cluster all keys of a transaction must share one hash slot,"
                        + " but " + keys + " span several (e.g. '" + k + "' is in slot " + s + ", not " + slot
                        + "); nothing was sent");
            }
            slot = s;
        }
        return slot;
    }

    private static Response<?> queue(redis.clients.jedis.Transaction tx, Prepared p) {
        return switch (p.op().kind()) {
            case GET -> tx.get(p.key());
            case DELETE -> tx.del(p.key());
            case SET -> p.ttlMs() > 0 ? tx.set(p.key(), p.value(), new SetParams().px(p.ttlMs()))
                    : tx.set(p.key(), p.value());
            case EXPIRE -> tx.pexpire(p.key(), p.ttlMs());
            case INCREMENT -> {
                Response<Long> r = tx.incrBy(p.key(), p.op().delta());
                if (p.ttlMs() > 0) {
                    tx.pexpire(p.key(), p.ttlMs());
                }
                yield r;
            }
        };
    }

    /** One result; a command Redis refused inside EXEC (e.g. INCR on text) becomes its translated exception. */
    private static Object result(Prepared p, Response<?> r) {
        try {
            Object v = r.get();
            return switch (p.op().kind()) {
                case SET -> "OK".equals(v);
                case EXPIRE -> Long.valueOf(1).equals(v);
                default -> v;
            };
        } catch (RuntimeException e) {
            return ErrorTranslator.translate(p.op().kind().name().toLowerCase() + " " + p.key(), e);
        }
    }
}
