package io.redstream.mcp.tools;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.redstream.core.ScanPage;
import io.redstream.core.state.KeyState;
import io.redstream.core.state.SetCondition;
import io.redstream.core.state.SetOptions;
import io.redstream.mcp.tool.Default;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.Limit;
import io.redstream.mcp.tool.Nullable;
import io.redstream.mcp.tool.Range;
import io.redstream.mcp.tool.Required;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/** Key-value state with TTL: {@code redis_get}, {@code redis_set}, {@code redis_del}, {@code redis_keys}, {@code redis_expire}. */
final class KeyTools {

    static final String KEY = "Key: {namespace}:{domain}:{entity}:{function}[:more], segments [A-Za-z0-9_-]+,"
            + " e.g. {namespace}:agent:alpha:session:42";

    private KeyTools() {
    }

    static List<ToolDefinition<?, ?>> all() {
        return List.of(get(), set(), del(), keys(), expire());
    }

    record GetArgs(@Required @Doc(KEY) String key) {
    }

    record GetResult(String key, boolean exists,
            @Nullable @Doc("The value as stored (JSON text for non-string values written by redis_set); null when the"
                    + " key does not exist") String value,
            @Nullable @Doc("Seconds until the key expires (rounded up); null when the key does not exist or never"
                    + " expires") Long ttlSeconds) {

        static GetResult of(KeyState s) {
            return new GetResult(s.key(), s.exists(), s.value(), Conversions.seconds(s.ttl()));
        }
    }

    static ToolDefinition<GetArgs, GetResult> get() {
        return ToolDefinition.builder("redis_get", GetArgs.class, GetResult.class)
                .title("Get a key")
                .description("Reads a key's value and its remaining time to live in one round trip. Keys follow"
                        + " {namespace}:{domain}:{entity}:{function}[:more]. A missing key is not an error: exists is"
                        + " false and value null. Needs the {domain}_read role.")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.STATE)
                .handler((args, call) -> GetResult.of(call.redis().state().inspect(args.key())))
                .build();
    }

    /** The conditions of {@code redis_set}. */
    enum Condition {
        @JsonProperty("nx") NX(SetCondition.IF_ABSENT),
        @JsonProperty("xx") XX(SetCondition.IF_PRESENT);

        final SetCondition core;

        Condition(SetCondition core) {
            this.core = core;
        }
    }

    record SetArgs(@Required @Doc(KEY) String key,
            @Required @Doc("Value: a string (stored as is) or any JSON value (stored as JSON text); at most"
                    + " {max_value_bytes} bytes") Object value,
            @Range(min = 1, max = Conversions.MAX_TTL_SECONDS) @Default("{default_ttl}")
            @Doc("Time to live in seconds; default {default_ttl} (--default-ttl)") long ttlSeconds,
            @Doc("nx: only if the key does not exist; xx: only if it exists") Condition condition) {
    }

    record SetResult(String key, boolean written,
            @Nullable @Doc("The TTL the key got; null when nothing was written") Long ttlSeconds) {
    }

    static ToolDefinition<SetArgs, SetResult> set() {
        return ToolDefinition.builder("redis_set", SetArgs.class, SetResult.class)
                .title("Set a key")
                .description("Writes a key. A string is stored as it is, any other JSON value as its JSON text. Every"
                        + " write expires: after ttl_seconds, else after the server's default TTL ({default_ttl} s,"
                        + " --default-ttl), because keys hold ephemeral agent state. condition 'nx' writes only if"
                        + " the key does not exist, 'xx' only if it exists; then written tells whether it was written."
                        + " Needs the {domain}_write role.")
                .hints(ToolHints.write(true, true))
                .toolset(Toolset.STATE)
                .handler((args, call) -> {
                    SetCondition condition = args.condition() == null ? SetCondition.ALWAYS : args.condition().core;
                    boolean written = call.redis().state().set(args.key(), args.value(),
                            new SetOptions(Duration.ofSeconds(args.ttlSeconds()), condition));
                    return new SetResult(args.key(), written, written ? args.ttlSeconds() : null);
                })
                .build();
    }

    record DelArgs(@Required @Range(min = 1, limit = Limit.COUNT) @Doc("Keys to delete (" + KEY + ")")
            List<String> keys) {
    }

    record DelResult(@Doc("How many of the keys existed") long deleted) {
    }

    static ToolDefinition<DelArgs, DelResult> del() {
        return ToolDefinition.builder("redis_del", DelArgs.class, DelResult.class)
                .title("Delete keys")
                .description("Deletes keys and returns how many existed. Every key is checked (name and access)"
                        + " before anything is deleted. Needs the {domain}_write role for each key.")
                .hints(ToolHints.write(true, true))
                .toolset(Toolset.STATE)
                .handler((args, call) -> new DelResult(call.redis().state().delete(args.keys())))
                .build();
    }

    record KeysArgs(
            @Default("\"{namespace}:*\"") @Doc("Glob over key names; * is the only wildcard and the namespace segment"
                    + " must be literal, e.g. {namespace}:agent:*") String pattern,
            @Default("\"0\"") @Doc(Conversions.CURSOR) String cursor,
            @Range(min = 1, limit = Limit.COUNT) @Default("100") @Doc("Page size hint (SCAN COUNT)") int count) {
    }

    record KeysResult(List<String> keys, @Doc("\"0\" when the listing is complete") String cursor) {
    }

    static ToolDefinition<KeysArgs, KeysResult> keys() {
        return ToolDefinition.builder("redis_keys", KeysArgs.class, KeysResult.class)
                .title("List keys")
                .description("Lists keys matching a pattern, one page per call (SCAN, never KEYS), showing only keys"
                        + " the caller may read. A page may be empty while the cursor is not \"0\": call again with the"
                        + " returned cursor until it is \"0\". Streams are keys too and appear here.")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.STATE)
                .handler((args, call) -> {
                    ScanPage page = call.redis().state().scan(args.pattern(), args.cursor(), args.count());
                    return new KeysResult(page.names(), page.cursor());
                })
                .build();
    }

    record ExpireArgs(@Required @Doc(KEY) String key,
            @Required @Range(min = 1, max = Conversions.MAX_TTL_SECONDS) @Doc("Time to live in seconds") long ttlSeconds) {
    }

    record ExpireResult(String key, @Doc("false when the key does not exist") boolean applied) {
    }

    static ToolDefinition<ExpireArgs, ExpireResult> expire() {
        return ToolDefinition.builder("redis_expire", ExpireArgs.class, ExpireResult.class)
                .title("Set a key's TTL")
                .description("Sets the time to live of an existing key. applied is false when the key does not"
                        + " exist. Needs the {domain}_write role.")
                .hints(ToolHints.write(false, true))
                .toolset(Toolset.STATE)
                .handler((args, call) -> new ExpireResult(args.key(),
                        call.redis().state().expire(args.key(), Duration.ofSeconds(args.ttlSeconds()))))
                .build();
    }
}
