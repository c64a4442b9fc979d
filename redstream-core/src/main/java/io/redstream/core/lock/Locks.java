package io.redstream.core.lock;

import java.time.Duration;
import java.util.Optional;

/**
 * Mutual exclusion with leases and fencing tokens, one lock per key. Obtained from {@code RedStream.locks()}.
 *
 * <pre>{@code
 * LockResult r = rs.locks().acquire("nova:agent:alpha:lock:report", "agent-alpha", Duration.ofSeconds(30));
 * if (r.acquired()) {
 *     LockLease lease = r.lease();
 *     try {
 *         writeReport(lease.token());          // the resource refuses tokens lower than the highest it has seen
 *         rs.locks().extend(lease, Duration.ofSeconds(30)).orElseThrow();   // still ours? keep it a while longer
 *     } finally {
 *         rs.locks().release(lease);
 *     }
 * } else {
 *     log.info("{} holds it until {}", r.holder(), r.expiresAt());
 * }
 * }</pre>
 *
 * <p><b>Semantics.</b> A lock is free when nobody acquired it, when it was released, or when its lease ran out
 * (measured with the client's injected {@link java.time.Clock}; clients sharing a lock need synchronised clocks).
 * Acquiring a held lock fails and says who holds it until when; acquiring is not re-entrant (the holder itself is
 * told it holds it). {@link #release} and {@link #extend} succeed only with the current token, within the lease:
 * an atomic compare-and-delete or compare-and-expire on the one key, so a holder whose lease ran out cannot free or
 * prolong a lock someone else acquired since.
 *
 * <p><b>Fencing.</b> Each acquisition gets a token strictly greater than every earlier token of that key, also
 * after expiry and release: the counter lives in the lock key's own hash, which the lock never deletes or expires.
 * Keep lock keys (deleting one restarts its tokens at 1) and persist Redis (AOF) if tokens must survive a restart.
 * {@code docs/coordination.md} shows how a resource uses the token.
 *
 * <p><b>Names and bounds.</b> Keys follow the naming convention ({@code nova:agent:alpha:lock:job-7});
 * owners are agent names ({@code [A-Za-z0-9_-]}, 1 to 128); the TTL is {@link #MIN_TTL} to {@link #MAX_TTL}. On a
 * guarded view, each operation needs {@code key.set} on the lock key, and the owner must be the caller's own
 * subject unless the caller is an admin.
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe; shares the client's connections; nothing to close.
 */
public interface Locks {
    /** Shortest lock TTL. */
    Duration MIN_TTL = Duration.ofMillis(100);
    /** Longest lock TTL. */
    Duration MAX_TTL = Duration.ofHours(24);

    /**
     * Takes the lock for {@code owner} for {@code ttl} if it is free.
     *
     * @throws io.redstream.core.InvalidNameException {@code key} breaks the naming convention
     * @throws io.redstream.core.InvalidArgumentException bad owner or TTL, or {@code key} holds another kind of
     *     value
     *
     * @param key the lock key, checked against the naming policy
     * @param owner the agent that takes the lock
     * @param ttl how long the lock is held unless extended, {@link #MIN_TTL} to {@link #MAX_TTL}
     * @return acquired with the caller's lease, or not acquired with the current holder and its expiry
     */
    LockResult acquire(String key, String owner, Duration ttl);

    /**
     * Frees the lock if {@code lease} is still the current one; false when it ran out or another holds it.
     *
     * @param lease the lease returned by {@link #acquire}
     * @return {@code true} when the lock was freed
     */
    boolean release(LockLease lease);

    /**
     * {@link #release(LockLease)} by the lease's parts, for callers that kept only the token (the owner is checked
     * as the acting agent, so it must be given too).
     *
     * @param key the lock key
     * @param owner the owner the lock was acquired for
     * @param token the fencing token of the lease
     * @return {@code true} when the lock was freed
     */
    boolean release(String key, String owner, long token);

    /**
     * Moves the end of {@code lease} to {@code ttl} from now if it is still the current one; the extended lease
     * (same token), or empty when it ran out or another holds the lock.
     *
     * @param lease the lease returned by {@link #acquire} or a previous extend
     * @param ttl the new lease length from now, {@link #MIN_TTL} to {@link #MAX_TTL}
     * @return the extended lease, or empty when the lease is no longer current
     */
    Optional<LockLease> extend(LockLease lease, Duration ttl);

    /**
     * {@link #extend(LockLease, Duration)} by the lease's parts.
     *
     * @param key the lock key
     * @param owner the owner the lock was acquired for
     * @param token the fencing token of the lease
     * @param ttl the new lease length from now, {@link #MIN_TTL} to {@link #MAX_TTL}
     * @return the extended lease, or empty when the lease is no longer current
     */
    Optional<LockLease> extend(String key, String owner, long token, Duration ttl);
}
