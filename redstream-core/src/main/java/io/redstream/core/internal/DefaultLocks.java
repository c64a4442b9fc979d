package io.redstream.core.internal;

import static java.util.Objects.requireNonNull;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.access.Action;
import io.redstream.core.lock.LockLease;
import io.redstream.core.lock.LockResult;
import io.redstream.core.lock.Locks;
import io.redstream.core.naming.ResourceName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link Locks} over one hash per lock key: {@code owner}, {@code expires_at} (epoch ms) and {@code token}. The
 * hash never expires and a release keeps it, so {@code token} — the fencing counter — only ever grows; each step
 * is one Lua script on that one key.
 */
public final class DefaultLocks implements Locks {
    /** Reply {@code {1|0, holder, expires_at, token}}: acquired, or who holds it. */
    private static final LuaScript ACQUIRE = new LuaScript("""
            local f = redis.call('HMGET', KEYS[1], 'owner', 'expires_at', 'token')
            if f[1] and f[1] ~= '' and (tonumber(f[2]) or 0) > tonumber(ARGV[2]) then
              return {0, f[1], f[2], f[3] or '0'}
            end
            local token = redis.call('HINCRBY', KEYS[1], 'token', 1)
            redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'expires_at', ARGV[3], 'acquired_at', ARGV[2])
            return {1, ARGV[1], ARGV[3], tostring(token)}
            """);
    /**
     * ARGV: owner, token, now, new expires_at ('' to release). 1 when the lease was current and is now released
     * or extended, else 0.
     */
    private static final LuaScript RELEASE_OR_EXTEND = new LuaScript("""
            local f = redis.call('HMGET', KEYS[1], 'owner', 'expires_at', 'token')
            if f[1] ~= ARGV[1] or f[3] ~= ARGV[2] or (tonumber(f[2]) or 0) <= tonumber(ARGV[3]) then return 0 end
            if ARGV[4] == '' then
              redis.call('HSET', KEYS[1], 'owner', '', 'expires_at', '0')
            else
              redis.call('HSET', KEYS[1], 'expires_at', ARGV[4])
            end
            return 1
            """);

    private final ClientContext ctx;

    /**
     * Locks of one client view.
     *
     * @param ctx the view's context: gateway, naming, guard, limits and clock
     */
    public DefaultLocks(ClientContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LockResult acquire(String key, String owner, Duration ttl) {
        ResourceName name = ctx.naming().key(key);
        CoordinationArguments.agent("owner", owner);
        CoordinationArguments.duration("ttl", ttl, MIN_TTL, MAX_TTL);
        check(name, owner);
        long now = ctx.clock().millis();
        String k = name.redisName();
        List<?> reply = LuaScript.list(ACQUIRE.run(ctx.gateway(), Operation.LOCK_ACQUIRE, k,
                List.of(owner, Long.toString(now), Long.toString(now + ttl.toMillis()))));
        boolean acquired = ((Number) reply.get(0)).longValue() == 1;
        String holder = LuaScript.string(reply.get(1));
        Instant expires = Instant.ofEpochMilli(Long.parseLong(LuaScript.string(reply.get(2))));
        long token = Long.parseLong(LuaScript.string(reply.get(3)));
        return new LockResult(k, acquired, acquired ? new LockLease(k, owner, token, expires) : null, holder,
                expires);
    }

    @Override
    public boolean release(LockLease lease) {
        requireNonNull(lease, "lease");
        return release(lease.key(), lease.owner(), lease.token());
    }

    @Override
    public boolean release(String key, String owner, long token) {
        return releaseOrExtend(key, owner, token, null) != null;
    }

    @Override
    public Optional<LockLease> extend(LockLease lease, Duration ttl) {
        requireNonNull(lease, "lease");
        return extend(lease.key(), lease.owner(), lease.token(), ttl);
    }

    @Override
    public Optional<LockLease> extend(String key, String owner, long token, Duration ttl) {
        CoordinationArguments.duration("ttl", ttl, MIN_TTL, MAX_TTL);
        return Optional.ofNullable(releaseOrExtend(key, owner, token, ttl));
    }

    /** The lease as it stands afterwards (for a release: as it stood), or null when it was not the current one. */
    private LockLease releaseOrExtend(String key, String owner, long token, Duration ttl) {
        ResourceName name = ctx.naming().key(key);
        CoordinationArguments.agent("owner", owner);
        if (token < 1) {
            throw new InvalidArgumentException("token must be at least 1, but was " + token);
        }
        check(name, owner);
        long now = ctx.clock().millis();
        String k = name.redisName();
        long until = ttl == null ? now : now + ttl.toMillis();
        Object reply = RELEASE_OR_EXTEND.run(ctx.gateway(), ttl == null ? Operation.LOCK_RELEASE : Operation.LOCK_EXTEND, k,
                List.of(owner, Long.toString(token), Long.toString(now), ttl == null ? "" : Long.toString(until)));
        return ((Number) reply).longValue() == 1 ? new LockLease(k, owner, token, Instant.ofEpochMilli(until)) : null;
    }

    private void check(ResourceName name, String owner) {
        ctx.guard().check(Action.KEY_SET, name);
        ctx.guard().checkActor(owner, Action.KEY_SET, name);
    }
}
