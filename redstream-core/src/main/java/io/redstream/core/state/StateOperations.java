package io.redstream.core.state;

import io.redstream.core.ScanPage;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Key-value state with time to live: ephemeral agent state such as sessions, locks and progress. Keys follow the
 * naming scheme with optional extra segments ({@code nova:agent:alpha:session:42}). Strings are stored as they
 * are, other values as JSON.
 *
 * <p>Every method validates names and arguments and checks access before any command is sent. Thread-safe;
 * obtained from {@code RedStream.state()}.
 */
public interface StateOperations {

    /** The value, if the key exists. */
    Optional<String> get(String key);

    /** The value decoded from JSON as {@code type} ({@code String} values are returned as stored). */
    <T> Optional<T> get(String key, Class<T> type);

    /** Value and TTL in one round trip. */
    KeyState inspect(String key);

    /** Writes without TTL; returns true. */
    boolean set(String key, Object value);

    /**
     * Writes with TTL and condition; returns whether it was written ({@code false} when {@code NX}/{@code XX}
     * prevented it).
     *
     * @throws io.redstream.core.LimitExceededException the encoded value is larger than
     *     {@link io.redstream.core.Limits#maxValueBytes()}
     */
    boolean set(String key, Object value, SetOptions options);

    /** Deletes keys; returns how many existed. On a cluster, keys are deleted per slot. */
    long delete(Collection<String> keys);

    /** Sets a TTL on an existing key; returns whether the key existed. */
    boolean expire(String key, Duration ttl);

    /** The remaining TTL. */
    Ttl ttl(String key);

    /** Adds {@code delta} to an integer value (a missing key counts as 0); returns the new value. */
    long increment(String key, long delta);

    /**
     * One page of keys matching {@code pattern} ({@code SCAN MATCH}, never {@code KEYS}); pass the returned cursor
     * back to continue. On a cluster the cursor walks the masters one after another. Only keys the caller may read
     * are returned.
     *
     * @param pattern a {@link io.redstream.core.naming.NamePattern} over keys, e.g. {@code nova:agent:*}
     * @param cursor {@code "0"} to start
     * @param count a hint for the page size
     */
    ScanPage scan(String pattern, String cursor, int count);
}
