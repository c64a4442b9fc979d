package io.redstream.mcp.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.RedStream;
import io.redstream.core.stream.AutoClaimResult;
import io.redstream.core.stream.PendingEntry;
import io.redstream.core.stream.PendingQuery;
import io.redstream.core.stream.PendingSummary;
import io.redstream.core.stream.StreamEntry;
import io.redstream.mcp.tool.Default;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.Limit;
import io.redstream.mcp.tool.Nullable;
import io.redstream.mcp.tool.Range;
import io.redstream.mcp.tool.Required;
import io.redstream.mcp.tool.ToolCall;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/**
 * Consumer groups: {@code stream_group_create}, {@code stream_group_read}, {@code stream_ack},
 * {@code stream_claim}, {@code stream_pending}.
 */
final class GroupTools {

    static final String CREATE_HINT = "create the group with stream_group_create";

    /**
     * A blocking group read waits in slices of at most this long, so a cancelled call ends within one slice. An
     * entry that arrives during a slice is returned at once, so slicing costs one round trip per slice, not latency.
     */
    static final Duration BLOCK_SLICE = Duration.ofSeconds(1);

    private GroupTools() {
    }

    static List<ToolDefinition<?, ?>> all() {
        return List.of(create(), read(), ack(), claim(), pending());
    }

    record CreateArgs(@Required @Doc(Conversions.STREAM) String stream, @Required @Doc(Conversions.GROUP) String group,
            @Default("\"$\"") @Doc("Deliver entries after this id: '$' (only new ones), '0' (all) or an id")
            String startId) {
    }

    record CreateResult(String stream, String group, @Doc("false when the group already existed") boolean created) {
    }

    static ToolDefinition<CreateArgs, CreateResult> create() {
        return ToolDefinition.builder("stream_group_create", CreateArgs.class, CreateResult.class)
                .title("Create a consumer group")
                .description("Creates a consumer group on a stream (creating the stream if needed). start_id '$'"
                        + " (default) delivers only entries added from now on, '0' everything already in the stream."
                        + " Idempotent: created is false when the group already existed. Needs the {domain}_write role.")
                .hints(ToolHints.write(false, true))
                .toolset(Toolset.STREAMS)
                .handler((args, call) -> new CreateResult(args.stream(), args.group(),
                        call.redis().groups().create(args.stream(), args.group(), args.startId())))
                .build();
    }

    record ReadArgs(@Required @Doc(Conversions.STREAM) String stream, @Required @Doc(Conversions.GROUP) String group,
            @Required @Doc(Conversions.CONSUMER) String consumer,
            @Range(min = 1, limit = Limit.COUNT) @Default("10") @Doc("At most this many entries") int count,
            @Range(min = 0, limit = Limit.BLOCK_MS) @Default("0")
            @Doc("Wait up to this long (milliseconds) for new entries; 0 does not wait") long blockMs,
            @Default("false") @Doc("Re-read this consumer's pending entries instead of new ones") boolean pending) {
    }

    record ReadResult(List<Entry> entries) {
    }

    static ToolDefinition<ReadArgs, ReadResult> read() {
        return ToolDefinition.builder("stream_group_read", ReadArgs.class, ReadResult.class)
                .title("Read as a group consumer")
                .description("Reads new entries for a consumer of a group (XREADGROUP '>'), waiting up to block_ms"
                        + " for some to arrive. Entries stay pending for this consumer until acknowledged with"
                        + " stream_ack. With pending true it re-reads this consumer's own pending entries instead (id"
                        + " 0, with delivery counts; block_ms does not apply). Needs the {domain}_read role.")
                .hints(ToolHints.write(false, false))
                .toolset(Toolset.STREAMS)
                .notFoundHint(CREATE_HINT)
                .waitsWhen(args -> !args.pending() && args.blockMs() > 0)
                .handler((args, call) -> {
                    RedStream rs = call.redis();
                    if (args.pending()) {
                        return new ReadResult(Entry.all(
                                rs.groups().readPending(args.stream(), args.group(), args.consumer(), args.count()), true));
                    }
                    return new ReadResult(Entry.all(readNew(rs, args, call), true));
                })
                .build();
    }

    /** {@code XREADGROUP >}, waiting up to {@code block_ms} in slices; stops early when the call is cancelled. */
    private static List<StreamEntry> readNew(RedStream rs, ReadArgs args, ToolCall call) {
        long deadline = System.nanoTime() + Duration.ofMillis(args.blockMs()).toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Duration block = left <= 0 ? Duration.ZERO : Duration.ofMillis(Math.max(1, Math.min(left, BLOCK_SLICE.toNanos())
                    / 1_000_000));
            List<StreamEntry> got = rs.groups().read(args.stream(), args.group(), args.consumer(), args.count(), block);
            if (!got.isEmpty() || left <= 0 || call.cancelled() || System.nanoTime() >= deadline) {
                return got;
            }
        }
    }

    record AckArgs(@Required @Doc(Conversions.STREAM) String stream, @Required @Doc(Conversions.GROUP) String group,
            @Required @Range(min = 1, limit = Limit.COUNT) @Doc("Entry ids to acknowledge, e.g. 1700000000000-0")
            List<String> ids) {
    }

    record AckResult(@Doc("How many of the ids were pending") long acknowledged) {
    }

    static ToolDefinition<AckArgs, AckResult> ack() {
        return ToolDefinition.builder("stream_ack", AckArgs.class, AckResult.class)
                .title("Acknowledge entries")
                .description("Acknowledges entries a group consumer has processed (XACK), removing them from the"
                        + " group's pending list. Returns how many were pending. Needs the {domain}_read role.")
                .hints(ToolHints.write(false, true))
                .toolset(Toolset.STREAMS)
                .notFoundHint(CREATE_HINT)
                .handler((args, call) -> new AckResult(
                        call.redis().groups().ack(args.stream(), args.group(), args.ids())))
                .build();
    }

    record ClaimArgs(@Required @Doc(Conversions.STREAM) String stream, @Required @Doc(Conversions.GROUP) String group,
            @Required @Doc("The consumer that takes the entries over") String consumer,
            @Required @Range(min = 0, max = Conversions.MAX_TTL_SECONDS * 1000)
            @Doc("Only entries idle at least this long (milliseconds)") long minIdleMs,
            @Range(min = 1, limit = Limit.COUNT) @Doc("Without ids: at most this many entries (default 100)") Integer count,
            @Range(min = 1, limit = Limit.COUNT) @Doc("Claim exactly these entries") List<String> ids,
            @Doc("Without ids: where to continue the scan; default 0-0") String cursor) {

        ClaimArgs {
            if (ids != null && (count != null || cursor != null)) {
                throw new InvalidArgumentException("count and cursor apply only without ids (auto-claim); remove"
                        + " them, or remove ids");
            }
        }
    }

    record ClaimResult(List<Entry> entries, List<String> deletedIds,
            @Doc("Where the next scan continues; \"0-0\" when the pending list was scanned to its end (always \"0-0\""
                    + " with ids)") String cursor) {
    }

    static ToolDefinition<ClaimArgs, ClaimResult> claim() {
        return ToolDefinition.builder("stream_claim", ClaimArgs.class, ClaimResult.class)
                .title("Claim idle entries")
                .description("Takes over pending entries that have been idle at least min_idle_ms, e.g. from a"
                        + " crashed consumer. With ids: claims exactly those (XCLAIM). Without ids: scans the group's"
                        + " pending list from cursor (XAUTOCLAIM) and claims up to count entries; call again with the"
                        + " returned cursor until it is \"0-0\". deleted_ids are entries that were pending but no longer"
                        + " exist; Redis dropped them from the pending list. Needs the {domain}_read role.")
                .hints(ToolHints.write(false, false))
                .toolset(Toolset.STREAMS)
                .notFoundHint(CREATE_HINT)
                .handler((args, call) -> {
                    RedStream rs = call.redis();
                    Duration minIdle = Duration.ofMillis(args.minIdleMs());
                    if (args.ids() != null) {
                        return new ClaimResult(Entry.all(rs.groups().claim(args.stream(), args.group(),
                                args.consumer(), minIdle, args.ids()), true), List.of(), "0-0");
                    }
                    int count = args.count() != null ? args.count()
                            : (int) Math.min(100, call.settings().limits().maxCount());
                    AutoClaimResult r = rs.groups().autoClaim(args.stream(), args.group(), args.consumer(), minIdle,
                            args.cursor() == null ? "0-0" : args.cursor(), count);
                    return new ClaimResult(Entry.all(r.entries(), true), r.deletedIds(), r.nextCursor());
                })
                .build();
    }

    record PendingArgs(@Required @Doc(Conversions.STREAM) String stream, @Required @Doc(Conversions.GROUP) String group,
            @Doc("Only this consumer's entries in the detail") String consumer,
            @Range(min = 1, limit = Limit.COUNT) @Default("100") @Doc("At most this many entries in the detail")
            int count) {
    }

    record ConsumerPending(String name, long pending) {
    }

    record PendingDetail(String id, String consumer, long idleMs, long deliveries) {
    }

    record PendingResult(long count, @Nullable String lowestId, @Nullable String highestId,
            List<ConsumerPending> consumers, List<PendingDetail> entries) {
    }

    static ToolDefinition<PendingArgs, PendingResult> pending() {
        return ToolDefinition.builder("stream_pending", PendingArgs.class, PendingResult.class)
                .title("Pending entries of a group")
                .description("The group's pending list (XPENDING): how many entries are delivered but not"
                        + " acknowledged, the lowest and highest pending id, the count per consumer, and up to count"
                        + " pending entries in detail (who holds each, idle time, delivery count), oldest first. With"
                        + " consumer, the detail lists only that consumer's entries (the summary stays group-wide)."
                        + " Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.STREAMS)
                .notFoundHint(CREATE_HINT)
                .handler((args, call) -> {
                    RedStream rs = call.redis();
                    PendingQuery query = PendingQuery.first(args.count());
                    if (args.consumer() != null) {
                        query = query.withConsumer(args.consumer());
                    }
                    PendingSummary summary = rs.groups().pending(args.stream(), args.group());
                    List<PendingEntry> detail = summary.count() == 0 ? List.of()
                            : rs.groups().pendingEntries(args.stream(), args.group(), query);
                    List<ConsumerPending> consumers = new ArrayList<>();
                    new TreeMap<>(summary.consumers()).forEach((name, n) -> consumers.add(new ConsumerPending(name, n)));
                    List<PendingDetail> entries = detail.stream()
                            .map(e -> new PendingDetail(e.id(), e.consumer(), e.idle().toMillis(), e.deliveries()))
                            .toList();
                    return new PendingResult(summary.count(), summary.lowestId(), summary.highestId(), consumers,
                            entries);
                })
                .build();
    }
}
