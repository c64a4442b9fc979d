package io.redstream.mcp.server;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.redstream.auth.Policy;
import io.redstream.auth.Principal;
import io.redstream.core.RedStream;

/**
 * Each caller's guarded view of the server's Redis client ({@link Policy#secure}): core checks every operation
 * against the caller's roles before it sends a command. Views are cheap but not free, so the most recent
 * {@value #MAX_VIEWS} are kept (Caffeine). Thread-safe.
 */
final class CallerViews implements Function<Principal, RedStream> {

    static final int MAX_VIEWS = 1024;

    private final RedisConnection redis;
    private final Policy policy;
    /** Keyed by the base client too: a cluster that could not be reached at first gets a new client later. */
    private record Key(RedStream base, Principal caller) {
    }

    /** The last view handed out: a stdio session has one caller, so most calls end here. */
    private record Last(RedStream base, Principal caller, RedStream view) {
    }

    private final Cache<Key, RedStream> views = Caffeine.newBuilder().maximumSize(MAX_VIEWS).build();
    private volatile Last last;

    CallerViews(RedisConnection redis, Policy policy) {
        this.redis = requireNonNull(redis, "redis");
        this.policy = requireNonNull(policy, "policy");
    }

    @Override
    public RedStream apply(Principal caller) {
        RedStream base = redis.client();
        Last l = last;
        if (l != null && l.base() == base && l.caller() == caller) {
            return l.view();
        }
        RedStream view = views.get(new Key(base, caller), k -> policy.secure(k.base(), k.caller()));
        last = new Last(base, caller, view);
        return view;
    }
}
