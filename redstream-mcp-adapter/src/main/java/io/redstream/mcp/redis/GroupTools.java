package io.redstream.mcp.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.redstream.core.RedStream;
import io.redstream.core.stream.AutoClaimResult;
import io.redstream.core.stream.PendingEntry;
import io.redstream.core.stream.PendingQuery;
import io.redstream.core.stream.PendingSummary;
import io.redstream.core.stream.StreamEntry;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.ToolException;
import io.redstream.mcp.tools.ToolHints;
import io.redstream.mcp.tools.ToolSpec;

/**
 * Consumer groups: {@code stream_group_create}, {@code stream_group_read}, {@code stream_ack},
 * {@code stream_claim}, {@code stream_pending}.
 */
final class GroupTools {

    static final int DEFAULT_CLAIM_COUNT = 100;

    private GroupTools() {
    }

    static List<ToolSpec> all(ToolKit kit) {
        return List.of(create(kit), read(kit), ack(kit), claim(kit), pending(kit));
    }

    static ToolSpec create(ToolKit kit) {
        return ToolSpec.builder("stream_group_create")
                .title("Create a consumer group")
                .description("Creates a consumer group on a stream (creating the stream if needed). start_id '$'"
                        + " (default) delivers only entries added from now on, '0' everything already in the stream."
                        + " Idempotent: created is false when the group already existed. Needs the {domain}_write role.")
                .hints(ToolHints.write(false, true))
                .input(Schemas.object()
                        .required("stream", ToolKit.stream())
                        .required("group", ToolKit.group("Group name"))
                        .optional("start_id", Schemas.string().pattern("^(\\$|[0-9]{1,20}(-[0-9]{1,20})?)$",
                                "'$', '0' or an entry id").defaultValue("$")
                                .description("Deliver entries after this id: '$' (only new ones), '0' (all) or an id")))
                .output(Schemas.object()
                        .required("stream", Schemas.string())
                        .required("group", Schemas.string())
                        .required("created", Schemas.bool().description("false when the group already existed")))
                .handler(ToolKit.translated((args, ctx) -> {
                    String stream = args.string("stream");
                    String group = args.string("group");
                    boolean created = kit.redis(ctx).groups().create(stream, group, args.string("start_id"));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("stream", stream);
                    out.put("group", group);
                    out.put("created", created);
                    return out;
                }))
                .build();
    }

    static ToolSpec read(ToolKit kit) {
        long maxBlock = kit.limits().maxBlockMillis();
        return ToolSpec.builder("stream_group_read")
                .title("Read as a group consumer")
                .description("Reads new entries for a consumer of a group (XREADGROUP '>'), waiting up to block_ms"
                        + " for some to arrive. Entries stay pending for this consumer until acknowledged with"
                        + " stream_ack. With pending true it re-reads this consumer's own pending entries instead (id"
                        + " 0, with delivery counts; block_ms does not apply). Needs the {domain}_read role.")
                .hints(ToolHints.write(false, false))
                .input(Schemas.object()
                        .required("stream", ToolKit.stream())
                        .required("group", ToolKit.group("Group name"))
                        .required("consumer", ToolKit.group("Consumer name, unique per worker"))
                        .optional("count", kit.count(10, "At most this many entries"))
                        .optional("block_ms", Schemas.integer().min(0).limit(maxBlock, "--max-block-ms").defaultValue(0L)
                                .description("Wait up to this long for new entries; 0 does not wait"))
                        .optional("pending", Schemas.bool().defaultValue(false)
                                .description("Re-read this consumer's pending entries instead of new ones")))
                .output(Schemas.object()
                        .required("entries", Schemas.array(ToolKit.entrySchema(true))))
                .handler(ToolKit.translatedForGroups((args, ctx) -> {
                    RedStream rs = kit.redis(ctx);
                    String stream = args.string("stream");
                    String group = args.string("group");
                    String consumer = args.string("consumer");
                    int count = args.intValue("count");
                    List<StreamEntry> entries = args.bool("pending")
                            ? rs.groups().readPending(stream, group, consumer, count)
                            : rs.groups().read(stream, group, consumer, count, Duration.ofMillis(args.longValue("block_ms")));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("entries", StreamTools.entries(entries, true));
                    return out;
                }))
                .build();
    }

    static ToolSpec ack(ToolKit kit) {
        return ToolSpec.builder("stream_ack")
                .title("Acknowledge entries")
                .description("Acknowledges entries a group consumer has processed (XACK), removing them from the"
                        + " group's pending list. Returns how many were pending. Needs the {domain}_read role.")
                .hints(ToolHints.write(false, true))
                .input(Schemas.object()
                        .required("stream", ToolKit.stream())
                        .required("group", ToolKit.group("Group name"))
                        .required("ids", kit.names(ToolKit.entryId("Entry id"), "Entry ids to acknowledge").nonEmpty()))
                .output(Schemas.object().required("acknowledged", Schemas.integer().min(0)
                        .description("How many of the ids were pending")))
                .handler(ToolKit.translatedForGroups((args, ctx) -> Map.of("acknowledged",
                        kit.redis(ctx).groups().ack(args.string("stream"), args.string("group"), args.stringList("ids")))))
                .build();
    }

    static ToolSpec claim(ToolKit kit) {
        return ToolSpec.builder("stream_claim")
                .title("Claim idle entries")
                .description("Takes over pending entries that have been idle at least min_idle_ms, e.g. from a"
                        + " crashed consumer. With ids: claims exactly those (XCLAIM). Without ids: scans the group's"
                        + " pending list from cursor (XAUTOCLAIM) and claims up to count entries; call again with the"
                        + " returned cursor until it is \"0-0\". deleted_ids are entries that were pending but no longer"
                        + " exist; Redis dropped them from the pending list. Needs the {domain}_read role.")
                .hints(ToolHints.write(false, false))
                .input(Schemas.object()
                        .required("stream", ToolKit.stream())
                        .required("group", ToolKit.group("Group name"))
                        .required("consumer", ToolKit.group("The consumer that takes the entries over"))
                        .required("min_idle_ms", Schemas.integer().range(0, ToolKit.MAX_IDLE_MS)
                                .description("Only entries idle at least this long"))
                        .optional("count", kit.count(0, "Without ids: at most this many entries (default "
                                + Math.min(DEFAULT_CLAIM_COUNT, kit.limits().maxCount()) + ")"))
                        .optional("ids", kit.names(ToolKit.entryId("Entry id"), "Claim exactly these entries").nonEmpty())
                        .optional("cursor", ToolKit.entryId("Without ids: where to continue the scan; default 0-0")))
                .output(Schemas.object()
                        .required("entries", Schemas.array(ToolKit.entrySchema(true)))
                        .required("deleted_ids", Schemas.array(Schemas.string()))
                        .required("cursor", Schemas.string().description("Where the next scan continues; \"0-0\" when"
                                + " the pending list was scanned to its end (always \"0-0\" with ids)")))
                .handler(ToolKit.translatedForGroups((args, ctx) -> {
                    RedStream rs = kit.redis(ctx);
                    String stream = args.string("stream");
                    String group = args.string("group");
                    String consumer = args.string("consumer");
                    Duration minIdle = Duration.ofMillis(args.longValue("min_idle_ms"));
                    List<String> ids = args.stringList("ids");
                    Map<String, Object> out = new LinkedHashMap<>();
                    if (!ids.isEmpty()) {
                        if (args.has("count") || args.has("cursor")) {
                            throw ToolException.invalidArgument("count and cursor apply only without ids (auto-claim);"
                                    + " remove them, or remove ids");
                        }
                        out.put("entries", StreamTools.entries(rs.groups().claim(stream, group, consumer, minIdle, ids), true));
                        out.put("deleted_ids", List.of());
                        out.put("cursor", "0-0");
                    } else {
                        int count = args.optionalLong("count").isPresent() ? args.intValue("count")
                                : Math.min(DEFAULT_CLAIM_COUNT, kit.limits().maxCount());
                        AutoClaimResult r = rs.groups().autoClaim(stream, group, consumer, minIdle,
                                args.optionalString("cursor").orElse("0-0"), count);
                        out.put("entries", StreamTools.entries(r.entries(), true));
                        out.put("deleted_ids", r.deletedIds());
                        out.put("cursor", r.nextCursor());
                    }
                    return out;
                }))
                .build();
    }

    static ToolSpec pending(ToolKit kit) {
        return ToolSpec.builder("stream_pending")
                .title("Pending entries of a group")
                .description("The group's pending list (XPENDING): how many entries are delivered but not"
                        + " acknowledged, the lowest and highest pending id, the count per consumer, and up to count"
                        + " pending entries in detail (who holds each, idle time, delivery count), oldest first. With"
                        + " consumer, the detail lists only that consumer's entries (the summary stays group-wide)."
                        + " Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object()
                        .required("stream", ToolKit.stream())
                        .required("group", ToolKit.group("Group name"))
                        .optional("consumer", ToolKit.group("Only this consumer's entries in the detail"))
                        .optional("count", kit.count(100, "At most this many entries in the detail")))
                .output(Schemas.object()
                        .required("count", Schemas.integer().min(0))
                        .required("lowest_id", Schemas.string().nullable())
                        .required("highest_id", Schemas.string().nullable())
                        .required("consumers", Schemas.array(Schemas.object()
                                .required("name", Schemas.string())
                                .required("pending", Schemas.integer().min(0))))
                        .required("entries", Schemas.array(Schemas.object()
                                .required("id", Schemas.string())
                                .required("consumer", Schemas.string())
                                .required("idle_ms", Schemas.integer().min(0))
                                .required("deliveries", Schemas.integer().min(0)))))
                .handler(ToolKit.translatedForGroups((args, ctx) -> {
                    RedStream rs = kit.redis(ctx);
                    String stream = args.string("stream");
                    String group = args.string("group");
                    PendingQuery query = PendingQuery.first(args.intValue("count"));
                    if (args.has("consumer")) {
                        query = query.withConsumer(args.string("consumer"));
                    }
                    PendingSummary summary = rs.groups().pending(stream, group);
                    List<PendingEntry> detail = summary.count() == 0 ? List.of()
                            : rs.groups().pendingEntries(stream, group, query);
                    List<Object> consumers = new ArrayList<>();
                    new TreeMap<>(summary.consumers()).forEach((name, n) -> {
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("name", name);
                        c.put("pending", n);
                        consumers.add(c);
                    });
                    List<Object> entries = new ArrayList<>(detail.size());
                    for (PendingEntry e : detail) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("id", e.id());
                        item.put("consumer", e.consumer());
                        item.put("idle_ms", e.idle().toMillis());
                        item.put("deliveries", e.deliveries());
                        entries.add(item);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("count", summary.count());
                    out.put("lowest_id", summary.lowestId());
                    out.put("highest_id", summary.highestId());
                    out.put("consumers", consumers);
                    out.put("entries", entries);
                    return out;
                }))
                .build();
    }
}
