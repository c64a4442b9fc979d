package io.redstream.mcp.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.redstream.core.RedStream;
import io.redstream.core.ScanPage;
import io.redstream.core.stream.GroupInfo;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.PublishOptions;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.stream.StreamInfo;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.ToolHints;
import io.redstream.mcp.tools.ToolSpec;

/** Durable messaging: {@code stream_publish}, {@code stream_read}, {@code stream_info}, {@code stream_list}. */
final class StreamTools {

    private StreamTools() {
    }

    static ToolSpec publish(ToolKit kit) {
        return ToolSpec.builder("stream_publish")
                .title("Publish to a stream")
                .description("Appends a message to a stream (XADD) and returns its entry id. Streams are durable:"
                        + " they never expire; give maxlen to keep only the newest maxlen entries (exact trim)."
                        + " RedStream adds _timestamp, _source and _trace_id (trace_id, else a _trace_id field, else a"
                        + " new random id, returned as trace_id). Non-string field values are stored as JSON and read"
                        + " back typed. Needs the {domain}_write role.")
                .hints(ToolHints.write(false, false))
                .input(Schemas.object()
                        .required("stream", ToolKit.stream())
                        .required("fields", Schemas.map(kit.value("A field value: string, or any JSON value"))
                                .nonEmpty().limit(kit.limits().maxCount(), "--max-count")
                                .description("The message: field names to values; at most "
                                        + kit.limits().maxValueBytes() + " bytes in all"))
                        .optional("maxlen", Schemas.integer().min(1).description("Trim the stream to this many newest entries"))
                        .optional("trace_id", Schemas.string().length(1, 128)
                                .description("Correlates messages across agents and services")))
                .output(Schemas.object()
                        .required("stream", Schemas.string())
                        .required("id", Schemas.string().description("The new entry's id"))
                        .required("trace_id", Schemas.string()))
                .handler(ToolKit.translated((args, ctx) -> {
                    String stream = args.string("stream");
                    Map<String, Object> fields = args.map("fields");
                    String traceId = args.optionalString("trace_id").orElseGet(() ->
                            fields.get(MessageFields.TRACE_ID) instanceof String s && !s.isEmpty() && s.length() <= 128
                                    ? s : ToolKit.newTraceId());
                    PublishOptions.Builder options = PublishOptions.builder().traceId(traceId);
                    args.optionalLong("maxlen").ifPresent(n -> options.maxLen(n).exactTrim(true));
                    String id = kit.redis(ctx).streams().publish(stream, fields, options.build());
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("stream", stream);
                    out.put("id", id);
                    out.put("trace_id", traceId);
                    return out;
                }))
                .build();
    }

    static ToolSpec read(ToolKit kit) {
        return ToolSpec.builder("stream_read")
                .title("Read stream entries")
                .description("Reads entries with ids between start and end (inclusive; '(' before an id excludes it;"
                        + " '-' and '+' are the ends), oldest first, or newest first with reverse (XRANGE/XREVRANGE)."
                        + " Does not block and does not touch consumer groups. A stream that does not exist has no"
                        + " entries. Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object()
                        .required("stream", ToolKit.stream())
                        .optional("start", Schemas.string().nonEmpty().defaultValue("-")
                                .description("Lowest id: an id, '(' + id (exclusive) or '-'"))
                        .optional("end", Schemas.string().nonEmpty().defaultValue("+")
                                .description("Highest id: an id, '(' + id (exclusive) or '+'"))
                        .optional("count", kit.count(100, "At most this many entries"))
                        .optional("reverse", Schemas.bool().defaultValue(false).description("Newest first")))
                .output(Schemas.object()
                        .required("stream", Schemas.string())
                        .required("entries", Schemas.array(ToolKit.entrySchema(false))))
                .handler(ToolKit.translated((args, ctx) -> {
                    String stream = args.string("stream");
                    RedStream rs = kit.redis(ctx);
                    List<StreamEntry> entries = args.bool("reverse")
                            ? rs.streams().reverseRange(stream, args.string("end"), args.string("start"), args.intValue("count"))
                            : rs.streams().range(stream, args.string("start"), args.string("end"), args.intValue("count"));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("stream", stream);
                    out.put("entries", entries(entries, false));
                    return out;
                }))
                .build();
    }

    static List<Object> entries(List<StreamEntry> entries, boolean groupRead) {
        List<Object> out = new ArrayList<>(entries.size());
        for (StreamEntry e : entries) {
            out.add(ToolKit.entry(e, groupRead));
        }
        return out;
    }

    static ToolSpec info(ToolKit kit) {
        return ToolSpec.builder("stream_info")
                .title("Stream info")
                .description("A stream's length, first and last entry ids, and its consumer groups with their"
                        + " consumers, pending entries, last delivered id and lag (entries not yet delivered; null when"
                        + " Redis cannot tell). NOT_FOUND when the stream does not exist. Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object().required("stream", ToolKit.stream()))
                .output(Schemas.object()
                        .required("stream", Schemas.string())
                        .required("length", Schemas.integer().min(0))
                        .required("first_id", Schemas.string().nullable())
                        .required("last_id", Schemas.string().nullable())
                        .required("groups", Schemas.array(Schemas.object()
                                .required("name", Schemas.string())
                                .required("consumers", Schemas.integer().min(0))
                                .required("pending", Schemas.integer().min(0))
                                .required("last_delivered_id", Schemas.string())
                                .required("lag", Schemas.integer().nullable()))))
                .handler(ToolKit.translated((args, ctx) -> {
                    StreamInfo info = kit.redis(ctx).streams().info(args.string("stream"));
                    List<Object> groups = new ArrayList<>(info.groups().size());
                    for (GroupInfo g : info.groups()) {
                        Map<String, Object> group = new LinkedHashMap<>();
                        group.put("name", g.name());
                        group.put("consumers", g.consumers());
                        group.put("pending", g.pending());
                        group.put("last_delivered_id", g.lastDeliveredId());
                        group.put("lag", g.lag());
                        groups.add(group);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("stream", info.stream());
                    out.put("length", info.length());
                    out.put("first_id", info.firstId());
                    out.put("last_id", info.lastId());
                    out.put("groups", groups);
                    return out;
                }))
                .build();
    }

    static ToolSpec list(ToolKit kit) {
        return ToolSpec.builder("stream_list")
                .title("List streams")
                .description("Lists streams matching a pattern, one page per call (SCAN ... TYPE stream), showing"
                        + " only streams the caller may read. A page may be empty while the cursor is not \"0\": call"
                        + " again with the returned cursor until it is \"0\".")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object()
                        .optional("pattern", ToolKit.pattern("stream"))
                        .optional("cursor", ToolKit.cursor())
                        .optional("count", kit.count(100, "Page size hint (SCAN COUNT)")))
                .output(Schemas.object()
                        .required("streams", Schemas.array(Schemas.string()))
                        .required("cursor", Schemas.string().description("\"0\" when the listing is complete")))
                .handler(ToolKit.translated((args, ctx) -> {
                    ScanPage page = kit.redis(ctx).streams().list(args.string("pattern"), args.string("cursor"),
                            args.intValue("count"));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("streams", page.names());
                    out.put("cursor", page.cursor());
                    return out;
                }))
                .build();
    }
}
