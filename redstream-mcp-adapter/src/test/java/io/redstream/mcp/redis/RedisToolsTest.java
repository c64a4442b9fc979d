package io.redstream.mcp.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.redstream.mcp.Limits;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tools.ToolCatalog;
import io.redstream.mcp.tools.ToolException;
import io.redstream.mcp.tools.ToolSpec;

/** The 18 tools as DESIGN §4 lists them: names, arguments, result fields, hints, valid schemas. */
class RedisToolsTest {

    /** DESIGN §4: tool -> its arguments (required without '?'), and its result fields. */
    private static final Map<String, List<List<String>>> CONTRACT = new LinkedHashMap<>();

    static {
        contract("redis_get", "key", "key, exists, value, ttl_seconds");
        contract("redis_set", "key, value, ttl_seconds?, condition?", "key, written, ttl_seconds");
        contract("redis_del", "keys", "deleted");
        contract("redis_keys", "pattern?, cursor?, count?", "keys, cursor");
        contract("redis_expire", "key, ttl_seconds", "key, applied");
        contract("redis_publish", "channel, message", "channel, receivers");
        contract("redis_subscribe", "channels?, patterns?, timeout_ms?, max_messages?", "messages, timed_out");
        contract("redis_multi", "operations, watch?", "committed, results");
        contract("stream_publish", "stream, fields, maxlen?, trace_id?", "stream, id, trace_id");
        contract("stream_read", "stream, start?, end?, count?, reverse?", "stream, entries");
        contract("stream_group_create", "stream, group, start_id?", "stream, group, created");
        contract("stream_group_read", "stream, group, consumer, count?, block_ms?, pending?", "entries");
        contract("stream_ack", "stream, group, ids", "acknowledged");
        // cursor? is ours: where an auto-claim scan continues (the contract returns a cursor, so it takes one back)
        contract("stream_claim", "stream, group, consumer, min_idle_ms, count?, ids?, cursor?", "entries, deleted_ids, cursor");
        contract("stream_pending", "stream, group, consumer?, count?", "count, lowest_id, highest_id, consumers, entries");
        contract("stream_info", "stream", "stream, length, first_id, last_id, groups");
        contract("stream_list", "pattern?, cursor?, count?", "streams, cursor");
        contract("redis_health", "", "status, latency_ms, redis_version, topology");
    }

    private static void contract(String tool, String args, String results) {
        CONTRACT.put(tool, List.of(split(args), split(results)));
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(",\\s*"));
    }

    private static List<ToolSpec> tools(ServerConfig config) {
        return RedisTools.all(new ToolKit(config, null));
    }

    private final List<ToolSpec> tools = tools(ServerConfig.builder().build());

    @Test
    void all_areTheEighteenContractTools_inDesignOrder() {
        assertThat(tools).extracting(ToolSpec::name).containsExactlyElementsOf(CONTRACT.keySet());
        assertThat(ToolCatalog.CONTRACT_TOOLS).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
        ToolCatalog catalog = ToolCatalog.of(tools); // checks the read-only set against DESIGN
        assertThat(catalog.available(true)).extracting(ToolSpec::name)
                .containsExactlyInAnyOrderElementsOf(ToolCatalog.READ_ONLY_TOOLS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void arguments_andResultFields_matchTheContract() {
        for (ToolSpec spec : tools) {
            List<String> args = CONTRACT.get(spec.name()).get(0);
            Map<String, Object> input = spec.inputSchema();
            Map<String, Object> properties = (Map<String, Object>) input.get("properties");
            assertThat(properties.keySet()).as(spec.name() + " arguments")
                    .containsExactlyElementsOf(args.stream().map(a -> a.replace("?", "")).toList());
            List<String> required = args.stream().filter(a -> !a.endsWith("?")).toList();
            assertThat((List<String>) input.getOrDefault("required", List.of())).as(spec.name() + " required")
                    .containsExactlyElementsOf(required);
            assertThat(input).containsEntry("additionalProperties", false);

            Map<String, Object> output = (Map<String, Object>) spec.outputSchema().get("properties");
            assertThat(output.keySet()).as(spec.name() + " result").containsAll(CONTRACT.get(spec.name()).get(1));
        }
    }

    @Test
    void everyTool_hasTitleDescriptionAndHints() {
        for (ToolSpec spec : tools) {
            assertThat(spec.title()).as(spec.name()).isNotEqualTo(spec.name());
            assertThat(spec.description()).as(spec.name()).hasSizeGreaterThan(80);
        }
        Map<String, ToolSpec> byName = new LinkedHashMap<>();
        tools.forEach(t -> byName.put(t.name(), t));
        assertThat(byName.get("redis_del").hints().destructive()).isTrue();
        assertThat(byName.get("redis_set").hints().destructive()).isTrue();
        assertThat(byName.get("redis_multi").hints().destructive()).isTrue();
        assertThat(byName.get("stream_publish").hints().destructive()).isFalse();
        assertThat(byName.get("stream_publish").hints().idempotent()).isFalse();
        assertThat(byName.get("stream_group_create").hints().idempotent()).isTrue();
        assertThat(byName.get("stream_ack").hints().idempotent()).isTrue();
    }

    @Test
    void schemas_conformToJsonSchema2020_12_perTheSdkValidator() {
        DefaultJsonSchemaValidator sdk = new DefaultJsonSchemaValidator();
        for (ToolSpec spec : tools) {
            assertThat(sdk.validateSchema(spec.inputSchema()).valid()).as(spec.name() + " input").isTrue();
            assertThat(sdk.validateSchema(spec.outputSchema()).valid()).as(spec.name() + " output").isTrue();
        }
    }

    @Test
    void sdkValidator_agreesWithOurs_onSampleArguments() {
        DefaultJsonSchemaValidator sdk = new DefaultJsonSchemaValidator();
        Map<String, ToolSpec> byName = new LinkedHashMap<>();
        tools.forEach(t -> byName.put(t.name(), t));
        List<Object[]> samples = List.of(
                new Object[] {"redis_set", Map.of("key", "nova:agent:a:b", "value", Map.of("x", 1)), true},
                new Object[] {"redis_set", Map.of("key", "nova:agent:a:b", "value", "v", "condition", "nx", "ttl_seconds", 5), true},
                new Object[] {"redis_set", Map.of("key", "nova:agent:a:b", "value", "v", "condition", "maybe"), false},
                new Object[] {"redis_set", Map.of("key", "nova:agent:a:b", "value", "v", "ttl_seconds", 0), false},
                new Object[] {"redis_set", Map.of("key", "nova:agent:a:b"), false},
                new Object[] {"redis_del", Map.of("keys", List.of()), false},
                new Object[] {"stream_ack", Map.of("stream", "s", "group", "g", "ids", List.of("1-0", "2")), true},
                new Object[] {"stream_ack", Map.of("stream", "s", "group", "g", "ids", List.of("1-x")), false},
                new Object[] {"stream_group_create", Map.of("stream", "s", "group", "g", "start_id", "$"), true},
                new Object[] {"stream_group_create", Map.of("stream", "s", "group", "bad group"), false},
                new Object[] {"redis_multi", Map.of("operations", List.of(Map.of("op", "incr", "key", "k"))), true},
                new Object[] {"redis_multi", Map.of("operations", List.of(Map.of("op", "rename", "key", "k"))), false},
                new Object[] {"redis_multi", Map.of("operations", List.of(Map.of("op", "get", "key", "k", "x", 1))), false},
                new Object[] {"stream_publish", Map.of("stream", "s", "fields", Map.of()), false},
                new Object[] {"redis_health", Map.of(), true},
                new Object[] {"redis_health", Map.of("verbose", true), false});
        for (Object[] sample : samples) {
            ToolSpec spec = byName.get((String) sample[0]);
            @SuppressWarnings("unchecked")
            Map<String, Object> args = (Map<String, Object>) sample[1];
            boolean valid = (Boolean) sample[2];
            assertThat(sdk.validate(spec.inputSchema(), args).valid()).as("sdk " + sample[0] + " " + args).isEqualTo(valid);
            if (valid) {
                spec.validateArguments(args);
            } else {
                assertThatThrownBy(() -> spec.validateArguments(args)).as("ours " + sample[0] + " " + args)
                        .isInstanceOf(ToolException.class);
            }
        }
    }

    @Test
    void smallLimits_clampDefaults_andShowInSchemas() {
        ServerConfig small = ServerConfig.builder().limits(new Limits(4096, 5, 200, 3, 65536)).defaultTtlSeconds(60).build();
        List<ToolSpec> specs = tools(small); // a default above a limit would fail here
        ToolSpec read = specs.stream().filter(t -> t.name().equals("stream_read")).findFirst().orElseThrow();
        assertThat(read.inputSchema().get("properties").toString()).contains("maximum=5").contains("default=5");
        ToolSpec set = specs.stream().filter(t -> t.name().equals("redis_set")).findFirst().orElseThrow();
        assertThat(set.description()).contains("60 s");
    }

    @Test
    void publisherIdentity_isTheSubject_whenItCanBe() {
        var jwt = new io.redstream.auth.AuthMethod.Jwt(null, null);
        assertThat(RedisApplication.publisherIdentity(null)).isEqualTo("redstream-mcp");
        assertThat(RedisApplication.publisherIdentity(io.redstream.auth.Principal.localAdmin())).isEqualTo("redstream-mcp");
        assertThat(RedisApplication.publisherIdentity(new io.redstream.auth.Principal("planner", java.util.Set.of(), jwt)))
                .isEqualTo("planner");
        assertThat(RedisApplication.publisherIdentity(new io.redstream.auth.Principal("a b", java.util.Set.of(), jwt)))
                .isEqualTo("redstream-mcp");
    }
}
