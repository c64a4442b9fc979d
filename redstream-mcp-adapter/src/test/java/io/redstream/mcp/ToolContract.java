package io.redstream.mcp;

import static io.redstream.mcp.Calls.args;
import static io.redstream.mcp.Calls.call;
import static io.redstream.mcp.Calls.error;
import static io.redstream.mcp.Calls.list;
import static io.redstream.mcp.Calls.map;
import static io.redstream.mcp.Calls.ok;
import static io.redstream.mcp.Calls.stringList;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * The MCP tool contract, end to end, for any transport: an MCP Java SDK client drives the real server (the client
 * also checks every structured result against the tool's output schema), on a real Redis the test inspects
 * directly with Jedis. No authentication here (local admin); roles are in {@code IdentityIT}. Small limits make the
 * limit checks cheap. A transport's suite extends this class and says how to connect.
 */
@ExtendWith(RedisServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ToolContract {

    static final String[] FLAGS = {"--default-ttl", "600", "--max-count", "50", "--max-value-bytes", "65536",
        "--max-multi-ops", "5", "--max-block-ms", "5000", "--max-result-bytes", "200000"};

    protected final List<String> stderr = McpProcesses.newStderrSink();
    private McpSyncClient client;
    private RedisServerProcess redis;

    /** A connected, initialized client of a server on {@code redisUri} started with {@code flags}. */
    protected abstract McpSyncClient connect(String redisUri, List<String> flags, List<String> stderr);

    @BeforeAll
    void start(RedisServerProcess shared) {
        redis = shared;
        client = connect(shared.uri(), List.of(FLAGS), stderr);
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @BeforeEach
    void clean() {
        redis.flushAll();
    }

    private Jedis jedis() {
        return redis.connect();
    }




    // ---------------------------------------------------------------- catalog

    @Test
    void toolsList_showsEveryContractTool_withDescriptionsSchemasAndAnnotations() {
        List<Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(ContractTools.ALL);
        for (Tool t : tools) {
            assertThat(t.description()).as(t.name()).isNotBlank();
            assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isEqualTo(ContractTools.READ_ONLY_HINT.contains(t.name()));
            assertThat(t.annotations().openWorldHint()).isFalse();
        }
        assertThat(client.getServerInfo().name()).isEqualTo("redstream");
    }

    // ---------------------------------------------------------------- keys

    @Test
    void set_thenGet_roundTrip_withTheDefaultTtl() {
        Map<String, Object> set = ok(client, "redis_set", args("key", "nova:agent:alpha:session:1", "value", "hello"));
        assertThat(set).containsEntry("written", true).containsEntry("ttl_seconds", 600);

        Map<String, Object> get = ok(client, "redis_get", args("key", "nova:agent:alpha:session:1"));
        assertThat(get).containsEntry("key", "nova:agent:alpha:session:1").containsEntry("exists", true)
                .containsEntry("value", "hello");
        assertThat(((Number) get.get("ttl_seconds")).longValue()).isBetween(595L, 600L);
        try (Jedis j = jedis()) {
            assertThat(j.pttl("nova:agent:alpha:session:1")).isBetween(590_000L, 600_000L);
        }
    }

    @Test
    void set_jsonValue_isStoredAsJsonText_explicitTtlAndConditionsApply() {
        ok(client, "redis_set", args("key", "nova:agent:a:state", "value", Map.of("step", 3), "ttl_seconds", 5));
        try (Jedis j = jedis()) {
            assertThat(j.get("nova:agent:a:state")).isEqualTo("{\"step\":3}");
            assertThat(j.pttl("nova:agent:a:state")).isBetween(1L, 5_000L);
        }
        assertThat(ok(client, "redis_set", args("key", "nova:agent:a:state", "value", "x", "condition", "nx")))
                .containsEntry("written", false).containsEntry("ttl_seconds", null);
        assertThat(ok(client, "redis_set", args("key", "nova:agent:a:none", "value", "x", "condition", "xx")))
                .containsEntry("written", false);
        assertThat(ok(client, "redis_set", args("key", "nova:agent:a:state", "value", "y", "condition", "xx")))
                .containsEntry("written", true).containsEntry("ttl_seconds", 600);
    }

    @Test
    void get_missingKey_isNotAnError() {
        assertThat(ok(client, "redis_get", args("key", "nova:agent:a:missing")))
                .containsEntry("exists", false).containsEntry("value", null).containsEntry("ttl_seconds", null);
    }

    @Test
    void del_andExpire_reportWhatExisted() {
        try (Jedis j = jedis()) {
            j.set("nova:agent:a:1", "x");
            j.set("nova:agent:a:2", "x");
        }
        assertThat(ok(client, "redis_del", args("keys", List.of("nova:agent:a:1", "nova:agent:a:2", "nova:agent:a:3"))))
                .containsEntry("deleted", 2);
        try (Jedis j = jedis()) {
            j.set("nova:agent:a:4", "x");
            assertThat(ok(client, "redis_expire", args("key", "nova:agent:a:4", "ttl_seconds", 30)))
                    .containsEntry("key", "nova:agent:a:4").containsEntry("applied", true);
            assertThat(j.ttl("nova:agent:a:4")).isBetween(1L, 30L);
        }
        assertThat(ok(client, "redis_expire", args("key", "nova:agent:a:5", "ttl_seconds", 30)))
                .containsEntry("applied", false);
    }

    @Test
    void keys_scansPageByPage_andShowsNothingOutsideTheNamespace() {
        try (Jedis j = jedis()) {
            for (int i = 0; i < 7; i++) {
                j.set("nova:agent:a:k" + i, "x");
            }
            j.set("nova:task:a:t", "x");
            j.set("billing:secret:x:y", "x");
            j.set("nova:not-a-domain:x:y", "x");
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int pages = 0;
        do {
            Map<String, Object> page = ok(client, "redis_keys", args("cursor", cursor, "count", 2));
            seen.addAll(stringList(page.get("keys")));
            cursor = (String) page.get("cursor");
            pages++;
        } while (!cursor.equals("0") && pages < 100);
        seen.removeIf(ServerKeys::isServers); // its heartbeat may have come back since the flush
        assertThat(cursor).isEqualTo("0");
        assertThat(seen).hasSize(8).contains("nova:agent:a:k0", "nova:task:a:t")
                .doesNotContain("billing:secret:x:y", "nova:not-a-domain:x:y");

        Map<String, Object> agent = ok(client, "redis_keys", args("pattern", "nova:task:*", "count", 50));
        assertThat(stringList(agent.get("keys"))).containsExactly("nova:task:a:t");
    }


    // ---------------------------------------------------------------- pub/sub

    @Test
    void subscribe_collectsWhatIsPublishedMeanwhile_publishCountsReceivers() throws Exception {
        CompletableFuture<CallToolResult> subscribed = CompletableFuture.supplyAsync(() -> call(client, "redis_subscribe",
                args("channels", List.of("nova:broadcast:alerts:all"), "timeout_ms", 5000, "max_messages", 1)));
        long receivers = 0;
        for (int i = 0; i < 100 && !subscribed.isDone(); i++) {
            Map<String, Object> pub = ok(client, "redis_publish", args("channel", "nova:broadcast:alerts:all", "message", "hello"));
            receivers = Math.max(receivers, ((Number) pub.get("receivers")).longValue());
            Thread.sleep(50);
        }
        CallToolResult result = subscribed.get(10, TimeUnit.SECONDS);
        assertThat(result.isError()).as(Calls.text(result)).isFalse();
        Map<String, Object> content = map(result.structuredContent());
        assertThat(list(content.get("messages"))).containsExactly(
                Map.of("channel", "nova:broadcast:alerts:all", "message", "hello"));
        assertThat(content).containsEntry("timed_out", false);
        assertThat(receivers).isEqualTo(1);
    }

    @Test
    void subscribe_pattern_reportsThePattern_andTimesOutWhenQuiet() throws Exception {
        CompletableFuture<CallToolResult> subscribed = CompletableFuture.supplyAsync(() -> call(client, "redis_subscribe",
                args("patterns", List.of("nova:broadcast:*"), "timeout_ms", 5000, "max_messages", 1)));
        try (Jedis j = jedis()) {
            for (int i = 0; i < 100 && !subscribed.isDone(); i++) {
                j.publish("nova:broadcast:news:today", "hi");
                Thread.sleep(50);
            }
        }
        Map<String, Object> content = map(subscribed.get(10, TimeUnit.SECONDS).structuredContent());
        assertThat(list(content.get("messages")).get(0)).containsEntry("pattern", "nova:broadcast:*")
                .containsEntry("channel", "nova:broadcast:news:today").containsEntry("message", "hi");

        Map<String, Object> quiet = ok(client, "redis_subscribe", args("channels", List.of("nova:broadcast:quiet:x"),
                "timeout_ms", 200));
        assertThat(quiet).containsEntry("timed_out", true);
        assertThat(list(quiet.get("messages"))).isEmpty();
        // the collection time starts once Redis confirmed the subscription: even 1 ms is a valid call
        assertThat(ok(client, "redis_subscribe", args("channels", List.of("nova:broadcast:quiet:x"), "timeout_ms", 1)))
                .containsEntry("timed_out", true);
        error(client, "redis_subscribe", args("timeout_ms", 100), "INVALID_ARGUMENT");
        error(client, "redis_subscribe", args("channels", List.of("nova:broadcast:x:y"), "timeout_ms", 5001), "LIMIT_EXCEEDED");
    }

    // ---------------------------------------------------------------- multi

    @Test
    void multi_appliesEveryOperation_inOrder_withTheDefaultTtlOnWrites() {
        try (Jedis j = jedis()) {
            j.set("nova:agent:a:old", "x");
        }
        Map<String, Object> r = ok(client, "redis_multi", args("operations", List.of(
                Map.of("op", "set", "key", "nova:agent:a:name", "value", "alpha"),
                Map.of("op", "incr", "key", "nova:agent:a:count", "value", 5),
                Map.of("op", "get", "key", "nova:agent:a:name"),
                Map.of("op", "expire", "key", "nova:agent:a:old", "ttl_seconds", 30),
                Map.of("op", "del", "key", "nova:agent:a:old"))));

        assertThat(r).containsEntry("committed", true);
        assertThat(stringListOf(r.get("results"))).containsExactly("true", "5", "alpha", "true", "1");
        try (Jedis j = jedis()) {
            assertThat(j.ttl("nova:agent:a:name")).isBetween(590L, 600L);
            assertThat(j.ttl("nova:agent:a:count")).isBetween(590L, 600L);
            assertThat(j.exists("nova:agent:a:old")).isFalse();
        }
    }

    private static List<String> stringListOf(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    @Test
    void multi_isAllOrNothing_anInvalidOperationMeansNothingIsWritten() {
        String badName = error(client, "redis_multi", args("operations", List.of(
                Map.of("op", "set", "key", "nova:agent:a:first", "value", "x"),
                Map.of("op", "set", "key", "elsewhere:a:b:c", "value", "x"))), "INVALID_NAME");
        assertThat(badName).contains("elsewhere:a:b:c");

        String shape = error(client, "redis_multi", args("operations", List.of(
                Map.of("op", "set", "key", "nova:agent:a:first", "value", "x"),
                Map.of("op", "get", "key", "nova:agent:a:first", "value", "x"),
                Map.of("op", "expire", "key", "nova:agent:a:first"),
                Map.of("op", "incr", "key", "nova:agent:a:n", "value", "ten"))), "INVALID_ARGUMENT");
        assertThat(shape).contains("operations[1].value is not allowed for op 'get'")
                .contains("operations[2].ttl_seconds is required for op 'expire'")
                .contains("operations[3].value must be an integer").contains("nothing was run");

        error(client, "redis_multi", args("operations", List.of(Map.of("op", "set", "key", "nova:agent:a:first"))),
                "INVALID_ARGUMENT");
        List<Object> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(Map.of("op", "get", "key", "nova:agent:a:k" + i));
        }
        assertThat(error(client, "redis_multi", args("operations", six), "LIMIT_EXCEEDED")).contains("--max-multi-ops");
        try (Jedis j = jedis()) {
            assertThat(j.exists("nova:agent:a:first")).isFalse();
        }
    }

    @Test
    void multi_watchedKeyChangedWhileRunning_isConflict_andNothingIsApplied() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (Jedis j = jedis()) {
                while (!stop.get()) {
                    j.incr("nova:agent:a:hot");
                }
            }
        });
        writer.start();
        String conflict = null;
        int attempt = 0;
        try {
            for (; attempt < 500 && conflict == null; attempt++) {
                List<Object> ops = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    ops.add(Map.of("op", "set", "key", "nova:agent:a:marker-" + attempt + "-" + i, "value", "x"));
                }
                CallToolResult r = call(client, "redis_multi", args("operations", ops, "watch", List.of("nova:agent:a:hot")));
                if (r.isError()) {
                    conflict = Calls.text(r);
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(conflict).as("no CONFLICT in %d attempts", attempt).isNotNull();
        assertThat(conflict).startsWith("CONFLICT: ").contains("nova:agent:a:hot").contains("nothing was applied");
        try (Jedis j = jedis()) {
            for (int i = 0; i < 5; i++) {
                assertThat(j.exists("nova:agent:a:marker-" + (attempt - 1) + "-" + i)).isFalse();
            }
        }
    }

    @Test
    void multi_whoseGetFindsNothing_commitsAndSaysSo() {
        Map<String, Object> r = ok(client, "redis_multi", args("operations", List.of(
                Map.of("op", "get", "key", "nova:agent:a:never-written"),
                Map.of("op", "set", "key", "nova:agent:a:written", "value", "v"))));
        assertThat(r).containsEntry("committed", true);
        assertThat(new java.util.ArrayList<Object>((List<?>) r.get("results"))).containsExactly(null, true);
        try (Jedis j = jedis()) {
            assertThat(j.get("nova:agent:a:written")).isEqualTo("v");
        }
    }

    @Test
    void multi_operationRedisRefusesWhileExecuting_isReportedInItsResult() {
        try (Jedis j = jedis()) {
            j.set("nova:agent:a:text", "not a number");
        }
        Map<String, Object> r = ok(client, "redis_multi", args("operations", List.of(
                Map.of("op", "incr", "key", "nova:agent:a:text"),
                Map.of("op", "set", "key", "nova:agent:a:other", "value", "y"))));
        List<Object> results = new ArrayList<>((List<?>) r.get("results"));
        assertThat(map(results.get(0)).get("error")).asString().startsWith("INVALID_ARGUMENT: ");
        assertThat(results.get(1)).isEqualTo(true);
    }

    // ---------------------------------------------------------------- streams

    @Test
    void publish_thenRead_fieldsComeBackTyped_withMetaFields_andStreamsNeverExpire() {
        Map<String, Object> pub = ok(client, "stream_publish", args("stream", "nova:task:router:tasks",
                "fields", Map.of("title", "New task", "priority", 3, "tags", List.of("a", "b")), "trace_id", "trace-1"));
        assertThat(pub).containsEntry("stream", "nova:task:router:tasks").containsEntry("trace_id", "trace-1");
        String id = (String) pub.get("id");
        ok(client, "stream_publish", args("stream", "nova:task:router:tasks", "fields", Map.of("title", "second")));

        Map<String, Object> read = ok(client, "stream_read", args("stream", "nova:task:router:tasks"));
        List<Map<String, Object>> entries = list(read.get("entries"));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).containsEntry("id", id);
        Map<String, Object> fields = map(entries.get(0).get("fields"));
        assertThat(fields).containsEntry("title", "New task").containsEntry("priority", 3)
                .containsEntry("tags", List.of("a", "b")).containsEntry("_trace_id", "trace-1")
                .containsEntry("_source", "redstream-mcp").containsKey("_timestamp").doesNotContainKey("_json");

        List<Map<String, Object>> reversed = list(ok(client, "stream_read", args("stream", "nova:task:router:tasks",
                "reverse", true, "count", 1)).get("entries"));
        assertThat(map(reversed.get(0).get("fields"))).containsEntry("title", "second");
        List<Map<String, Object>> after = list(ok(client, "stream_read", args("stream", "nova:task:router:tasks",
                "start", "(" + id)).get("entries"));
        assertThat(after).hasSize(1);
        assertThat(list(ok(client, "stream_read", args("stream", "nova:task:router:none")).get("entries"))).isEmpty();
        try (Jedis j = jedis()) {
            assertThat(j.ttl("nova:task:router:tasks")).isEqualTo(-1L);
        }
    }

    @Test
    void publish_withMaxlen_trimsToExactlyThatMany_traceIdFromFieldsIsKept() {
        for (int i = 0; i < 8; i++) {
            ok(client, "stream_publish", args("stream", "nova:task:router:log", "fields", Map.of("n", i), "maxlen", 3));
        }
        try (Jedis j = jedis()) {
            assertThat(j.xlen("nova:task:router:log")).isEqualTo(3);
        }
        List<Map<String, Object>> entries = list(ok(client, "stream_read", args("stream", "nova:task:router:log")).get("entries"));
        assertThat(entries).extracting(e -> map(e.get("fields")).get("n")).containsExactly(5, 6, 7);

        assertThat(ok(client, "stream_publish", args("stream", "nova:task:router:log",
                "fields", Map.of("x", "y", "_trace_id", "from-fields")))).containsEntry("trace_id", "from-fields");
    }

    @Test
    void consumerGroups_createReadPendingAckClaim() {
        String s = "nova:task:router:jobs";
        for (int i = 0; i < 3; i++) {
            ok(client, "stream_publish", args("stream", s, "fields", Map.of("n", i)));
        }
        assertThat(ok(client, "stream_group_create", args("stream", s, "group", "workers", "start_id", "0")))
                .containsEntry("created", true).containsEntry("group", "workers");
        assertThat(ok(client, "stream_group_create", args("stream", s, "group", "workers"))).containsEntry("created", false);

        List<Map<String, Object>> got = list(ok(client, "stream_group_read", args("stream", s, "group", "workers",
                "consumer", "c1", "count", 2)).get("entries"));
        assertThat(got).hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("deliveries", 1));
        String first = (String) got.get(0).get("id");
        String second = (String) got.get(1).get("id");

        Map<String, Object> pending = ok(client, "stream_pending", args("stream", s, "group", "workers"));
        assertThat(pending).containsEntry("count", 2).containsEntry("lowest_id", first).containsEntry("highest_id", second);
        assertThat(list(pending.get("consumers"))).containsExactly(Map.of("name", "c1", "pending", 2));
        assertThat(list(pending.get("entries"))).extracting(e -> e.get("consumer")).containsExactly("c1", "c1");

        List<Map<String, Object>> again = list(ok(client, "stream_group_read", args("stream", s, "group", "workers",
                "consumer", "c1", "pending", true)).get("entries"));
        assertThat(again).extracting(e -> e.get("id")).containsExactly(first, second);
        assertThat(again).allSatisfy(e -> assertThat(((Number) e.get("deliveries")).longValue()).isGreaterThanOrEqualTo(1));

        assertThat(ok(client, "stream_ack", args("stream", s, "group", "workers", "ids", List.of(first, "1-0"))))
                .containsEntry("acknowledged", 1);

        Map<String, Object> claimed = ok(client, "stream_claim", args("stream", s, "group", "workers", "consumer", "c2",
                "min_idle_ms", 0, "ids", List.of(second)));
        assertThat(list(claimed.get("entries"))).extracting(e -> e.get("id")).containsExactly(second);
        assertThat(claimed).containsEntry("cursor", "0-0").containsEntry("deleted_ids", List.of());

        Map<String, Object> auto = ok(client, "stream_claim", args("stream", s, "group", "workers", "consumer", "c3",
                "min_idle_ms", 0, "count", 10));
        assertThat(list(auto.get("entries"))).extracting(e -> e.get("id")).containsExactly(second);
        assertThat(auto).containsEntry("cursor", "0-0");
        assertThat(list(ok(client, "stream_pending", args("stream", s, "group", "workers", "consumer", "c1"))
                .get("entries"))).isEmpty();
        assertThat(error(client, "stream_claim", args("stream", s, "group", "workers", "consumer", "c3",
                "min_idle_ms", 0, "ids", List.of(second), "cursor", "0-0"), "INVALID_ARGUMENT")).contains("only without ids");
    }

    @Test
    void claim_reportsPendingEntriesThatWereDeleted() {
        String s = "nova:task:router:gone";
        ok(client, "stream_group_create", args("stream", s, "group", "g"));
        String id = (String) ok(client, "stream_publish", args("stream", s, "fields", Map.of("a", "b"))).get("id");
        ok(client, "stream_group_read", args("stream", s, "group", "g", "consumer", "c1"));
        try (Jedis j = jedis()) {
            j.xdel(s, new StreamEntryID(id));
        }
        List<Map<String, Object>> pendingRead = list(ok(client, "stream_group_read", args("stream", s, "group", "g",
                "consumer", "c1", "pending", true)).get("entries"));
        assertThat(pendingRead).singleElement().satisfies(e -> assertThat(e).containsEntry("deleted", true)
                .containsEntry("fields", Map.of()));

        Map<String, Object> auto = ok(client, "stream_claim", args("stream", s, "group", "g", "consumer", "c2", "min_idle_ms", 0));
        assertThat(auto).containsEntry("deleted_ids", List.of(id));
        assertThat(list(auto.get("entries"))).isEmpty();
    }

    @Test
    void groupRead_blocksUntilAnEntryArrives_withinBlockMs() throws Exception {
        String s = "nova:task:router:live";
        ok(client, "stream_group_create", args("stream", s, "group", "g"));
        long start = System.nanoTime();
        CompletableFuture<CallToolResult> read = CompletableFuture.supplyAsync(() -> call(client, "stream_group_read",
                args("stream", s, "group", "g", "consumer", "c", "block_ms", 4000)));
        Thread.sleep(300);
        try (Jedis j = jedis()) {
            j.xadd(s, XAddParams.xAddParams(), Map.of("late", "yes"));
        }
        CallToolResult r = read.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3900));
        assertThat(list(map(r.structuredContent()).get("entries"))).singleElement()
                .satisfies(e -> assertThat(map(e.get("fields"))).containsEntry("late", "yes"));
    }

    @Test
    void groupTools_onAMissingGroup_areNotFound_withWhatToDo() {
        ok(client, "stream_publish", args("stream", "nova:task:router:q", "fields", Map.of("a", "b")));
        assertThat(error(client, "stream_group_read", args("stream", "nova:task:router:q", "group", "nope", "consumer", "c"),
                "NOT_FOUND")).contains("stream_group_create");
        error(client, "stream_pending", args("stream", "nova:task:router:q", "group", "nope"), "NOT_FOUND");
        error(client, "stream_claim", args("stream", "nova:task:router:q", "group", "nope", "consumer", "c",
                "min_idle_ms", 0), "NOT_FOUND");
        assertThat(error(client, "stream_info", args("stream", "nova:task:router:missing"), "NOT_FOUND"))
                .contains("nova:task:router:missing");
    }

    @Test
    void info_andList_describeStreams() {
        String s = "nova:task:router:info";
        String first = (String) ok(client, "stream_publish", args("stream", s, "fields", Map.of("a", 1))).get("id");
        String last = (String) ok(client, "stream_publish", args("stream", s, "fields", Map.of("a", 2))).get("id");
        ok(client, "stream_group_create", args("stream", s, "group", "g", "start_id", "0"));
        ok(client, "stream_group_read", args("stream", s, "group", "g", "consumer", "c", "count", 1));

        Map<String, Object> info = ok(client, "stream_info", args("stream", s));
        assertThat(info).containsEntry("stream", s).containsEntry("length", 2).containsEntry("first_id", first)
                .containsEntry("last_id", last);
        assertThat(list(info.get("groups"))).singleElement().satisfies(g -> assertThat(g)
                .containsEntry("name", "g").containsEntry("consumers", 1).containsEntry("pending", 1)
                .containsEntry("last_delivered_id", first).containsEntry("lag", 1));

        ok(client, "stream_publish", args("stream", "nova:agent:a:events", "fields", Map.of("a", 1)));
        try (Jedis j = jedis()) {
            j.set("nova:task:router:plainkey", "x");
            j.xadd("outside:task:a:b", XAddParams.xAddParams(), Map.of("a", "b"));
        }
        assertThat(stringList(ok(client, "stream_list", args("pattern", "nova:task:*", "count", 50)).get("streams")))
                .containsExactly(s);
        Set<String> all = new HashSet<>();
        String cursor = "0";
        do {
            Map<String, Object> page = ok(client, "stream_list", args("cursor", cursor, "count", 1));
            all.addAll(stringList(page.get("streams")));
            cursor = (String) page.get("cursor");
        } while (!cursor.equals("0"));
        all.removeIf(ServerKeys::isServers); // its started event may have been appended since the flush
        assertThat(all).containsExactlyInAnyOrder(s, "nova:agent:a:events");
    }

    @Test
    void health_isUp_withVersionLatencyAndTopology() {
        Map<String, Object> h = ok(client, "redis_health", Map.of());
        assertThat(h).containsEntry("status", "UP").containsEntry("redis_version", "7.0.15")
                .containsEntry("topology", "standalone").doesNotContainKey("embedded");
        assertThat(((Number) h.get("latency_ms")).doubleValue()).isGreaterThanOrEqualTo(0);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badArguments_areInvalidArgument_withWhatIsWrong() {
        assertThat(error(client, "redis_get", Map.of(), "INVALID_ARGUMENT")).contains("missing required argument 'key'");
        assertThat(error(client, "redis_get", args("key", "nova:agent:a:b", "keey", 1), "INVALID_ARGUMENT"))
                .contains("unknown argument 'keey'");
        assertThat(error(client, "redis_expire", args("key", "nova:agent:a:b", "ttl_seconds", "ten"), "INVALID_ARGUMENT"))
                .contains("'ttl_seconds' must be an integer");
        assertThat(error(client, "redis_set", args("key", "nova:agent:a:b", "value", "v", "ttl_seconds", 0), "INVALID_ARGUMENT"))
                .contains("ttl_seconds");
        error(client, "redis_set", args("key", "nova:agent:a:b", "value", null), "INVALID_ARGUMENT");
        error(client, "stream_ack", args("stream", "nova:task:a:b", "group", "g", "ids", List.of("tomorrow")), "INVALID_ARGUMENT");
        error(client, "stream_read", args("stream", "nova:task:a:b", "start", "yesterday"), "INVALID_ARGUMENT");
        error(client, "stream_group_create", args("stream", "nova:task:a:b", "group", "has space"), "INVALID_ARGUMENT");
        error(client, "stream_publish", args("stream", "nova:task:a:b", "fields", Map.of("_source", "me")), "INVALID_ARGUMENT");
        error(client, "redis_del", args("keys", List.of()), "INVALID_ARGUMENT");
    }

    @Test
    void namesOutsideTheConvention_areInvalidName_withTheRule() {
        assertThat(error(client, "redis_get", args("key", "session:42"), "INVALID_NAME")).contains("namespace 'nova:'");
        assertThat(error(client, "redis_set", args("key", "nova:finance:a:b", "value", "x"), "INVALID_NAME"))
                .contains("domain 'finance'");
        assertThat(error(client, "stream_publish", args("stream", "nova:task:a:b:c", "fields", Map.of("a", "b")), "INVALID_NAME"))
                .contains("4 segments");
        error(client, "redis_keys", args("pattern", "*"), "INVALID_NAME");
        error(client, "stream_list", args("pattern", "other:*"), "INVALID_NAME");
        error(client, "redis_publish", args("channel", "nova:broadcast:a", "message", "x"), "INVALID_NAME");
        error(client, "redis_subscribe", args("patterns", List.of("nova:broad*cast:[x]")), "INVALID_NAME");
    }

    @Test
    void limits_areLimitExceeded_andNothingIsWritten() {
        assertThat(error(client, "stream_read", args("stream", "nova:task:a:b", "count", 51), "LIMIT_EXCEEDED"))
                .contains("--max-count");
        assertThat(error(client, "redis_set", args("key", "nova:agent:a:big", "value", "x".repeat(65_537)), "LIMIT_EXCEEDED"))
                .contains("65536");
        ok(client, "redis_set", args("key", "nova:agent:a:fits", "value", "x".repeat(65_536)));
        error(client, "stream_group_read", args("stream", "nova:task:a:b", "group", "g", "consumer", "c", "block_ms", 5001),
                "LIMIT_EXCEEDED");
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            fields.put("f" + i, "y".repeat(4000));
        }
        assertThat(error(client, "stream_publish", args("stream", "nova:task:a:big", "fields", fields), "LIMIT_EXCEEDED"))
                .contains("65536");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("nova:agent:a:" + i);
        }
        error(client, "redis_del", args("keys", many), "LIMIT_EXCEEDED");
        try (Jedis j = jedis()) {
            assertThat(j.exists("nova:agent:a:big")).isFalse();
            assertThat(j.exists("nova:task:a:big")).isFalse();
        }
    }

    @Test
    void largeResults_areCut_andMarkedTruncated() {
        for (int i = 0; i < 50; i++) {
            ok(client, "stream_publish", args("stream", "nova:task:a:bulk", "fields", Map.of("payload", "z".repeat(5000))));
        }
        Map<String, Object> r = ok(client, "stream_read", args("stream", "nova:task:a:bulk", "count", 50));
        assertThat(r).containsEntry("truncated", true);
        // Both copies of the result (structured and text) fit in the 200000-byte line: about 19 entries of 5000 bytes.
        assertThat(list(r.get("entries"))).hasSizeBetween(10, 49);
    }

    // ---------------------------------------------------------------- coordination: tasks

    private Map<String, Object> createTask(String board, String title, Object... more) {
        Map<String, Object> a = args("board", board, "title", title);
        a.putAll(args(more));
        return ok(client, "task_create", a);
    }

    private long length(String stream) {
        try (Jedis j = jedis()) {
            return j.exists(stream) ? j.xlen(stream) : 0;
        }
    }

    @Test
    void task_createClaimProgressComplete_isRecordedWithItsHistoryAndEvents() {
        Map<String, Object> created = createTask("ct", "Summarise ticket 42", "description", "read it first",
                "priority", 2, "payload", Map.of("ticket", 42), "trace_id", "trace-ct-1");
        String id = (String) created.get("task_id");
        assertThat(created).containsEntry("board", "ct").containsEntry("status", "open")
                .containsEntry("trace_id", "trace-ct-1");

        Map<String, Object> claimed = ok(client, "task_claim", args("board", "ct", "lease_seconds", 60));
        assertThat(claimed).containsEntry("claimed", true);
        assertThat(map(claimed.get("task"))).containsEntry("task_id", id).containsEntry("title", "Summarise ticket 42")
                .containsEntry("description", "read it first").containsEntry("priority", 2)
                .containsEntry("payload", Map.of("ticket", 42)).containsEntry("attempt", 1)
                .containsKey("lease_expires_at");
        assertThat(ok(client, "task_claim", args("board", "ct"))).containsEntry("claimed", false).doesNotContainKey("task");

        Map<String, Object> progress = ok(client, "task_update", args("board", "ct", "task_id", id, "status",
                "in_progress", "note", "halfway"));
        assertThat(progress).containsEntry("status", "in_progress").containsEntry("attempt", 1)
                .containsKey("lease_expires_at");
        assertThat(ok(client, "task_update", args("board", "ct", "task_id", id, "status", "done", "result",
                Map.of("summary", "ok")))).containsEntry("status", "done").doesNotContainKey("lease_expires_at");

        Map<String, Object> task = ok(client, "task_get", args("board", "ct", "task_id", id));
        // the local admin acts as its own subject unless it names another agent
        assertThat(task).containsEntry("status", "done").containsEntry("owner", "local")
                .containsEntry("attempt", 1).containsEntry("max_attempts", 3).containsEntry("result", Map.of("summary", "ok"))
                .containsEntry("trace_id", "trace-ct-1");
        assertThat(list(task.get("history"))).extracting(e -> e.get("type"))
                .containsExactly("created", "claimed", "progress", "done");
        assertThat(length("nova:task:ct:events")).isEqualTo(4);
        assertThat(list(ok(client, "task_list", args("board", "ct", "status", "done")).get("tasks")))
                .singleElement().satisfies(t -> assertThat(t).containsEntry("task_id", id).containsEntry("owner", "local"));
    }

    @Test
    void task_updates_byAnotherAgent_orAfterTheEnd_areConflicts_andChangeNothing() {
        String id = (String) createTask("cc", "Only one holder").get("task_id");
        ok(client, "task_claim", args("board", "cc", "agent", "alpha"));

        String conflict = error(client, "task_update", args("board", "cc", "task_id", id, "agent", "beta", "status",
                "done"), "CONFLICT");
        assertThat(conflict).contains("alpha").contains("attempt 1");
        ok(client, "task_update", args("board", "cc", "task_id", id, "agent", "alpha", "status", "done"));
        error(client, "task_update", args("board", "cc", "task_id", id, "agent", "alpha", "status", "failed"),
                "CONFLICT");
        Map<String, Object> task = ok(client, "task_get", args("board", "cc", "task_id", id));
        assertThat(task).containsEntry("status", "done").containsEntry("owner", "alpha");
        assertThat(list(task.get("history"))).hasSize(3);

        error(client, "task_get", args("board", "cc", "task_id", "1-0"), "NOT_FOUND");
        error(client, "task_update", args("board", "cc", "task_id", "1-0", "status", "done"), "NOT_FOUND");
    }

    @Test
    void task_failures_areRetried_untilMaxAttempts_thenTheTaskIsDead_onTheDeadLetterStream() {
        String id = (String) createTask("cf", "Flaky", "max_attempts", 2).get("task_id");
        ok(client, "task_claim", args("board", "cf"));
        assertThat(ok(client, "task_update", args("board", "cf", "task_id", id, "status", "failed", "note", "timeout")))
                .containsEntry("status", "failed").containsEntry("attempt", 1);
        assertThat(map(ok(client, "task_claim", args("board", "cf")).get("task"))).containsEntry("attempt", 2);
        assertThat(ok(client, "task_update", args("board", "cf", "task_id", id, "status", "failed", "note",
                "timeout again"))).containsEntry("status", "dead").containsEntry("attempt", 2);

        assertThat(ok(client, "task_claim", args("board", "cf"))).containsEntry("claimed", false);
        assertThat(length("nova:task:cf:tasks:dlq")).isEqualTo(1);
        assertThat(ok(client, "task_get", args("board", "cf", "task_id", id))).containsEntry("status", "dead")
                .containsEntry("note", "timeout again");
    }

    @Test
    void task_list_pagesThroughTheBoard_andFiltersByStatus() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add((String) createTask("cl", "t" + i).get("task_id"));
        }
        ok(client, "task_claim", args("board", "cl"));
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int pages = 0;
        do {
            Map<String, Object> page = ok(client, "task_list", args("board", "cl", "cursor", cursor, "count", 2));
            list(page.get("tasks")).forEach(t -> seen.add((String) t.get("task_id")));
            cursor = (String) page.get("cursor");
            pages++;
        } while (!cursor.equals("0") && pages < 20);
        assertThat(seen).isEqualTo(ids);
        assertThat(pages).isGreaterThan(1);
        assertThat(list(ok(client, "task_list", args("board", "cl", "status", "open")).get("tasks"))).hasSize(4);
        assertThat(list(ok(client, "task_list", args("board", "cl", "status", "claimed")).get("tasks"))).hasSize(1);
    }

    @Test
    void task_badInput_isRefused_withACode_andNothingIsWritten() {
        error(client, "task_create", args("board", "bad board", "title", "x"), "INVALID_NAME");
        error(client, "task_create", args("board", "b", "title", ""), "INVALID_ARGUMENT");
        error(client, "task_create", args("board", "b", "title", "x", "max_attempts", 0), "INVALID_ARGUMENT");
        error(client, "task_create", args("board", "b", "title", "x", "max_attempts", 101), "INVALID_ARGUMENT");
        error(client, "task_create", args("board", "b", "title", "x", "assignee", "not an agent"), "INVALID_ARGUMENT");
        error(client, "task_create", args("board", "b", "title", "x", "colour", "red"), "INVALID_ARGUMENT");
        error(client, "task_claim", args("board", "b", "lease_seconds", 0), "INVALID_ARGUMENT");
        error(client, "task_claim", args("board", "b", "lease_seconds", 86_401), "INVALID_ARGUMENT");
        error(client, "task_claim", args("board", "b", "agent", "bad agent!"), "INVALID_ARGUMENT");
        error(client, "task_update", args("board", "b", "task_id", "1-0", "status", "open"), "INVALID_ARGUMENT");
        error(client, "task_list", args("board", "b", "count", 51), "LIMIT_EXCEEDED");
        error(client, "lock_acquire", args("key", "nova:agent:a:lock:x", "ttl_seconds", 0), "INVALID_ARGUMENT");
        error(client, "lock_acquire", args("key", "not-a-key", "ttl_seconds", 5), "INVALID_NAME");
        error(client, "lock_acquire", args("key", "nova:agent:a:lock:x"), "INVALID_ARGUMENT");
        error(client, "agent_heartbeat", args("ttl_seconds", 0), "INVALID_ARGUMENT");
        error(client, "agent_heartbeat", args("status", "not a status"), "INVALID_ARGUMENT");
        // hostile sizes and shapes: bounded by the schema or by core, before anything is sent
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            wide.put("f" + i, i);
        }
        error(client, "task_create", args("board", "b", "title", "x", "payload", wide), "LIMIT_EXCEEDED");
        error(client, "task_create", args("board", "b", "title", "x", "payload", Map.of("blob", "z".repeat(70_000))),
                "LIMIT_EXCEEDED");
        error(client, "task_create", args("board", "b:c", "title", "x"), "INVALID_NAME");
        error(client, "task_create", args("board", "b", "title", "x".repeat(513)), "INVALID_ARGUMENT");
        error(client, "agent_heartbeat", args("info", Map.of("blob", "z".repeat(70_000))), "LIMIT_EXCEEDED");
        error(client, "lock_release", args("key", "nova:agent:a:lock:x", "token", 0), "INVALID_ARGUMENT");
        for (String taskId : List.of("*", "$", ">", "0-0", "nova:task:b:task:1", "1-0 2-0")) {
            CallToolResult r = call(client, "task_get", args("board", "b", "task_id", taskId));
            assertThat(r.isError()).as(taskId).isTrue();
            assertThat(Calls.text(r)).as(taskId).matches("(NOT_FOUND|INVALID_ARGUMENT): .*");
        }
        try (Jedis j = jedis()) {
            assertThat(j.keys("nova:task:*")).isEmpty();
            assertThat(j.keys("nova:agent:a:*")).isEmpty();
            assertThat(j.keys("nova:agent:local:*")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- coordination: locks and presence

    @Test
    void lock_isExclusive_releasedOnlyWithItsToken_andTokensGrow() {
        Map<String, Object> first = ok(client, "lock_acquire", args("key", "nova:agent:a:lock:report", "ttl_seconds", 30));
        assertThat(first).containsEntry("acquired", true).containsEntry("ttl_seconds", 30).doesNotContainKey("holder");
        long token = ((Number) first.get("token")).longValue();

        Map<String, Object> taken = ok(client, "lock_acquire", args("key", "nova:agent:a:lock:report", "owner", "beta",
                "ttl_seconds", 30));
        assertThat(taken).containsEntry("acquired", false).containsEntry("holder", "local").doesNotContainKey("token");
        assertThat(((Number) taken.get("ttl_seconds")).longValue()).isBetween(1L, 30L);

        assertThat(ok(client, "lock_release", args("key", "nova:agent:a:lock:report", "token", token + 1)))
                .containsEntry("released", false);
        assertThat(ok(client, "lock_release", args("key", "nova:agent:a:lock:report", "token", token)))
                .containsEntry("released", true);
        assertThat(ok(client, "lock_release", args("key", "nova:agent:a:lock:report", "token", token)))
                .containsEntry("released", false);

        Map<String, Object> second = ok(client, "lock_acquire", args("key", "nova:agent:a:lock:report", "owner", "beta",
                "ttl_seconds", 30));
        assertThat(((Number) second.get("token")).longValue()).isGreaterThan(token);
    }

    @Test
    void agent_heartbeat_isListed_withStatusAndInfo_alongsideTheServerItself() {
        assertThat(ok(client, "agent_heartbeat", args("agent", "alpha", "status", "busy", "ttl_seconds", 30, "info",
                Map.of("skills", List.of("summarise"))))).containsEntry("agent", "alpha").containsEntry("status", "busy")
                .containsEntry("expires_in_seconds", 30);
        ok(client, "agent_heartbeat", args());

        List<Map<String, Object>> busy = list(ok(client, "agent_list", args("status", "busy")).get("agents"));
        assertThat(busy).singleElement().satisfies(a -> assertThat(a).containsEntry("agent", "alpha")
                .containsEntry("info", Map.of("skills", List.of("summarise"))).containsKey("last_seen"));
        List<Map<String, Object>> online = list(ok(client, "agent_list", args("status", "online")).get("agents"));
        assertThat(online).extracting(a -> a.get("agent")).containsExactly("local");
    }

    @Test
    void serverLog_isOnStderr_andSaysWhichRedis() {
        assertThat(String.join("\n", stderr)).contains("serving 27 MCP tools on stdio over Redis at")
                .contains("Waiting for an MCP client on stdin").contains("no authentication configured")
                .doesNotContain("embedded Redis");
    }
}
