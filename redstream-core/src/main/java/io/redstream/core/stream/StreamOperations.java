package io.redstream.core.stream;

import io.redstream.core.ScanPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Publishing to and reading from streams. Every method validates the stream name (ADAPT) and its arguments, and
 * checks access, before any command is sent; a rejected call writes nothing.
 *
 * <pre>{@code
 * StreamOperations streams = rs.streams();
 * String id = streams.publish("nova:task:boomerang:tasks", Map.of("title", "New task"),
 *         PublishOptions.maxLen(100_000));                       // keep about the last 100 000 entries
 * List<StreamEntry> newest = streams.latest("nova:task:boomerang:tasks", 10);
 *
 * // follow the stream: wait up to 5 s for entries after the last id seen
 * Map<String, List<StreamEntry>> batch = streams.read(Map.of("nova:task:boomerang:tasks", id), 100,
 *         Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code RedStream.streams()}.
 */
public interface StreamOperations {

    /**
     * Adds one message; returns its id. Same as {@code publish(stream, fields, PublishOptions.DEFAULT)}.
     *
     * @param stream the stream name, checked against the naming policy
     * @param fields field names and values; not empty, no {@code null} value, no reserved name
     * @return the entry id Redis assigned
     * @throws io.redstream.core.InvalidNameException the stream name breaks the naming rules
     * @throws io.redstream.core.InvalidArgumentException fields are empty, contain a null value or a reserved name
     * @throws io.redstream.core.LimitExceededException too many fields or too many bytes
     */
    String publish(String stream, Map<String, ?> fields);

    /**
     * Adds one message with trimming / creation / id options; returns its id.
     *
     * @throws io.redstream.core.InvalidNameException the stream name breaks the naming rules
     * @throws io.redstream.core.InvalidArgumentException fields are empty, contain a null value or a reserved name
     * @throws io.redstream.core.LimitExceededException too many fields or too many bytes
     * @throws io.redstream.core.NotFoundException {@code noCreate} was set and the stream does not exist
     * @param stream the stream name, checked against the naming policy
     * @param fields field names and values; not empty, no {@code null} value, no reserved name
     * @param options trimming, creation, id and trace id; {@link PublishOptions#DEFAULT} for none
     * @return the entry id: the one Redis assigned, or the client-generated id of {@code options}
     */
    String publish(String stream, Map<String, ?> fields, PublishOptions options);

    /**
     * Adds many messages to one stream in one pipelined round trip; returns their ids in order. All messages are
     * validated first, so an invalid one rejects the batch before anything is sent. With a client-generated
     * {@code id} in the options, ids are derived from it ({@code ms-seq}, {@code ms-seq+1}, ...).
     *
     * @param stream the stream name, checked against the naming policy
     * @param messages the messages in order; at least one, at most {@code limits.maxBatchSize}, each as for
     *     {@link #publish(String, Map, PublishOptions)}
     * @param options options applied to every message of the batch
     * @return the entry ids, in the order of {@code messages}
     * @throws io.redstream.core.LimitExceededException the batch or one of its messages exceeds a limit
     */
    List<String> publishBatch(String stream, List<? extends Map<String, ?>> messages, PublishOptions options);

    /**
     * Starts an automatic batcher: messages handed to it are sent in pipelined batches bounded by size and linger
     * time, each completing its own future. Close it to flush and stop.
     *
     * @param settings stream, batch size, linger time, queue capacity and publish options of the batcher
     * @return the running batcher; thread-safe, closed also when the client closes
     */
    PublishBatcher batcher(BatcherSettings settings);

    /**
     * Entries with ids in {@code [start, end]} oldest first, at most {@code count}. Bounds: id, {@code (id}, -, +.
     *
     * @param stream the stream name
     * @param start the lowest id to include: an id, {@code (id} to exclude it, or {@code -} for the oldest
     * @param end the highest id to include: an id, {@code (id} to exclude it, or {@code +} for the newest
     * @param count at most this many entries; 1 to {@code limits.maxCount}
     * @return the entries, oldest first; empty when the stream does not exist
     */
    List<StreamEntry> range(String stream, String start, String end, int count);

    /**
     * Entries with ids in {@code [start, end]} newest first, at most {@code count}.
     *
     * @param stream the stream name
     * @param end the highest id to include: an id, {@code (id} to exclude it, or {@code +} for the newest
     * @param start the lowest id to include: an id, {@code (id} to exclude it, or {@code -} for the oldest
     * @param count at most this many entries; 1 to {@code limits.maxCount}
     * @return the entries, newest first; empty when the stream does not exist
     */
    List<StreamEntry> reverseRange(String stream, String end, String start, int count);

    /**
     * The newest {@code count} entries, newest first.
     *
     * @param stream the stream name
     * @param count at most this many entries; 1 to {@code limits.maxCount}
     * @return the entries, newest first; empty when the stream does not exist
     */
    List<StreamEntry> latest(String stream, int count);

    /**
     * Reads entries after the given offsets from one or many streams, waiting up to {@code block} for new ones
     * ({@link Duration#ZERO} does not wait). Offsets are ids, or {@code $} for entries newer than now. The result
     * maps each stream that had entries to them, in the order of {@code offsets}.
     *
     * <p>On a cluster, streams are grouped by hash slot and each group is read with its own command; blocking
     * groups are waited on in parallel, so the whole call still returns within {@code block} (plus a round trip).
     *
     * @param offsets stream name to the id to read after, or {@code $}; at least one stream
     * @param count at most this many entries per stream; 1 to {@code limits.maxCount}
     * @param block how long to wait when no stream has entries; zero to {@code limits.maxBlock}
     * @return the streams that had entries with their entries, oldest first; empty when the wait timed out
     */
    Map<String, List<StreamEntry>> read(Map<String, String> offsets, int count, Duration block);

    /**
     * Number of entries; 0 when the stream does not exist.
     *
     * @param stream the stream name
     * @return the number of entries ({@code XLEN})
     */
    long length(String stream);

    /**
     * Length, ends and groups (with pending and lag).
     *
     * @throws io.redstream.core.NotFoundException the stream does not exist
     * @param stream the stream name
     * @return a snapshot of the stream and its groups
     */
    StreamInfo info(String stream);

    /**
     * One page of stream names matching {@code pattern} ({@code SCAN ... TYPE stream}); only streams the caller
     * may read are returned. Pass the cursor back to continue; {@code "0"} starts and ends.
     *
     * @param pattern a name pattern under the caller's namespace, for example {@code nova:task:*}
     * @param cursor {@code "0"} to start, else the cursor of the previous page
     * @param count a hint for how many keys Redis examines per page; 1 to {@code limits.maxCount}
     * @return the page: visible stream names and the cursor to continue with
     */
    ScanPage list(String pattern, String cursor, int count);

    /**
     * Trims to about {@code maxLen} entries; returns how many were removed.
     *
     * @param stream the stream name
     * @param maxLen the approximate number of entries to keep; at least 0
     * @return the number of entries removed
     */
    long trimToLength(String stream, long maxLen);

    /**
     * Trims entries older than {@code minId}; returns how many were removed.
     *
     * @param stream the stream name
     * @param minId the lowest id to keep, {@code ms-seq} or {@code ms}
     * @return the number of entries removed
     */
    long trimBefore(String stream, String minId);
}
