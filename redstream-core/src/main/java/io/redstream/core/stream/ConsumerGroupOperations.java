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
 * <pre>{@code
 * ConsumerGroupOperations groups = rs.groups();
 * String stream = "nova:task:boomerang:tasks";
 * groups.create(stream, "router", "0");                         // false when it already exists
 * for (StreamEntry e : groups.read(stream, "router", "router-1", 32, Duration.ofSeconds(1))) {
 *     route(e.values());
 *     groups.ack(stream, "router", List.of(e.id()));
 * }
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code RedStream.groups()}. For a managed worker with retries and dead-lettering,
 * use the consumer runtime instead of these primitives.
 */
public interface ConsumerGroupOperations {

    /**
     * Creates a group starting after {@code startId} ({@code $}: only new entries, {@code 0}: everything), creating
     * the stream if missing. Idempotent: returns {@code false} when the group already existed.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param startId {@code $}, {@code 0} or an entry id; the group delivers entries after it
     * @return {@code true} when the group was created, {@code false} when it already existed
     */
    boolean create(String stream, String group, String startId);

    /**
     * Deletes a group and its pending list; returns whether it existed.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @return {@code true} when the group existed
     */
    boolean destroy(String stream, String group);

    /**
     * Moves the group's last-delivered id ({@code $} or an id).
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param id the new last-delivered id: {@code $} for the stream's last entry, or an entry id
     * @throws io.redstream.core.NotFoundException the group does not exist
     */
    void setId(String stream, String group, String id);

    /**
     * The stream's groups with consumers, pending and lag; empty when the stream does not exist.
     *
     * @param stream the stream name, checked against the naming policy
     * @return one snapshot per group, in the order Redis lists them
     */
    List<GroupInfo> list(String stream);

    /**
     * Reads new entries ({@code >}) for {@code consumer}, waiting up to {@code block}. They stay pending until
     * acknowledged. Delivery count is 1 for every entry returned.
     *
     * @throws io.redstream.core.NotFoundException the group does not exist
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param consumer the consumer name within the group; created by Redis on first read
     * @param count at most this many entries; 1 to {@code limits.maxCount}
     * @param block how long to wait when there is nothing new; zero does not wait, at most {@code limits.maxBlock}
     * @return the entries delivered, oldest first; empty when the wait timed out
     */
    List<StreamEntry> read(String stream, String group, String consumer, int count, Duration block);

    /**
     * Re-reads {@code consumer}'s own pending entries (id {@code 0}) with their delivery counts. Entries trimmed
     * away while pending come back with {@link StreamEntry#isDeleted()} true.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param consumer the consumer name within the group
     * @param count at most this many entries; 1 to {@code limits.maxCount}
     * @return the consumer's pending entries, oldest first
     */
    List<StreamEntry> readPending(String stream, String group, String consumer, int count);

    /**
     * Like {@link #readPending(String, String, String, int)} but only entries with ids above {@code afterId}, for
     * paging through a long pending list without re-delivering the first page.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param consumer the consumer name within the group
     * @param afterId only entries with a higher id are returned; an entry id
     * @param count at most this many entries; 1 to {@code limits.maxCount}
     * @return the consumer's pending entries after {@code afterId}, oldest first
     */
    List<StreamEntry> readPending(String stream, String group, String consumer, String afterId, int count);

    /**
     * Resets the idle time of entries {@code consumer} already holds, without counting a delivery
     * ({@code XCLAIM ... JUSTID}): a keep-alive so a slow but alive consumer is not robbed by auto-claim. Returns
     * the ids still held.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param consumer the consumer name within the group that holds the entries
     * @param ids the entry ids to keep alive; at most {@code limits.maxCount}
     * @return the ids among {@code ids} still pending for {@code consumer}
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
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param consumer the consumer name within the group that held the entry
     * @param entry the entry to move, as it was read
     * @param reason why the entry is dead-lettered, written as {@code _dlq_reason}
     * @param deliveries how many times the entry was delivered, written as {@code _dlq_deliveries}
     * @return the id of the dead-letter entry
     * @throws io.redstream.core.AccessDeniedException this view may not publish to {@code <stream>:dlq}
     */
    String deadLetter(String stream, String group, String consumer, StreamEntry entry, String reason,
            long deliveries);

    /**
     * Acknowledges entries; returns how many were pending.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param ids the entry ids to acknowledge; at most {@code limits.maxCount}
     * @return the number of entries that were pending and are now acknowledged
     */
    long ack(String stream, String group, Collection<String> ids);

    /**
     * Takes over specific entries idle at least {@code minIdle} ({@code XCLAIM}); returns those claimed. Claiming
     * increments their delivery count.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param consumer the consumer name within the group that takes the entries over
     * @param minIdle only entries idle at least this long are claimed
     * @param ids the entry ids to claim; at most {@code limits.maxCount}
     * @return the entries claimed, with their new delivery counts
     */
    List<StreamEntry> claim(String stream, String group, String consumer, Duration minIdle, Collection<String> ids);

    /**
     * One {@code XAUTOCLAIM} step from {@code cursor} ({@code 0-0} to start).
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param consumer the consumer name within the group that takes the entries over
     * @param minIdle only entries idle at least this long are claimed
     * @param cursor {@code 0-0} to start, else the cursor of the previous step
     * @param count at most this many entries; 1 to {@code limits.maxCount}
     * @return the claimed entries, the ids found deleted and the cursor to continue with ({@code 0-0} when done)
     */
    AutoClaimResult autoClaim(String stream, String group, String consumer, Duration minIdle, String cursor,
            int count);

    /**
     * Claims up to {@code maxEntries} idle entries, following the cursor until the pending list is scanned or the
     * maximum is reached. Deleted ids met on the way are reported (Redis drops them from the pending list).
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param consumer the consumer name within the group that takes the entries over
     * @param minIdle only entries idle at least this long are claimed
     * @param maxEntries at most this many entries in all; 1 to {@code limits.maxCount}
     * @return every entry claimed and every deleted id met; the cursor is where the scan stopped
     */
    AutoClaimResult autoClaimAll(String stream, String group, String consumer, Duration minIdle, int maxEntries);

    /**
     * Pending count, lowest and highest id, and count per consumer.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @return the summary; zero pending when nothing is pending
     * @throws io.redstream.core.NotFoundException the group does not exist
     */
    PendingSummary pending(String stream, String group);

    /**
     * Pending entries in detail.
     *
     * @param stream the stream name, checked against the naming policy
     * @param group the group name
     * @param query the id range, count, idle time and consumer to filter by
     * @return the pending entries matching the query, oldest first
     * @throws io.redstream.core.NotFoundException the group does not exist
     */
    List<PendingEntry> pendingEntries(String stream, String group, PendingQuery query);
}
