package io.redstream.core.internal;

import static java.util.Objects.requireNonNull;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.ScanPage;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.ResourceName;
import io.redstream.core.state.KeyState;
import io.redstream.core.state.SetOptions;
import io.redstream.core.state.StateOperations;
import io.redstream.core.state.Ttl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/** {@link StateOperations} over a {@link RedisGateway}. */
public final class DefaultStateOperations implements StateOperations {
    private final ClientContext ctx;
    private final KeyScanner scanner;

    /**
     * State operations of one client view.
     *
     * @param ctx the view's context: gateway, naming, guard and limits
     */
    public DefaultStateOperations(ClientContext ctx) {
        this.ctx = ctx;
        this.scanner = new KeyScanner(ctx.gateway());
    }

    @Override
    public Optional<String> get(String key) {
        ResourceName name = ctx.authorize(Action.KEY_GET, key);
        String k = name.redisName();
        return Optional.ofNullable(ctx.gateway().call(Operation.KEY_GET, k, j -> j.get(k)));
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        requireNonNull(type, "type");
        return get(key).map(v -> type == String.class ? type.cast(v) : Json.read("value of '" + key + "'", v, type));
    }

    @Override
    public KeyState inspect(String key) {
        ResourceName name = ctx.authorize(Action.KEY_GET, key);
        String k = name.redisName();
        return ctx.gateway().call(Operation.KEY_GET, k, j -> {
            Response<String> value;
            Response<Long> pttl;
            try (AbstractPipeline p = j.pipelined()) {
                value = p.get(k);
                pttl = p.pttl(k);
                p.sync();
            }
            Ttl ttl = ttlOf(pttl.get());
            return new KeyState(k, value.get() != null, value.get(), ttl.remaining());
        });
    }

    @Override
    public boolean set(String key, Object value) {
        return set(key, value, SetOptions.DEFAULT);
    }

    @Override
    public boolean set(String key, Object value, SetOptions options) {
        requireNonNull(options, "options");
        ResourceName name = ctx.authorize(Action.KEY_SET, key);
        String k = name.redisName();
        String v = Values.encode(key, value, ctx.limits());
        SetParams params = params(options);
        String reply = ctx.gateway().call(Operation.KEY_SET, k, j -> j.set(k, v, params));
        return "OK".equals(reply);
    }

    static SetParams params(SetOptions options) {
        SetParams params = new SetParams();
        if (options.ttl() != null) {
            params.px(options.ttl().toMillis());
        }
        switch (options.condition()) {
            case IF_ABSENT -> params.nx();
            case IF_PRESENT -> params.xx();
            case ALWAYS -> {
            }
        }
        return params;
    }

    @Override
    public long delete(Collection<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new InvalidArgumentException("keys must not be empty");
        }
        if (keys.size() > ctx.limits().maxCount()) {
            throw new LimitExceededException("keys must have at most " + ctx.limits().maxCount()
                    + " entries, but had " + keys.size());
        }
        List<String> names = new ArrayList<>(keys.size());
        for (String key : keys) {
            names.add(ctx.authorize(Action.KEY_DELETE, key).redisName());
        }
        long deleted = 0;
        for (List<String> group : Slots.group(names, ctx.gateway().isCluster())) {
            String[] arr = group.toArray(String[]::new);
            deleted += ctx.gateway().call(Operation.KEY_DELETE, String.valueOf(group), j -> j.del(arr));
        }
        return deleted;
    }

    @Override
    public boolean expire(String key, Duration ttl) {
        ResourceName name = ctx.authorize(Action.KEY_EXPIRE, key);
        long ms = positiveMillis("ttl", ttl);
        String k = name.redisName();
        return ctx.gateway().call(Operation.KEY_EXPIRE, k, j -> j.pexpire(k, ms)) == 1;
    }

    @Override
    public Ttl ttl(String key) {
        ResourceName name = ctx.authorize(Action.KEY_GET, key);
        String k = name.redisName();
        return ttlOf(ctx.gateway().call(Operation.KEY_TTL, k, j -> j.pttl(k)));
    }

    static Ttl ttlOf(long pttl) {
        if (pttl == -2) {
            return new Ttl(false, null);
        }
        if (pttl == -1) {
            return new Ttl(true, null);
        }
        return new Ttl(true, Duration.ofMillis(pttl));
    }

    @Override
    public long increment(String key, long delta) {
        ResourceName name = ctx.authorize(Action.KEY_SET, key);
        String k = name.redisName();
        return ctx.gateway().call(Operation.KEY_INCREMENT, k, j -> j.incrBy(k, delta));
    }

    @Override
    public ScanPage scan(String pattern, String cursor, int count) {
        NamePattern p = ctx.naming().pattern(NameKind.KEY, pattern == null ? ctx.naming().namespace() + ":*"
                : pattern);
        int n = Arguments.count("count", count, ctx.limits());
        KeyScanner.Page page = scanner.scan(p.redisPattern(), cursor == null ? "0" : cursor, n, null);
        return new ScanPage(Visible.filter(ctx, NameKind.KEY, Action.KEY_SCAN, page.names()), page.cursor());
    }

    static long positiveMillis(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.toMillis() < 1) {
            throw new InvalidArgumentException(name + " must be at least 1 ms, but was " + d);
        }
        return d.toMillis();
    }
}
