package io.redstream.core.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Consumer groups: administration, group reads, acknowledgement, claiming and pending inspection. Every method
 * checks names, arguments and access before any command is sent.
 *
 * <p>Group and consumer names are 1 to 128 characters of {@code [A-Za-z0-9_.:-]}.
 *
 * <p>Thread-safe; obtained from {@code RedStream.groups()}. For a managed worker with retries and dead-lettering,
 * use the consumer runtime instead of these primitives.
 */
public interface ConsumerGroupOperations {

    /**
     * Creates a group starting after {@code startId} ({@code $}: only new entries, {@code 0}: everything), creating
     * the stream if missing. Idempotent: returns {@code false} when the group already existed.
     */
    boolean create(String stream, String group, String startId);

    /** Deletes a group and its pending list; returns whether it existed. */
    boolean destroy(String stream, String group);

    /** Moves the group's last-delivered id ({@code $} or an id). */
    void setId(String stream, String group, String id);

    /** The stream's groups with consumers, pending and lag; empty when the stream does not exist. */
    List<GroupInfo> list(String stream);

    /**
     * Reads new entries ({@code >}) for {@code consumer}, waiting up to {@code block}. They stay pending until
     * acknowledged. Delivery count is 1 for every entry returned.
     *
     * @throws io.redstream.core.NotFoundException the group does not exist
     */
    List<StreamEntry> read(String stream, String group, String consumer, int count, Duration block);

    /**
     * Re-reads {@code consumer}'s own pending entries (id {@code 0}) with their delivery counts. Entries trimmed
     * away while pending come back with {@link StreamEntry#isDeleted()} true.
     */
    List<StreamEntry> readPending(String stream, String group, String consumer, int count);

    /**
     * Like {@link #readPending(String, String, String, int)} but only entries with ids above {@code afterId}, for
     * paging through a long pending list without re-delivering the first page.
     */
    List<StreamEntry> readPending(String stream, String group, String consumer, String afterId, int count);

    /**
     * Resets the idle time of entries {@code consumer} already holds, without counting a delivery
     * ({@code XCLAIM ... JUSTID}): a keep-alive so a slow but alive consumer is not robbed by auto-claim. Returns
     * the ids still held.
     */
    List<String> touch(String stream, String group, String consumer, Collection<String> ids);

    /**
     * Moves an entry to the dead-letter stream {@code <stream>:dlq} and acknowledges it. The dead-letter entry
     * keeps the original fields and adds {@code _dlq_reason}, {@code _dlq_original_id}, {@code _dlq_stream},
     * {@code _dlq_group}, {@code _dlq_consumer}, {@code _dlq_deliveries} and {@code _dlq_at}.
     *
     * <p>On a standalone Redis both happen in one {@code MULTI}. On a cluster the two keys live in different slots
     * (ADAPT names cannot carry hash tags), so the entry is written first and acknowledged second: a crash in
     * between can leave a duplicate in the dead-letter stream, never a lost entry. Returns the dead-letter id.
     */
    String deadLetter(String stream, String group, String consumer, StreamEntry entry, String reason,
            long deliveries);

    /** Acknowledges entries; returns how many were pending. */
    long ack(String stream, String group, Collection<String> ids);

    /**
     * Takes over specific entries idle at least {@code minIdle} ({@code XCLAIM}); returns those claimed. Claiming
     * increments their delivery count.
     */
    List<StreamEntry> claim(String stream, String group, String consumer, Duration minIdle, Collection<String> ids);

    /** One {@code XAUTOCLAIM} step from {@code cursor} ({@code 0-0} to start). */
    AutoClaimResult autoClaim(String stream, String group, String consumer, Duration minIdle, String cursor,
            int count);

    /**
     * Claims up to {@code maxEntries} idle entries, following the cursor until the pending list is scanned or the
     * maximum is reached. Deleted ids met on the way are reported (Redis drops them from the pending list).
     */
    AutoClaimResult autoClaimAll(String stream, String group, String consumer, Duration minIdle, int maxEntries);

    /** Pending count, lowest and highest id, and count per consumer. */
    PendingSummary pending(String stream, String group);

    /** Pending entries in detail. */
    List<PendingEntry> pendingEntries(String stream, String group, PendingQuery query);
}
