package io.redstream.auth.internal;

import io.redstream.auth.Principal;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified tokens, so that a token presented on every call is verified once. An entry lives until the token
 * expires or the maximum lifetime from verification passes, whichever is first. Bounded: when full, expired
 * entries are purged, and if that is not enough the cache is cleared; a cleared cache only costs re-verification,
 * and a bound matters more than hit rate because entries come from callers.
 *
 * <p>Thread-safe. A hit is one hash lookup and one clock read.
 */
public final class TokenCache {
    private record Entry(Principal principal, long expiresAtMillis) {
    }

    private final int maxSize;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * An empty cache.
     *
     * @param maxSize most entries held at once; 0 turns the cache off (every lookup misses, nothing is stored)
     */
    public TokenCache(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * The cached principal of {@code token}; an expired entry is removed.
     *
     * @param token     the token as presented
     * @param nowMillis the current time, epoch milliseconds
     * @return the principal, or null when absent or expired at {@code nowMillis}
     */
    public Principal get(String token, long nowMillis) {
        if (maxSize == 0) {
            return null;
        }
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (nowMillis >= e.expiresAtMillis) {
            entries.remove(token, e);
            return null;
        }
        return e.principal;
    }

    /**
     * Remembers a verified token until {@code expiresAtMillis}; does nothing when the cache is off or the token has
     * already expired. When full, expired entries are purged first, and the whole cache is cleared if that frees
     * nothing.
     *
     * @param token           the token as presented
     * @param principal       what it verified to
     * @param expiresAtMillis when the entry stops being valid, epoch milliseconds
     * @param nowMillis       the current time, epoch milliseconds
     */
    public void put(String token, Principal principal, long expiresAtMillis, long nowMillis) {
        if (maxSize == 0 || expiresAtMillis <= nowMillis) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> nowMillis >= e.expiresAtMillis);
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(principal, expiresAtMillis));
    }

    /**
     * How many entries are held, expired ones not yet purged included.
     *
     * @return the entry count
     */
    public int size() {
        return entries.size();
    }

    /** Forgets every entry; later lookups verify again. */
    public void clear() {
        entries.clear();
    }
}
