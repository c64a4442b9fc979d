package io.redstream.core.lock;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A held lock: proof of ownership for {@link Locks#release} and {@link Locks#extend}, and the fencing token to
 * present to the resource the lock protects.
 *
 * @param key the lock key
 * @param owner who holds it
 * @param token the fencing token: strictly greater than every token handed out for this key before, so a resource
 *     that remembers the highest token it accepted can refuse a write from a holder whose lease ran out
 * @param expiresAt when the lock frees itself unless extended (by the acquiring client's clock)
 */
public record LockLease(String key, String owner, long token, Instant expiresAt) {
    /**
     * Checks the required values.
     *
     * @param key the lock key
     * @param owner who holds it
     * @param token the fencing token: strictly greater than every token handed out for this key before, so a resource
     *     that remembers the highest token it accepted can refuse a write from a holder whose lease ran out
     * @param expiresAt when the lock frees itself unless extended (by the acquiring client's clock)
     */
    public LockLease {
        requireNonNull(key, "key");
        requireNonNull(owner, "owner");
        requireNonNull(expiresAt, "expiresAt");
    }
}
