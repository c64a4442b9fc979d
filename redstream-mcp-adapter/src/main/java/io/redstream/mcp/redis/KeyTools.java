package io.redstream.mcp.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.redstream.core.ScanPage;
import io.redstream.core.state.KeyState;
import io.redstream.core.state.SetCondition;
import io.redstream.core.state.SetOptions;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.ToolHints;
import io.redstream.mcp.tools.ToolSpec;

/** Key-value state with TTL: {@code redis_get}, {@code redis_set}, {@code redis_del}, {@code redis_keys}, {@code redis_expire}. */
final class KeyTools {

    private KeyTools() {
    }

    static List<ToolSpec> all(ToolKit kit) {
        return List.of(get(kit), set(kit), del(kit), keys(kit), expire(kit));
    }

    static ToolSpec get(ToolKit kit) {
        return ToolSpec.builder("redis_get")
                .title("Get a key")
                .description("Reads a key's value and its remaining time to live in one round trip. Keys follow "
                        + ToolKit.NAMESPACE + ":{domain}:{entity}:{function}[:more]. A missing key is not an error:"
                        + " exists is false and value null. Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object().required("key", ToolKit.key("Key")))
                .output(Schemas.object()
                        .required("key", Schemas.string())
                        .required("exists", Schemas.bool())
                        .required("value", Schemas.string().nullable().description("The value as stored (JSON text for"
                                + " non-string values written by redis_set); null when the key does not exist"))
                        .required("ttl_seconds", Schemas.integer().nullable().description("Seconds until the key expires"
                                + " (rounded up); null when the key does not exist or never expires")))
                .handler(ToolKit.translated((args, ctx) -> {
                    KeyState state = kit.redis(ctx).state().inspect(args.string("key"));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("key", state.key());
                    out.put("exists", state.exists());
                    out.put("value", state.value());
                    out.put("ttl_seconds", ToolKit.seconds(state.ttl()));
                    return out;
                }))
                .build();
    }

    static ToolSpec set(ToolKit kit) {
        return ToolSpec.builder("redis_set")
                .title("Set a key")
                .description("Writes a key. A string is stored as it is, any other JSON value as its JSON text. Every"
                        + " write expires: after ttl_seconds, else after the server's default TTL ("
                        + kit.defaultTtlSeconds() + " s, --default-ttl), because keys hold ephemeral agent state."
                        + " condition 'nx' writes only if the key does not exist, 'xx' only if it exists; then written"
                        + " tells whether it was written. Needs the {domain}_write role.")
                .hints(ToolHints.write(true, true))
                .input(Schemas.object()
                        .required("key", ToolKit.key("Key"))
                        .required("value", kit.value("Value: a string (stored as is) or any JSON value (stored as"
                                + " JSON text); at most " + kit.limits().maxValueBytes() + " bytes"))
                        .optional("ttl_seconds", ToolKit.ttlSeconds("Time to live in seconds; default "
                                + kit.defaultTtlSeconds()))
                        .optional("condition", Schemas.string().oneOf("nx", "xx")
                                .description("nx: only if the key does not exist; xx: only if it exists")))
                .output(Schemas.object()
                        .required("key", Schemas.string())
                        .required("written", Schemas.bool())
                        .required("ttl_seconds", Schemas.integer().nullable()
                                .description("The TTL the key got; null when nothing was written")))
                .handler(ToolKit.translated((args, ctx) -> {
                    long ttl = args.optionalLong("ttl_seconds").orElse(kit.defaultTtlSeconds());
                    SetCondition condition = switch (args.optionalString("condition").orElse("")) {
                        case "nx" -> SetCondition.IF_ABSENT;
                        case "xx" -> SetCondition.IF_PRESENT;
                        default -> SetCondition.ALWAYS;
                    };
                    String key = args.string("key");
                    boolean written = kit.redis(ctx).state().set(key, args.value("value"),
                            new SetOptions(Duration.ofSeconds(ttl), condition));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("key", key);
                    out.put("written", written);
                    out.put("ttl_seconds", written ? ttl : null);
                    return out;
                }))
                .build();
    }

    static ToolSpec del(ToolKit kit) {
        return ToolSpec.builder("redis_del")
                .title("Delete keys")
                .description("Deletes keys and returns how many existed. Every key is checked (name and access)"
                        + " before anything is deleted. Needs the {domain}_write role for each key.")
                .hints(ToolHints.write(true, true))
                .input(Schemas.object().required("keys", kit.names(ToolKit.key("Key"), "Keys to delete").nonEmpty()))
                .output(Schemas.object().required("deleted", Schemas.integer().min(0)
                        .description("How many of the keys existed")))
                .handler(ToolKit.translated((args, ctx) ->
                        Map.of("deleted", kit.redis(ctx).state().delete(args.stringList("keys")))))
                .build();
    }

    static ToolSpec keys(ToolKit kit) {
        return ToolSpec.builder("redis_keys")
                .title("List keys")
                .description("Lists keys matching a pattern, one page per call (SCAN, never KEYS), showing only keys"
                        + " the caller may read. A page may be empty while the cursor is not \"0\": call again with the"
                        + " returned cursor until it is \"0\". Streams are keys too and appear here.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object()
                        .optional("pattern", ToolKit.pattern("key"))
                        .optional("cursor", ToolKit.cursor())
                        .optional("count", kit.count(100, "Page size hint (SCAN COUNT)")))
                .output(Schemas.object()
                        .required("keys", Schemas.array(Schemas.string()))
                        .required("cursor", Schemas.string().description("\"0\" when the listing is complete")))
                .handler(ToolKit.translated((args, ctx) -> {
                    ScanPage page = kit.redis(ctx).state().scan(args.string("pattern"), args.string("cursor"),
                            args.intValue("count"));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("keys", page.names());
                    out.put("cursor", page.cursor());
                    return out;
                }))
                .build();
    }

    static ToolSpec expire(ToolKit kit) {
        return ToolSpec.builder("redis_expire")
                .title("Set a key's TTL")
                .description("Sets the time to live of an existing key. applied is false when the key does not"
                        + " exist. Needs the {domain}_write role.")
                .hints(ToolHints.write(false, true))
                .input(Schemas.object()
                        .required("key", ToolKit.key("Key"))
                        .required("ttl_seconds", ToolKit.ttlSeconds("Time to live in seconds")))
                .output(Schemas.object()
                        .required("key", Schemas.string())
                        .required("applied", Schemas.bool().description("false when the key does not exist")))
                .handler(ToolKit.translated((args, ctx) -> {
                    String key = args.string("key");
                    boolean applied = kit.redis(ctx).state().expire(key, Duration.ofSeconds(args.longValue("ttl_seconds")));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("key", key);
                    out.put("applied", applied);
                    return out;
                }))
                .build();
    }
}
