package io.redstream.core.lock;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@link Locks#acquire} found.
 *
 * @param key the lock key
 * @param acquired whether the caller now holds the lock
 * @param lease the caller's lease when acquired, else {@code null}
 * @param holder who holds the lock now (the caller when acquired)
 * @param expiresAt when the current holder's lease ends
 */
public record LockResult(String key, boolean acquired, LockLease lease, String holder, Instant expiresAt) {
    /**
     * Checks the required values, and that a lease is given exactly when acquired.
     *
     * @param key the lock key
     * @param acquired whether the caller now holds the lock
     * @param lease the caller's lease when acquired, else {@code null}
     * @param holder who holds the lock now (the caller when acquired)
     * @param expiresAt when the current holder's lease ends
     */
    public LockResult {
        requireNonNull(key, "key");
        requireNonNull(holder, "holder");
        requireNonNull(expiresAt, "expiresAt");
        if (acquired != (lease != null)) {
            throw new IllegalArgumentException("lease must be given exactly when acquired");
        }
    }

    /**
     * The caller's lease, when it acquired the lock.
     *
     * @return the lease, or empty when the caller did not acquire the lock
     */
    public Optional<LockLease> leaseIfAcquired() {
        return Optional.ofNullable(lease);
    }
}
