package io.redstream.mcp.tools;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.redstream.core.RedStream;
import io.redstream.core.ScanPage;
import io.redstream.core.stream.GroupInfo;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.PublishOptions;
import io.redstream.core.stream.StreamInfo;
import io.redstream.mcp.tool.Default;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.Limit;
import io.redstream.mcp.tool.Nullable;
import io.redstream.mcp.tool.Range;
import io.redstream.mcp.tool.Required;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/** Durable messaging: {@code stream_publish}, {@code stream_read}, {@code stream_info}, {@code stream_list}. */
final class StreamTools {

    private StreamTools() {
    }

    record PublishArgs(@Required @Doc(Conversions.STREAM) String stream,
            @Required @Range(min = 1, limit = Limit.COUNT) @Doc("The message: field names to values (a string, or any"
                    + " JSON value); at most {max_value_bytes} bytes in all") Map<String, Object> fields,
            @Range(min = 1) @Doc("Trim the stream to this many newest entries") Long maxlen,
            @Range(min = 1, max = 128) @Doc("Correlates messages across agents and services") String traceId) {
    }

    record PublishResult(String stream, @Doc("The new entry's id") String id, String traceId) {
    }

    static ToolDefinition<PublishArgs, PublishResult> publish() {
        return ToolDefinition.builder("stream_publish", PublishArgs.class, PublishResult.class)
                .title("Publish to a stream")
                .description("Appends a message to a stream (XADD) and returns its entry id. Streams are durable:"
                        + " they never expire; give maxlen to keep only the newest maxlen entries (exact trim)."
                        + " RedStream adds _timestamp, _source and _trace_id (trace_id, else a _trace_id field, else a"
                        + " new random id, returned as trace_id). Non-string field values are stored as JSON and read"
                        + " back typed. Needs the {domain}_write role.")
                .hints(ToolHints.write(false, false))
                .toolset(Toolset.STREAMS)
                .handler((args, call) -> {
                    String traceId = args.traceId() != null ? args.traceId()
                            : args.fields().get(MessageFields.TRACE_ID) instanceof String s && !s.isEmpty()
                                    && s.length() <= 128 ? s : newTraceId();
                    PublishOptions.Builder options = PublishOptions.builder().traceId(traceId);
                    if (args.maxlen() != null) {
                        options.maxLen(args.maxlen()).exactTrim(true);
                    }
                    String id = call.redis().streams().publish(args.stream(), args.fields(), options.build());
                    return new PublishResult(args.stream(), id, traceId);
                })
                .build();
    }

    static String newTraceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    record ReadArgs(@Required @Doc(Conversions.STREAM) String stream,
            @Range(min = 1) @Default("\"-\"") @Doc("Lowest id: an id, '(' + id (exclusive) or '-'") String start,
            @Range(min = 1) @Default("\"+\"") @Doc("Highest id: an id, '(' + id (exclusive) or '+'") String end,
            @Range(min = 1, limit = Limit.COUNT) @Default("100") @Doc("At most this many entries") int count,
            @Default("false") @Doc("Newest first") boolean reverse) {
    }

    record ReadResult(String stream, List<Entry> entries) {
    }

    static ToolDefinition<ReadArgs, ReadResult> read() {
        return ToolDefinition.builder("stream_read", ReadArgs.class, ReadResult.class)
                .title("Read stream entries")
                .description("Reads entries with ids between start and end (inclusive; '(' before an id excludes it;"
                        + " '-' and '+' are the ends), oldest first, or newest first with reverse (XRANGE/XREVRANGE)."
                        + " Does not block and does not touch consumer groups. A stream that does not exist has no"
                        + " entries. Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.STREAMS)
                .handler((args, call) -> {
                    RedStream rs = call.redis();
                    var entries = args.reverse()
                            ? rs.streams().reverseRange(args.stream(), args.end(), args.start(), args.count())
                            : rs.streams().range(args.stream(), args.start(), args.end(), args.count());
                    return new ReadResult(args.stream(), Entry.all(entries, false));
                })
                .build();
    }

    record InfoArgs(@Required @Doc(Conversions.STREAM) String stream) {
    }

    record Group(String name, long consumers, long pending, String lastDeliveredId,
            @Nullable @Doc("Entries not yet delivered to the group; null when Redis cannot tell") Long lag) {
    }

    record InfoResult(String stream, long length, @Nullable String firstId, @Nullable String lastId,
            List<Group> groups) {
    }

    static ToolDefinition<InfoArgs, InfoResult> info() {
        return ToolDefinition.builder("stream_info", InfoArgs.class, InfoResult.class)
                .title("Stream info")
                .description("A stream's length, first and last entry ids, and its consumer groups with their"
                        + " consumers, pending entries, last delivered id and lag (entries not yet delivered; null when"
                        + " Redis cannot tell). NOT_FOUND when the stream does not exist. Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.STREAMS)
                .handler((args, call) -> {
                    StreamInfo info = call.redis().streams().info(args.stream());
                    List<Group> groups = info.groups().stream()
                            .map((GroupInfo g) -> new Group(g.name(), g.consumers(), g.pending(), g.lastDeliveredId(),
                                    g.lag()))
                            .toList();
                    return new InfoResult(info.stream(), info.length(), info.firstId(), info.lastId(), groups);
                })
                .build();
    }

    record ListArgs(
            @Default("\"{namespace}:*\"") @Doc("Glob over stream names; * is the only wildcard and the namespace"
                    + " segment must be literal, e.g. {namespace}:task:*") String pattern,
            @Default("\"0\"") @Doc(Conversions.CURSOR) String cursor,
            @Range(min = 1, limit = Limit.COUNT) @Default("100") @Doc("Page size hint (SCAN COUNT)") int count) {
    }

    record ListResult(List<String> streams, @Doc("\"0\" when the listing is complete") String cursor) {
    }

    static ToolDefinition<ListArgs, ListResult> list() {
        return ToolDefinition.builder("stream_list", ListArgs.class, ListResult.class)
                .title("List streams")
                .description("Lists streams matching a pattern, one page per call (SCAN ... TYPE stream), showing"
                        + " only streams the caller may read. A page may be empty while the cursor is not \"0\": call"
                        + " again with the returned cursor until it is \"0\".")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.STREAMS)
                .handler((args, call) -> {
                    ScanPage page = call.redis().streams().list(args.pattern(), args.cursor(), args.count());
                    return new ListResult(page.names(), page.cursor());
                })
                .build();
    }
}
