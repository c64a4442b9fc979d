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
 * <pre>{@code
 * StateOperations state = rs.state();
 * state.set("nova:agent:alpha:session:42", Map.of("step", 3), SetOptions.ttl(Duration.ofMinutes(30)));
 * Optional<Map> session = state.get("nova:agent:alpha:session:42", Map.class);
 * boolean first = state.set("nova:agent:alpha:lock:init", "alpha",
 *         SetOptions.ttl(Duration.ofSeconds(30)).ifAbsent());          // NX: false when it exists
 * long runs = state.increment("nova:agent:alpha:counter:runs", 1);
 * }</pre>
 *
 * <p>Every method validates names and arguments and checks access before any command is sent. Thread-safe;
 * obtained from {@code RedStream.state()}.
 */
public interface StateOperations {

    /**
     * The value, if the key exists.
     *
     * @param key the key name, checked against the naming policy
     * @return the stored value as a string, or empty when the key does not exist
     */
    Optional<String> get(String key);

    /**
     * The value decoded from JSON as {@code type} ({@code String} values are returned as stored).
     *
     * @param <T> the type to decode into
     * @param key the key name, checked against the naming policy
     * @param type the class to decode the JSON value into; {@code String.class} for the raw value
     * @return the decoded value, or empty when the key does not exist
     * @throws io.redstream.core.InvalidArgumentException the stored value is not JSON of {@code type}
     */
    <T> Optional<T> get(String key, Class<T> type);

    /**
     * Value and TTL in one round trip.
     *
     * @param key the key name, checked against the naming policy
     * @return the value (or none) and the remaining TTL, read together
     */
    KeyState inspect(String key);

    /**
     * Writes without TTL; returns true.
     *
     * @param key the key name, checked against the naming policy
     * @param value a string, stored as is, or another value, stored as JSON; not {@code null}
     * @return {@code true}
     * @throws io.redstream.core.LimitExceededException the encoded value is larger than
     *     {@link io.redstream.core.Limits#maxValueBytes()}
     */
    boolean set(String key, Object value);

    /**
     * Writes with TTL and condition; returns whether it was written ({@code false} when {@code NX}/{@code XX}
     * prevented it).
     *
     * @throws io.redstream.core.LimitExceededException the encoded value is larger than
     *     {@link io.redstream.core.Limits#maxValueBytes()}
     *
     * @param key the key name, checked against the naming policy
     * @param value a string, stored as is, or another value, stored as JSON; not {@code null}
     * @param options the TTL and the {@code NX}/{@code XX} condition
     * @return {@code true} when the value was written
     */
    boolean set(String key, Object value, SetOptions options);

    /**
     * Deletes keys; returns how many existed. On a cluster, keys are deleted per slot.
     *
     * @param keys the key names, each checked against the naming policy; at most {@code limits.maxCount}
     * @return the number of keys that existed and were deleted
     */
    long delete(Collection<String> keys);

    /**
     * Sets a TTL on an existing key; returns whether the key existed.
     *
     * @param key the key name, checked against the naming policy
     * @param ttl the new time to live; positive
     * @return {@code true} when the key existed and now expires
     */
    boolean expire(String key, Duration ttl);

    /**
     * The remaining TTL.
     *
     * @param key the key name, checked against the naming policy
     * @return the TTL, or whether the key has none or does not exist
     */
    Ttl ttl(String key);

    /**
     * Adds {@code delta} to an integer value (a missing key counts as 0); returns the new value.
     *
     * @param key the key name, checked against the naming policy
     * @param delta the amount to add; may be negative
     * @return the value after the increment
     * @throws io.redstream.core.InvalidArgumentException the stored value is not an integer
     */
    long increment(String key, long delta);

    /**
     * One page of keys matching {@code pattern} ({@code SCAN MATCH}, never {@code KEYS}); pass the returned cursor
     * back to continue. On a cluster the cursor walks the masters one after another. Only keys the caller may read
     * are returned.
     *
     * @param pattern a {@link io.redstream.core.naming.NamePattern} over keys, e.g. {@code nova:agent:*}
     * @param cursor {@code "0"} to start
     * @param count a hint for the page size
     * @return the visible keys of this page and the cursor to continue with ({@code "0"} when done)
     */
    ScanPage scan(String pattern, String cursor, int count);
}
