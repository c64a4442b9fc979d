package io.redstream.core.tx;

import java.time.Duration;

/**
 * An atomic group of key operations ({@code MULTI}/{@code EXEC}), optionally guarded by {@code WATCH}. Every
 * name, argument and access right is checked in {@link #execute()} before anything is sent: one invalid or denied
 * operation means nothing runs. On a cluster every key (watched ones included) must hash to one slot, or
 * {@link #execute()} fails before anything is sent.
 *
 * <p>Not thread-safe; use once. Obtained from {@code RedStream.transaction()}.
 */
public interface Transaction {
    /** Aborts the transaction if any of these keys changes before {@link #execute()}. */
    Transaction watch(String... keys);

    Transaction get(String key);

    /** Writes a value (strings as they are, others as JSON), with a TTL when {@code ttl} is not null. */
    Transaction set(String key, Object value, Duration ttl);

    Transaction delete(String key);

    Transaction expire(String key, Duration ttl);

    /** {@code INCRBY}; with a TTL when {@code ttl} is not null. */
    Transaction increment(String key, long delta, Duration ttl);

    /** Runs everything atomically. */
    TransactionResult execute();
}
