package io.redstream.mcp;

import static io.redstream.mcp.Wire.call;
import static io.redstream.mcp.Wire.errorCode;
import static io.redstream.mcp.Wire.parse;
import static io.redstream.mcp.Wire.reply;
import static io.redstream.mcp.Wire.toolText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import redis.clients.jedis.Jedis;

/**
 * What an attacker or an unlucky client sends on the wire, against the real server jar on a real Redis: each case
 * gets the expected reply, the server keeps serving, and nothing is written where nothing should be (checked in
 * Redis directly).
 */
@ExtendWith(RedisServerExtension.class)
class HostileInputIT {

    private RedisServerProcess redis;

    @BeforeEach
    void clean(RedisServerProcess shared) {
        redis = shared;
        redis.flushAll();
    }

    private RawProcess server(String... flags) throws Exception {
        List<String> command = new ArrayList<>(McpProcesses.jarCommand("--redis", redis.uri()));
        command.addAll(List.of(flags));
        return new RawProcess(command, Map.of());
    }

    private long keysInRedis() {
        try (Jedis j = redis.connect()) {
            return ServerKeys.callerKeys(j).size();
        }
    }

    @Test
    void malformedMessages_areAnsweredWithJsonRpcErrors_noneIsExecuted_andTheSessionGoesOn() throws Exception {
        try (RawProcess server = server()) {
            Wire.initialize(server);
            String set = call(1, "redis_set", "{\"key\":\"nova:agent:a:k\",\"value\":\"x\"}");

            server.send("definitely not json");
            assertThat(errorCode(parse(server.receive()))).isEqualTo(-32700);
            // duplicate keys: the last "key" must not quietly win
            server.send(call(2, "redis_set", "{\"key\":\"nova:agent:a:k\",\"key\":\"nova:agent:a:other\",\"value\":1}"));
            JsonNode duplicate = parse(server.receive());
            assertThat(errorCode(duplicate)).isEqualTo(-32700);
            assertThat(duplicate.at("/error/message").asText()).contains("duplicate key 'key'");
            // trailing content: a second message on the same line is not silently dropped, nor run
            server.send(set + set);
            assertThat(parse(server.receive()).at("/error/message").asText()).contains("content after the end");
            // invalid UTF-8 inside a string
            ByteArrayOutputStream bad = new ByteArrayOutputStream();
            bad.write(call(3, "redis_set", "{\"key\":\"nova:agent:a:k\",\"value\":\"").getBytes(StandardCharsets.UTF_8));
            bad.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            bad.write("\"}}}\n".getBytes(StandardCharsets.UTF_8));
            server.sendBytes(bad.toByteArray());
            assertThat(parse(server.receive()).at("/error/message").asText()).contains("not valid UTF-8");
            // batches are not part of MCP
            server.send("[" + set + "]");
            assertThat(errorCode(parse(server.receive()))).isEqualTo(-32600);
            server.send("42");
            assertThat(errorCode(parse(server.receive()))).isEqualTo(-32600);
            server.send("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}");
            assertThat(errorCode(parse(server.receive()))).isEqualTo(-32600);
            server.send("{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"ping\"}");
            JsonNode version = parse(server.receive());
            assertThat(errorCode(version)).isEqualTo(-32600);
            assertThat(version.get("id").asInt()).isEqualTo(4);

            assertThat(keysInRedis()).isZero();
            server.send(call(5, "redis_get", "{\"key\":\"nova:agent:a:k\"}"));
            assertThat(reply(server, 5).at("/result/structuredContent/exists").asBoolean()).isFalse();
            server.closeStdin();
            assertThat(server.awaitExit()).isZero();
        }
    }

    @Test
    void invalidParams_areMinus32602_namingTheProblem_withoutJavaInternals() throws Exception {
        try (RawProcess server = server()) {
            Wire.initialize(server);
            server.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"redis_set\","
                    + "\"arguments\":\"key=nova:agent:a:k\"}}");
            JsonNode notObject = reply(server, 1);
            assertThat(errorCode(notObject)).isEqualTo(-32602);
            assertThat(notObject.at("/error/message").asText()).contains("'arguments' must be an object");
            server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":7}}");
            assertThat(errorCode(reply(server, 2))).isEqualTo(-32602);
            server.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":[1,2]}");
            assertThat(errorCode(reply(server, 3))).isEqualTo(-32602);
            server.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}");
            assertThat(errorCode(reply(server, 4))).isEqualTo(-32602);
            server.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"no/such/method\"}");
            assertThat(errorCode(reply(server, 6))).isEqualTo(-32601);
            assertThat(keysInRedis()).isZero();
        }
    }

    @Test
    void requestsBeforeInitialize_areAnsweredAtOnce_neverHeld_andNothingRuns() throws Exception {
        try (RawProcess server = server()) {
            for (int i = 0; i < 300; i++) {
                server.send(call(i, "redis_set", "{\"key\":\"nova:agent:a:early" + i + "\",\"value\":\"x\"}"));
            }
            for (int i = 0; i < 300; i++) {
                JsonNode r = reply(server, i);
                assertThat(errorCode(r)).isEqualTo(-32600);
                assertThat(r.at("/error/message").asText()).contains("send 'initialize' first");
            }
            server.send("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}");
            assertThat(reply(server, "p").has("result")).isTrue();

            server.send(Wire.INITIALIZE);
            reply(server, "init");
            server.send("{\"jsonrpc\":\"2.0\",\"id\":\"l\",\"method\":\"tools/list\"}");
            assertThat(reply(server, "l").at("/error/message").asText()).contains("notifications/initialized");
            server.send(Wire.INITIALIZED);
            server.send(Wire.INITIALIZE.replace("\"init\"", "\"again\""));
            assertThat(reply(server, "again").at("/error/message").asText()).contains("already initialized");
            server.send("{\"jsonrpc\":\"2.0\",\"id\":\"l2\",\"method\":\"tools/list\"}");
            assertThat(reply(server, "l2").at("/result/tools").size()).isEqualTo(ContractTools.ALL.size());
            assertThat(keysInRedis()).isZero();
        }
    }

    @Test
    void oversizedLine_isRefused_withoutEndingTheSession() throws Exception {
        // 5 operations of at most 1024 bytes: the longest request accepted is the floor of 16 MiB
        try (RawProcess server = server("--max-value-bytes", "1024", "--max-multi-ops", "5")) {
            Wire.initialize(server);
            String huge = call(1, "redis_set", "{\"key\":\"nova:agent:a:k\",\"value\":\"" + "x".repeat(17 << 20) + "\"}");
            server.send(huge);
            JsonNode refused = parse(server.receive());
            assertThat(errorCode(refused)).isEqualTo(-32600);
            assertThat(refused.at("/error/message").asText()).contains("larger than");
            server.send(call(2, "redis_set", "{\"key\":\"nova:agent:a:small\",\"value\":\"x\"}"));
            assertThat(reply(server, 2).at("/result/isError").asBoolean()).isFalse();
            try (Jedis j = redis.connect()) {
                assertThat(j.exists("nova:agent:a:k")).isFalse();
            }
        }
    }

    @Test
    void resultCap_boundsTheWholeReplyLine() throws Exception {
        try (RawProcess server = server("--max-result-bytes", "12000", "--max-value-bytes", "2048")) {
            Wire.initialize(server);
            for (int i = 0; i < 40; i++) {
                server.send(call("p" + i, "stream_publish", "{\"stream\":\"nova:task:a:bulk\",\"fields\":{\"q\":\""
                        + "\\\"".repeat(500) + "\"}}"));
                reply(server, "p" + i);
            }
            server.send(call("read", "stream_read", "{\"stream\":\"nova:task:a:bulk\",\"count\":40}"));
            String line;
            JsonNode read;
            do {
                line = server.receive();
                read = parse(line);
            } while (!read.path("id").asText().equals("read"));
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(12000);
            assertThat(read.at("/result/structuredContent/truncated").asBoolean()).isTrue();

            // a single value that cannot fit twice in the line is refused, not sent half-cut
            server.send(call("s", "redis_set", "{\"key\":\"nova:agent:a:q\",\"value\":\"" + "\\\"".repeat(2000) + "\"}"));
            reply(server, "s");
            server.send(call("g", "redis_get", "{\"key\":\"nova:agent:a:q\"}"));
            JsonNode get = reply(server, "g");
            assertThat(toolText(get)).startsWith("LIMIT_EXCEEDED: ").contains("--max-result-bytes");
        }
    }

    @Test
    void waitingCalls_haveTheirOwnCapacity_fullMeansLimitExceededAtOnce_quickCallsKeepFlowing() throws Exception {
        try (RawProcess server = server("--max-waiting-calls", "2")) {
            Wire.initialize(server);
            server.send(call("g", "stream_group_create", "{\"stream\":\"nova:task:a:q\",\"group\":\"g\"}"));
            reply(server, "g");
            String read = "{\"stream\":\"nova:task:a:q\",\"group\":\"g\",\"consumer\":\"c\",\"block_ms\":4000}";
            server.send(call("w1", "stream_group_read", read));
            server.send(call("w2", "stream_group_read", read));
            Thread.sleep(300); // both admitted and blocking in Redis
            long start = System.nanoTime();
            server.send(call("w3", "stream_group_read", read));
            JsonNode third = reply(server, "w3");
            assertThat(toolText(third)).startsWith("LIMIT_EXCEEDED: ").contains("--max-waiting-calls");
            server.send(call("q", "redis_set", "{\"key\":\"nova:agent:a:k\",\"value\":\"x\"}"));
            assertThat(reply(server, "q").at("/result/isError").asBoolean()).isFalse();
            assertThat((System.nanoTime() - start) / 1_000_000).as("answered while both waits still run").isLessThan(3000);
            assertThat(reply(server, "w1").at("/result/isError").asBoolean()).isFalse();
        }
    }

    @Test
    void cancelled_endsAWaitingCall_freesItsPlace_andItsReplyIsNeverSent() throws Exception {
        try (RawProcess server = server("--max-waiting-calls", "1")) {
            Wire.initialize(server);
            server.send(call("g", "stream_group_create", "{\"stream\":\"nova:task:a:q\",\"group\":\"g\"}"));
            reply(server, "g");
            server.send(call(10, "stream_group_read",
                    "{\"stream\":\"nova:task:a:q\",\"group\":\"g\",\"consumer\":\"c\",\"block_ms\":25000}"));
            Thread.sleep(300);
            server.send(Wire.cancel(10));
            JsonNode next = null;
            for (int attempt = 0; attempt < 40 && next == null; attempt++) {
                server.send(call("n" + attempt, "stream_group_read",
                        "{\"stream\":\"nova:task:a:q\",\"group\":\"g\",\"consumer\":\"c\",\"block_ms\":10}"));
                JsonNode r = reply(server, "n" + attempt);
                if (!toolText(r).startsWith("LIMIT_EXCEEDED")) {
                    next = r;
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(next).as("the cancelled call freed its place within 4 s").isNotNull();
            server.closeStdin();
            assertThat(server.awaitExit()).isZero();
            for (String line : server.remainingStdout()) {
                assertThat(parse(line).path("id").asText()).isNotEqualTo("10");
            }
        }
    }

    @Test
    void duplicateIdOfARequestInFlight_isRefused() throws Exception {
        try (RawProcess server = server()) {
            Wire.initialize(server);
            server.send(call("g", "stream_group_create", "{\"stream\":\"nova:task:a:q\",\"group\":\"g\"}"));
            reply(server, "g");
            String read = "{\"stream\":\"nova:task:a:q\",\"group\":\"g\",\"consumer\":\"c\",\"block_ms\":1500}";
            server.send(call(7, "stream_group_read", read));
            server.send(call(7, "redis_set", "{\"key\":\"nova:agent:a:k\",\"value\":\"x\"}"));
            JsonNode first = reply(server, 7);
            assertThat(first.at("/error/message").asText()).contains("already used by a request in progress");
            JsonNode second = reply(server, 7);
            assertThat(second.at("/result/structuredContent/entries").size()).isZero();
            try (Jedis j = redis.connect()) {
                assertThat(j.exists("nova:agent:a:k")).isFalse();
            }
        }
    }

    @Test
    void endOfInput_rightAfterRequests_stillAnswersEveryOne_thenExitsZero() throws Exception {
        try (RawProcess server = server()) {
            Wire.initialize(server);
            server.send(call("g", "stream_group_create", "{\"stream\":\"nova:task:a:q\",\"group\":\"g\"}"));
            server.send(call("w", "stream_group_read",
                    "{\"stream\":\"nova:task:a:q\",\"group\":\"g\",\"consumer\":\"c\",\"block_ms\":1500}"));
            for (int i = 0; i < 200; i++) {
                server.send(call(i, "redis_set", "{\"key\":\"nova:agent:a:k" + i + "\",\"value\":" + i + "}"));
            }
            server.closeStdin();
            assertThat(server.awaitExit()).isZero();
            List<String> ids = server.remainingStdout().stream().map(l -> parse(l).path("id").asText()).toList();
            assertThat(ids).contains("g", "w");
            for (int i = 0; i < 200; i++) {
                assertThat(ids).contains(Integer.toString(i));
            }
            assertThat(keysInRedis()).isEqualTo(201); // 200 keys and the stream
        }
    }
}
