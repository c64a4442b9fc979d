package io.redstream.core.tx;

import java.time.Duration;

/**
 * An atomic group of key operations ({@code MULTI}/{@code EXEC}), optionally guarded by {@code WATCH}. Every
 * name, argument and access right is checked in {@link #execute()} before anything is sent: one invalid or denied
 * operation means nothing runs. On a cluster every key (watched ones included) must hash to one slot, or
 * {@link #execute()} fails before anything is sent.
 *
 * <pre>{@code
 * TransactionResult r = rs.transaction()
 *         .watch("nova:agent:alpha:session:42")
 *         .set("nova:agent:alpha:session:42", Map.of("step", 3), Duration.ofMinutes(10))
 *         .increment("nova:agent:alpha:steps:total", 1, null)
 *         .execute();
 * if (!r.committed()) {
 *     // the watched key changed meanwhile: nothing was applied, read again and retry
 * }
 * }</pre>
 *
 * <p>Not thread-safe; use once. Obtained from {@code RedStream.transaction()}.
 */
public interface Transaction {
    /**
     * Aborts the transaction if any of these keys changes before {@link #execute()}.
     *
     * @param keys the keys to watch, checked against the naming policy at {@link #execute()}
     * @return this transaction
     */
    Transaction watch(String... keys);

    /**
     * Queues a read of {@code key}; its value (or {@code null}) is the operation's result.
     *
     * @param key the key name
     * @return this transaction
     */
    Transaction get(String key);

    /**
     * Writes a value (strings as they are, others as JSON), with a TTL when {@code ttl} is not null.
     *
     * @param key the key name
     * @param value a string, stored as is, or another value, stored as JSON; not {@code null}
     * @param ttl the time to live, or {@code null} for none
     * @return this transaction
     */
    Transaction set(String key, Object value, Duration ttl);

    /**
     * Queues the deletion of {@code key}; the number of keys removed is the operation's result.
     *
     * @param key the key name
     * @return this transaction
     */
    Transaction delete(String key);

    /**
     * Queues a new time to live for {@code key}; whether it was applied is the operation's result.
     *
     * @param key the key name
     * @param ttl the time to live; positive
     * @return this transaction
     */
    Transaction expire(String key, Duration ttl);

    /**
     * {@code INCRBY}; with a TTL when {@code ttl} is not null.
     *
     * @param key the key name
     * @param delta the amount to add; may be negative
     * @param ttl the time to live to set with it, or {@code null} for none
     * @return this transaction
     */
    Transaction increment(String key, long delta, Duration ttl);

    /**
     * Runs everything atomically.
     *
     * @return committed with one result per operation, or not committed when a watched key changed
     * @throws io.redstream.core.InvalidArgumentException it was executed before, it has no operation, or the keys
     *     span several cluster slots
     * @throws io.redstream.core.LimitExceededException more than {@code limits.maxTransactionOperations} operations
     * @throws io.redstream.core.AccessDeniedException this view may not do one of the operations
     */
    TransactionResult execute();
}
