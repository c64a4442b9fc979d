package io.redstream.mcp;

import static io.redstream.mcp.Calls.args;
import static io.redstream.mcp.Calls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.modelcontextprotocol.client.McpSyncClient;
import io.redstream.auth.TokenIssuer;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;

/**
 * WebSocket authentication and bad input against the jar: the bearer header, single-use tickets (reuse and
 * unknown tickets refused), no credential, a missing subprotocol, a foreign origin, and broken frames answered
 * with JSON-RPC errors while the connection keeps serving.
 */
@ExtendWith(RedisServerExtension.class)
class WebSocketIT {

    static final String SECRET = "ws-it-secret-0123456789-0123456789-01234";

    @TempDir
    static Path dir;
    static HttpProcess server;
    static TokenIssuer issuer;
    static URI ws;

    @BeforeAll
    static void start(RedisServerProcess redis) throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt.secret"), SECRET);
        server = HttpProcess.start(redis.uri(), List.of("--jwt-secret-file", secret.toString()));
        issuer = TokenIssuer.builder().hmacSecret(SECRET.getBytes(StandardCharsets.UTF_8)).build();
        ws = URI.create(server.base.replace("http://", "ws://") + "/ws");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String jwt(String subject, String... roles) {
        return issuer.issue(subject, Set.of(roles));
    }

    private static String ticket(String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/ws/ticket"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"expires_in\":30");
        return new ObjectMapper().readTree(r.body()).get("ticket").asText();
    }

    /** A raw connection: received text frames queue up. */
    private static final class Raw implements WebSocket.Listener {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                frames.add(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String f = frames.poll(20, TimeUnit.SECONDS);
            assertThat(f).as("a reply frame").isNotNull();
            return f;
        }
    }

    private static CompletableFuture<WebSocket> open(Raw listener, String protocol, String... headers) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (protocol != null) {
            b.subprotocols(protocol);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.buildAsync(ws, listener);
    }

    private static int handshakeStatus(CompletableFuture<WebSocket> attempt) {
        try {
            attempt.get(20, TimeUnit.SECONDS);
            return 101;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bearerHeader_opensASession_asThatPrincipal() {
        McpSyncClient writer = WebSocketToolContractIT.client(server, jwt("ws-writer", "agent_write", "agent_read"));
        try {
            assertThat(ok(writer, "redis_set", args("key", "nova:agent:ws:k", "value", "v")))
                    .containsEntry("written", true);
            assertThat(Calls.error(writer, "stream_publish", args("stream", "nova:task:ws:q", "fields",
                    java.util.Map.of("a", "b")), "ACCESS_DENIED")).contains("ws-writer");
        } finally {
            writer.closeGracefully();
        }
    }

    @Test
    void noCredential_orABadToken_is401() {
        assertThat(handshakeStatus(open(new Raw(), "mcp"))).isEqualTo(401);
        assertThat(handshakeStatus(open(new Raw(), "mcp", "Authorization", "Bearer forged"))).isEqualTo(401);
    }

    @Test
    void aTicket_opensOneConnection_andCannotBeUsedAgain() throws Exception {
        String ticket = ticket(jwt("browser", "admin"));
        Raw first = new Raw();
        WebSocket socket = open(first, "mcp").thenApply(s -> s).exceptionally(e -> null).get(20, TimeUnit.SECONDS);
        assertThat(socket).as("no credential at all is refused").isNull();

        WebSocket ok = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("mcp", "ticket." + ticket)
                .buildAsync(ws, first).get(20, TimeUnit.SECONDS);
        assertThat(ok.getSubprotocol()).isEqualTo("mcp");
        ok.sendText(HttpWire.INITIALIZE, true).get();
        assertThat(first.next()).contains("\"serverInfo\"");
        ok.sendClose(WebSocket.NORMAL_CLOSURE, "done");

        CompletableFuture<WebSocket> reuse = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("mcp", "ticket." + ticket).buildAsync(ws, new Raw());
        assertThat(handshakeStatus(reuse)).isEqualTo(401);
        CompletableFuture<WebSocket> unknown = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("mcp", "ticket.rst_made-up").buildAsync(ws, new Raw());
        assertThat(handshakeStatus(unknown)).isEqualTo(401);
    }

    @Test
    void aTicket_cannotBuyATicket() throws Exception {
        String ticket = ticket(jwt("browser", "admin"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/ws/ticket"))
                .header("Authorization", "Bearer " + ticket).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void withoutTheMcpSubprotocol_isRefused_andAForeignOriginIs403() {
        String token = jwt("u", "admin");
        assertThat(handshakeStatus(open(new Raw(), null, "Authorization", "Bearer " + token))).isEqualTo(400);
        assertThat(handshakeStatus(open(new Raw(), "mcp", "Authorization", "Bearer " + token, "Origin",
                "http://evil.example"))).isEqualTo(403);
    }

    @Test
    void badFrames_getJsonRpcErrors_andTheConnectionKeepsServing() throws Exception {
        Raw raw = new Raw();
        WebSocket socket = open(raw, "mcp", "Authorization", "Bearer " + jwt("u", "admin")).get(20, TimeUnit.SECONDS);
        socket.sendText("{not json", true).get();
        assertThat(raw.next()).contains("\"code\":-32700").doesNotContain("Exception");
        socket.sendText(HttpWire.TOOLS_LIST, true).get();
        assertThat(raw.next()).contains("not initialized");
        socket.sendBinary(java.nio.ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)), true).get();
        assertThat(raw.next()).contains("text frame");
        socket.sendText(HttpWire.INITIALIZE, true).get();
        assertThat(raw.next()).contains("\"serverInfo\"");
        socket.sendText(HttpWire.INITIALIZED, true).get();
        socket.sendText(HttpWire.TOOLS_LIST, true).get();
        assertThat(raw.next()).contains("redis_get");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
