package io.redstream.core.internal;

import static java.util.Objects.requireNonNull;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.LimitExceededException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStreamException;
import io.redstream.core.ScanPage;
import io.micrometer.observation.Observation;
import io.redstream.core.access.Action;
import io.redstream.core.internal.observation.PublishObservation;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.ResourceName;
import io.redstream.core.stream.BatcherSettings;
import io.redstream.core.stream.EntryIds;
import io.redstream.core.stream.GroupInfo;
import io.redstream.core.stream.PublishBatcher;
import io.redstream.core.stream.PublishOptions;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.stream.StreamInfo;
import io.redstream.core.stream.StreamOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XTrimParams;

/** {@link StreamOperations} over a {@link RedisGateway}. */
public final class DefaultStreamOperations implements StreamOperations {
    private final ClientContext ctx;
    private final ConsumerGroupLister groups;
    private final StreamReader reader;
    private final KeyScanner scanner;

    /**
     * Stream operations of one client view.
     *
     * @param ctx the view's context: gateway, naming, guard, limits, encoder and observations
     */
    public DefaultStreamOperations(ClientContext ctx) {
        this.ctx = ctx;
        this.groups = new ConsumerGroupLister(ctx.gateway());
        this.reader = new StreamReader(ctx);
        this.scanner = new KeyScanner(ctx.gateway());
    }

    @Override
    public String publish(String stream, Map<String, ?> fields) {
        return publish(stream, fields, PublishOptions.DEFAULT);
    }

    @Override
    public String publish(String stream, Map<String, ?> fields, PublishOptions options) {
        requireNonNull(options, "options");
        ResourceName name = ctx.authorize(Action.STREAM_PUBLISH, stream);
        String key = name.redisName();
        EncodedMessage message = ctx.encoder().encode(stream, fields, options.traceId());
        Observation observation = PublishObservation.start(ctx.observations(), key);
        EncodedMessage encoded = PublishObservation.traced(observation, message);
        try {
            String id = send(key, encoded, options);
            PublishObservation.stop(observation, id);
            return id;
        } catch (RuntimeException e) {
            PublishObservation.fail(observation, e);
            throw e;
        }
    }

    private String send(String key, EncodedMessage encoded, PublishOptions options) {
        XAddParams params = params(options, options.id());
        try {
            String id = ctx.gateway().call(Operation.STREAM_PUBLISH, key,
                    j -> j.executeCommand(XAdd.command(key, params, encoded)));
            if (id == null) {
                throw new NotFoundException("publish to " + key + " failed: the stream does not exist and noCreate"
                        + " was set");
            }
            return id;
        } catch (InvalidArgumentException e) {
            if (options.id() != null && isIdTooSmall(e)) {
                return existingOrConflict(key, options.id(), e);
            }
            throw e;
        }
    }

    /** A retried publish with a client id finds its first attempt already stored: report that id, add nothing. */
    private String existingOrConflict(String key, String id, RuntimeException original) {
        List<redis.clients.jedis.resps.StreamEntry> found =
                ctx.gateway().call(Operation.STREAM_PUBLISH, key, j -> j.xrange(key, id, id, 1));
        if (found != null && !found.isEmpty()) {
            return found.get(0).getID().toString();
        }
        throw new io.redstream.core.ConflictException("publish to " + key + " failed: id " + id
                + " is not above the stream's last id, and no entry with that id exists", original);
    }

    private static boolean isIdTooSmall(RuntimeException e) {
        return e.getMessage() != null && e.getMessage().contains("equal or smaller");
    }

    private static XAddParams params(PublishOptions o, String id) {
        return XAddParamsFactory.of(o, id);
    }

    @Override
    public List<String> publishBatch(String stream, List<? extends Map<String, ?>> messages, PublishOptions options) {
        requireNonNull(options, "options");
        ResourceName name = ctx.authorize(Action.STREAM_PUBLISH, stream);
        if (messages == null || messages.isEmpty()) {
            throw new InvalidArgumentException("messages must not be empty (stream '" + stream + "')");
        }
        if (messages.size() > ctx.limits().maxBatchSize()) {
            throw new LimitExceededException("messages must be at most " + ctx.limits().maxBatchSize()
                    + " per batch, but were " + messages.size());
        }
        List<EncodedMessage> encoded = new ArrayList<>(messages.size());
        for (Map<String, ?> m : messages) {
            encoded.add(ctx.encoder().encode(stream, m, options.traceId()));
        }
        List<String> ids = explicitIds(options.id(), messages.size());
        String key = name.redisName();
        Observation observation = PublishObservation.startBatch(ctx.observations(), key, encoded.size());
        List<EncodedMessage> traced = PublishObservation.traced(observation, encoded);
        try {
            List<String> written = sendBatch(key, traced, ids, options);
            observation.stop();
            return written;
        } catch (RuntimeException e) {
            PublishObservation.fail(observation, e);
            throw e;
        }
    }

    private List<String> sendBatch(String key, List<EncodedMessage> encoded, List<String> ids,
            PublishOptions options) {
        return ctx.gateway().call(Operation.STREAM_PUBLISH_BATCH, key, j -> {
            List<Response<String>> responses = new ArrayList<>(encoded.size());
            XAddParams shared = ids == null ? params(options, null) : null;
            try (AbstractPipeline p = j.pipelined()) {
                for (int i = 0; i < encoded.size(); i++) {
                    XAddParams params = shared != null ? shared : params(options, ids.get(i));
                    responses.add(p.executeCommand(XAdd.command(key, params, encoded.get(i))));
                }
                p.sync();
            }
            return collect(key, responses);
        });
    }

    private static List<String> explicitIds(String first, int n) {
        if (first == null) {
            return null;
        }
        int dash = first.indexOf('-');
        String ms = first.substring(0, dash);
        String seqPart = first.substring(dash + 1);
        if (seqPart.equals("*")) {
            throw new InvalidArgumentException("options.id of a batch must be a full <ms>-<seq> id, but was '"
                    + first + "'");
        }
        long seq = Long.parseLong(seqPart);
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(ms + "-" + (seq + i));
        }
        return ids;
    }

    private static List<String> collect(String key, List<Response<String>> responses) {
        List<String> ids = new ArrayList<>(responses.size());
        for (int i = 0; i < responses.size(); i++) {
            String id;
            try {
                id = responses.get(i).get();
            } catch (RuntimeException e) {
                RedStreamException t = ErrorTranslator.translate(Operation.STREAM_PUBLISH_BATCH, key, e);
                throw new RedStreamException(t.code(), t.getMessage() + " (message " + i + " of " + responses.size()
                        + "; " + ids.size() + " earlier messages were written: " + ids + ")", e);
            }
            if (id == null) {
                throw new NotFoundException("publish batch to " + key + " failed: the stream does not exist and"
                        + " noCreate was set");
            }
            ids.add(id);
        }
        return ids;
    }

    @Override
    public PublishBatcher batcher(BatcherSettings settings) {
        requireNonNull(settings, "settings");
        return new DefaultPublishBatcher(ctx, settings);
    }

    @Override
    public List<StreamEntry> range(String stream, String start, String end, int count) {
        return range(stream, "start", start, "end", end, count, false);
    }

    @Override
    public List<StreamEntry> reverseRange(String stream, String end, String start, int count) {
        return range(stream, "end", end, "start", start, count, true);
    }

    /** XRANGE from {@code first} to {@code second}, or XREVRANGE when {@code reverse} (then first is the end). */
    private List<StreamEntry> range(String stream, String firstName, String first, String secondName,
            String second, int count, boolean reverse) {
        ResourceName name = ctx.authorize(Action.STREAM_READ, stream);
        String a = EntryIds.requireBound(firstName, first);
        String b = EntryIds.requireBound(secondName, second);
        int n = Arguments.count("count", count, ctx.limits());
        String key = name.redisName();
        return Entries.of(key, reverse
                ? ctx.gateway().call(Operation.STREAM_REVRANGE, key, j -> j.xrevrange(key, a, b, n))
                : ctx.gateway().call(Operation.STREAM_RANGE, key, j -> j.xrange(key, a, b, n)));
    }

    @Override
    public List<StreamEntry> latest(String stream, int count) {
        return reverseRange(stream, "+", "-", count);
    }

    @Override
    public Map<String, List<StreamEntry>> read(Map<String, String> offsets, int count, Duration block) {
        if (offsets == null || offsets.isEmpty()) {
            throw new InvalidArgumentException("offsets must name at least one stream");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : offsets.entrySet()) {
            ResourceName name = ctx.authorize(Action.STREAM_READ, e.getKey());
            checked.put(name.redisName(), EntryIds.requireOffset("offset of " + e.getKey(), e.getValue()));
        }
        int n = Arguments.count("count", count, ctx.limits());
        int blockMs = Arguments.block("block", block, ctx.limits());
        return reader.read(checked, n, blockMs);
    }

    @Override
    public long length(String stream) {
        ResourceName name = ctx.authorize(Action.STREAM_INFO, stream);
        String key = name.redisName();
        return ctx.gateway().call(Operation.STREAM_LENGTH, key, j -> j.xlen(key));
    }

    @Override
    public StreamInfo info(String stream) {
        ResourceName name = ctx.authorize(Action.STREAM_INFO, stream);
        String key = name.redisName();
        redis.clients.jedis.resps.StreamInfo info;
        try {
            info = ctx.gateway().call(Operation.STREAM_INFO, key, j -> j.xinfoStream(key));
        } catch (InvalidArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                throw new NotFoundException("stream '" + key + "' does not exist", e);
            }
            throw e;
        }
        List<GroupInfo> groupInfos = info.getGroups() == 0 ? List.of() : groups.list(key);
        return new StreamInfo(key, info.getLength(), idOf(info.getFirstEntry()), idOf(info.getLastEntry()),
                info.getLastGeneratedId() == null ? null : info.getLastGeneratedId().toString(), groupInfos);
    }

    private static String idOf(redis.clients.jedis.resps.StreamEntry e) {
        return e == null ? null : e.getID().toString();
    }

    @Override
    public ScanPage list(String pattern, String cursor, int count) {
        NamePattern p = ctx.naming().pattern(NameKind.STREAM, pattern == null ? ctx.naming().namespace() + ":*"
                : pattern);
        int n = Arguments.count("count", count, ctx.limits());
        KeyScanner.Page page = scanner.scan(p.redisPattern(), cursor == null ? "0" : cursor, n, "stream");
        return new ScanPage(Visible.filter(ctx, NameKind.STREAM, Action.STREAM_LIST, page.names()), page.cursor());
    }

    @Override
    public long trimToLength(String stream, long maxLen) {
        ResourceName name = ctx.authorize(Action.STREAM_PUBLISH, stream);
        if (maxLen < 0) {
            throw new InvalidArgumentException("maxLen must be zero or positive, but was " + maxLen);
        }
        String key = name.redisName();
        return ctx.gateway().call(Operation.STREAM_TRIM, key,
                j -> j.xtrim(key, XTrimParams.xTrimParams().maxLen(maxLen).approximateTrimming()));
    }

    @Override
    public long trimBefore(String stream, String minId) {
        ResourceName name = ctx.authorize(Action.STREAM_PUBLISH, stream);
        String id = EntryIds.requireId("minId", minId);
        String key = name.redisName();
        return ctx.gateway().call(Operation.STREAM_TRIM, key,
                j -> j.xtrim(key, XTrimParams.xTrimParams().minId(id).approximateTrimming()));
    }
}
