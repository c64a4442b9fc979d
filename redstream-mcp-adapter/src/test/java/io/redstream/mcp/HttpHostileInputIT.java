package io.redstream.mcp;

import static io.redstream.mcp.Calls.args;
import static io.redstream.mcp.Calls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.modelcontextprotocol.client.McpSyncClient;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import redis.clients.jedis.Jedis;

/**
 * Hostile and broken HTTP requests: each gets the right 4xx with a short body and no stack trace, nothing is
 * written to Redis, and the server goes on serving a well-behaved client.
 */
@ExtendWith(RedisServerExtension.class)
class HttpHostileInputIT {

    static RedisServerProcess redis;
    static HttpProcess server;
    static HttpWire wire;
    static McpSyncClient good;

    @BeforeAll
    static void start(RedisServerProcess shared) throws Exception {
        redis = shared;
        server = HttpProcess.start(shared.uri(), List.of("--insecure-no-auth", "--max-value-bytes", "1024",
                "--max-multi-ops", "2", "--rate-limit", "50", "--max-sessions", "200"));
        wire = new HttpWire(server);
        good = server.client(null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (good != null) {
            good.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void assertShort(HttpResponse<String> r) {
        assertThat(r.body()).hasSizeLessThan(600).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("stackTrace").doesNotContain("<html");
    }

    private static void assertStillServing() {
        assertThat(ok(good, "redis_get", args("key", "nova:agent:h:probe"))).containsEntry("exists", false);
    }

    private static void assertNothingWritten() {
        try (Jedis j = redis.connect()) {
            assertThat(ServerKeys.callerKeys(j)).isEmpty();
        }
    }

    @Test
    void oversizedBody_is413_beforeItIsRead() throws Exception {
        redis.flushAll();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"redis_set\","
                + "\"arguments\":{\"key\":\"nova:agent:h:big\",\"value\":\"" + "x".repeat(17 << 20) + "\"}}}";
        HttpResponse<String> r = wire.post(call);

        assertThat(r.statusCode()).isEqualTo(413);
        assertShort(r);
        assertNothingWritten();
        assertStillServing();
    }

    @Test
    void malformedJson_is400_withAJsonRpcError() throws Exception {
        for (String body : new String[] {"{bad", "[]", "{\"jsonrpc\":\"2.0\"}", "\"just a string\"", ""}) {
            HttpResponse<String> r = wire.post(body);
            assertThat(r.statusCode()).as(body).isBetween(400, 499);
            assertShort(r);
        }
        HttpResponse<String> r = wire.post("{bad");
        assertThat(r.body()).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600");
        assertStillServing();
    }

    @Test
    void unknownSession_is404() throws Exception {
        HttpResponse<String> r = wire.post(HttpWire.TOOLS_LIST, "Mcp-Session-Id", "no-such-session");

        assertThat(r.statusCode()).isEqualTo(404);
        assertShort(r);
        assertThat(wire.get("/mcp", "Mcp-Session-Id", "no-such-session", "Accept", "text/event-stream").statusCode())
                .isEqualTo(404);
    }

    @Test
    void foreignOriginOrHost_is403() throws Exception {
        HttpResponse<String> origin = wire.post(HttpWire.INITIALIZE, "Origin", "http://evil.example");
        assertThat(origin.statusCode()).isEqualTo(403);
        assertThat(origin.body()).contains("forbidden_origin");
        assertShort(origin);
        assertThat(wire.post(HttpWire.INITIALIZE, "Origin", "http://localhost:3000").statusCode()).isEqualTo(200);

        // The JDK client will not send a foreign Host header: write the request by hand.
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.uri("/").getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\nAccept:"
                    + " application/json, text/event-stream\r\nContent-Length: " + HttpWire.INITIALIZE.length()
                    + "\r\nConnection: close\r\n\r\n" + HttpWire.INITIALIZE).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 403").contains("forbidden_host").doesNotContain("Exception");
        }
        assertStillServing();
    }

    @Test
    void missingAccept_is400() throws Exception {
        HttpResponse<String> r = wire.post(HttpWire.INITIALIZE, "Accept", "text/plain");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Accept");
        assertShort(r);
    }

    @Test
    void aRequestFlood_isRateLimited_with429AndRetryAfter() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        HttpRequest ping = HttpRequest.newBuilder(server.uri("/mcp")).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(HttpWire.INITIALIZE)).build();
        for (int i = 0; i < 150; i++) {
            replies.add(wire.client().sendAsync(ping, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> limited = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : replies) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).isIn(200, 429);
            if (r.statusCode() == 429) {
                limited.add(r);
            }
        }
        assertThat(limited).isNotEmpty();
        assertThat(limited.get(0).headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isPositive());
        assertShort(limited.get(0));
        Thread.sleep(1100);
        assertStillServing();
    }

    @Test
    void aConnectionFlood_doesNotStopTheServer() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.uri("/").getPort());
                // Headers never finished (slowloris): each holds a connection, none becomes a request.
                s.getOutputStream().write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1"
                        .getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            assertStillServing();
            assertThat(wire.get("/health").statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        assertStillServing();
    }
}
