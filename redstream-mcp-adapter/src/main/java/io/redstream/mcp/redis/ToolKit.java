package io.redstream.mcp.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.redstream.core.NotFoundException;
import io.redstream.core.RedStream;
import io.redstream.core.RedStreamException;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.mcp.Limits;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tools.AnySchema;
import io.redstream.mcp.tools.ArraySchema;
import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.IntegerSchema;
import io.redstream.mcp.tools.ObjectSchema;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.StringSchema;
import io.redstream.mcp.tools.ToolContext;
import io.redstream.mcp.tools.ToolException;
import io.redstream.mcp.tools.ToolHandler;

/**
 * What the Redis tools share: the schema fragments of their arguments (names, ids, counts, TTLs), the
 * conversion of core results to structured content, and the translation of core exceptions to coded
 * tool errors. Immutable; thread-safe.
 */
final class ToolKit {

    static final String NAMESPACE = NamingPolicy.DEFAULT_NAMESPACE;
    static final String ID_REGEX = "^[0-9]{1,20}(-[0-9]{1,20})?$";
    static final String GROUP_REGEX = "^[A-Za-z0-9_.:-]{1,128}$";
    static final long MAX_IDLE_MS = ServerConfig.MAX_TTL_SECONDS * 1000;

    private final ServerConfig config;
    private final Callers callers;

    ToolKit(ServerConfig config, Callers callers) {
        this.config = config;
        this.callers = callers;
    }

    ServerConfig config() {
        return config;
    }

    Limits limits() {
        return config.limits();
    }

    long defaultTtlSeconds() {
        return config.defaultTtlSeconds();
    }

    /** The caller's guarded view: every operation is checked against the caller's roles before it runs. */
    RedStream redis(ToolContext context) {
        return callers.view(context);
    }

    RedisBackend backend() {
        return callers.backend();
    }

    // ---- argument schemas

    static StringSchema key(String what) {
        return Schemas.string().description(what + ": " + NAMESPACE + ":{domain}:{entity}:{function}[:more], segments"
                + " [A-Za-z0-9_-]+, e.g. " + NAMESPACE + ":agent:alpha:session:42");
    }

    static StringSchema channel() {
        return Schemas.string().description("Channel name: " + NAMESPACE + ":{domain}:{entity}:{function}[:more], e.g. "
                + NAMESPACE + ":broadcast:alerts:all");
    }

    static StringSchema stream() {
        return Schemas.string().description("Stream name: " + NAMESPACE + ":{domain}:{entity}:{function}, e.g. "
                + NAMESPACE + ":task:router:tasks");
    }

    static StringSchema group(String what) {
        return Schemas.string().pattern(GROUP_REGEX, "1 to 128 characters of [A-Za-z0-9_.:-]").description(what);
    }

    static StringSchema entryId(String what) {
        return Schemas.string().pattern(ID_REGEX, "a stream entry id such as 1700000000000-0").description(what);
    }

    static StringSchema pattern(String kind) {
        return Schemas.string().nonEmpty().defaultValue(NAMESPACE + ":*").description("Glob over " + kind
                + " names; * is the only wildcard and the namespace segment must be literal, e.g. " + NAMESPACE
                + ":agent:*");
    }

    static StringSchema cursor() {
        return Schemas.string().nonEmpty().defaultValue("0")
                .description("\"0\" to start, else the cursor of the previous page; \"0\" in a result means done");
    }

    IntegerSchema count(int preferredDefault, String what) {
        IntegerSchema s = Schemas.integer().min(1).limit(limits().maxCount(), "--max-count").description(what);
        return preferredDefault > 0 ? s.defaultValue((long) Math.min(preferredDefault, limits().maxCount())) : s;
    }

    static IntegerSchema ttlSeconds(String what) {
        return Schemas.integer().range(1, ServerConfig.MAX_TTL_SECONDS).description(what);
    }

    AnySchema value(String what) {
        return Schemas.any().maxJsonBytes(limits().maxValueBytes(), "--max-value-bytes").description(what);
    }

    ArraySchema names(StringSchema item, String what) {
        return Schemas.array(item).limit(limits().maxCount(), "--max-count").description(what);
    }

    // ---- result schemas and conversions

    /** {@code {id, fields}} plus, for group reads and claims, {@code deliveries} and {@code deleted}. */
    static ObjectSchema entrySchema(boolean groupRead) {
        ObjectSchema s = Schemas.object()
                .required("id", Schemas.string().description("Entry id, <ms>-<seq>"))
                .required("fields", Schemas.map(Schemas.any()).description("The published fields (non-string values"
                        + " come back as the JSON values they were) plus _timestamp, _source and _trace_id"));
        if (groupRead) {
            s.optional("deliveries", Schemas.integer().min(0).description("How often the entry was delivered, when known"))
                    .optional("deleted", Schemas.bool().description("true when the entry was trimmed or deleted while"
                            + " pending; its fields are then empty"));
        }
        return s;
    }

    static Map<String, Object> entry(StreamEntry e, boolean groupRead) {
        Map<String, Object> out = new LinkedHashMap<>(4);
        out.put("id", e.id());
        Map<String, Object> fields = new LinkedHashMap<>(e.values());
        for (String meta : new String[] {MessageFields.TIMESTAMP, MessageFields.SOURCE, MessageFields.TRACE_ID}) {
            String v = e.get(meta);
            if (v != null) {
                fields.put(meta, v);
            }
        }
        out.put("fields", fields);
        if (groupRead) {
            e.deliveries().ifPresent(d -> out.put("deliveries", d));
            if (e.isDeleted()) {
                out.put("deleted", true);
            }
        }
        return out;
    }

    /** Whole seconds, rounded up (a key with 200 ms left still has a TTL), or null. */
    static Long seconds(Duration d) {
        return d == null ? null : (d.toMillis() + 999) / 1000;
    }

    static String newTraceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    // ---- errors

    /**
     * The handler with core's exceptions turned into coded tool errors (core's codes are the contract's
     * codes), adding what the caller can do where core's message does not say it.
     */
    static ToolHandler translated(ToolHandler handler) {
        return (args, ctx) -> {
            try {
                return handler.handle(args, ctx);
            } catch (RedStreamException e) {
                throw translate(e, null);
            }
        };
    }

    /** A missing group is the usual NOT_FOUND of the group tools: say how to create it. */
    static ToolHandler translatedForGroups(ToolHandler handler) {
        return (args, ctx) -> {
            try {
                return handler.handle(args, ctx);
            } catch (NotFoundException e) {
                throw translate(e, "create the group with stream_group_create");
            } catch (RedStreamException e) {
                throw translate(e, null);
            }
        };
    }

    static ToolException translate(RedStreamException e, String hint) {
        ErrorCode code = ErrorCode.valueOf(e.code().name());
        String message = e.getMessage() == null ? code.name().toLowerCase(java.util.Locale.ROOT) : e.getMessage();
        if (code == ErrorCode.UNAVAILABLE) {
            hint = "the server keeps running: retry when Redis is reachable";
        }
        return new ToolException(code, hint == null ? message : message + "; " + hint, e);
    }
}
