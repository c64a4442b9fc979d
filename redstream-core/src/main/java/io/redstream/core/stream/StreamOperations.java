package io.redstream.core.stream;

import io.redstream.core.ScanPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Publishing to and reading from streams. Every method validates the stream name (ADAPT) and its arguments, and
 * checks access, before any command is sent; a rejected call writes nothing.
 *
 * <p>Thread-safe; obtained from {@code RedStream.streams()}.
 */
public interface StreamOperations {

    /** Adds one message; returns its id. Same as {@code publish(stream, fields, PublishOptions.DEFAULT)}. */
    String publish(String stream, Map<String, ?> fields);

    /**
     * Adds one message with trimming / creation / id options; returns its id.
     *
     * @throws io.redstream.core.InvalidNameException the stream name breaks the naming rules
     * @throws io.redstream.core.InvalidArgumentException fields are empty, contain a null value or a reserved name
     * @throws io.redstream.core.LimitExceededException too many fields or too many bytes
     * @throws io.redstream.core.NotFoundException {@code noCreate} was set and the stream does not exist
     */
    String publish(String stream, Map<String, ?> fields, PublishOptions options);

    /**
     * Adds many messages to one stream in one pipelined round trip; returns their ids in order. All messages are
     * validated first, so an invalid one rejects the batch before anything is sent. With a client-generated
     * {@code id} in the options, ids are derived from it ({@code ms-seq}, {@code ms-seq+1}, ...).
     */
    List<String> publishBatch(String stream, List<? extends Map<String, ?>> messages, PublishOptions options);

    /**
     * Starts an automatic batcher: messages handed to it are sent in pipelined batches bounded by size and linger
     * time, each completing its own future. Close it to flush and stop.
     */
    PublishBatcher batcher(BatcherSettings settings);

    /** Entries with ids in {@code [start, end]} oldest first, at most {@code count}. Bounds: id, {@code (id}, -, +. */
    List<StreamEntry> range(String stream, String start, String end, int count);

    /** Entries with ids in {@code [start, end]} newest first, at most {@code count}. */
    List<StreamEntry> reverseRange(String stream, String end, String start, int count);

    /** The newest {@code count} entries, newest first. */
    List<StreamEntry> latest(String stream, int count);

    /**
     * Reads entries after the given offsets from one or many streams, waiting up to {@code block} for new ones
     * ({@link Duration#ZERO} does not wait). Offsets are ids, or {@code $} for entries newer than now. The result
     * maps each stream that had entries to them, in the order of {@code offsets}.
     *
     * <p>On a cluster, streams are grouped by hash slot and each group is read with its own command; blocking
     * groups are waited on in parallel, so the whole call still returns within {@code block} (plus a round trip).
     */
    Map<String, List<StreamEntry>> read(Map<String, String> offsets, int count, Duration block);

    /** Number of entries; 0 when the stream does not exist. */
    long length(String stream);

    /**
     * Length, ends and groups (with pending and lag).
     *
     * @throws io.redstream.core.NotFoundException the stream does not exist
     */
    StreamInfo info(String stream);

    /**
     * One page of stream names matching {@code pattern} ({@code SCAN ... TYPE stream}); only streams the caller
     * may read are returned. Pass the cursor back to continue; {@code "0"} starts and ends.
     */
    ScanPage list(String pattern, String cursor, int count);

    /** Trims to about {@code maxLen} entries; returns how many were removed. */
    long trimToLength(String stream, long maxLen);

    /** Trims entries older than {@code minId}; returns how many were removed. */
    long trimBefore(String stream, String minId);
}
