package io.redstream.mcp;

import static io.redstream.mcp.Calls.args;
import static io.redstream.mcp.Calls.error;
import static io.redstream.mcp.Calls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 * Bearer authentication over HTTP, end to end against the jar: every refusal (no token, a bad, expired or
 * foreign-audience token, a token with no role of this server) is 401 or 403 with the RFC 6750/9728 headers and a
 * short body; the principal reaches the tool handlers as on stdio; a session serves only the principal that opened
 * it.
 */
@ExtendWith(RedisServerExtension.class)
class HttpAuthIT {

    static final String SECRET = "http-it-secret-0123456789-0123456789-0123";

    @TempDir
    static Path dir;
    static HttpProcess server;
    static HttpWire wire;
    static TokenIssuer issuer;

    @BeforeAll
    static void start(RedisServerProcess redis) throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt.secret"), SECRET);
        server = HttpProcess.start(redis.uri(), List.of("--jwt-secret-file", secret.toString(), "--jwt-issuer", "it",
                "--jwt-audience", "redstream"));
        wire = new HttpWire(server);
        issuer = issuer(Clock.systemUTC(), "redstream");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static TokenIssuer issuer(Clock clock, String audience) {
        return TokenIssuer.builder().hmacSecret(SECRET.getBytes(StandardCharsets.UTF_8)).issuer("it")
                .audience(audience).clock(clock).build();
    }

    private static String jwt(String subject, String... roles) {
        return issuer.issue(subject, Set.of(roles));
    }

    private static void assertShortBody(HttpResponse<String> r) {
        assertThat(r.body()).hasSizeLessThan(600).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("stackTrace").doesNotContain(SECRET);
    }

    @Test
    void noToken_is401_pointingToTheResourceMetadata() throws Exception {
        HttpResponse<String> r = wire.post(HttpWire.INITIALIZE);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer resource_metadata=\"" + server.base
                + "/.well-known/oauth-protected-resource\"");
        assertThat(r.body()).contains("\"error\":\"unauthorized\"").contains("Authorization: Bearer");
        assertShortBody(r);

        HttpResponse<String> meta = wire.get("/.well-known/oauth-protected-resource");
        assertThat(meta.statusCode()).isEqualTo(200);
        assertThat(meta.body()).contains("\"resource\":\"" + server.base + "/mcp\"")
                .contains("\"bearer_methods_supported\":[\"header\"]").contains("agent_write");
    }

    @Test
    void badToken_is401_invalidToken_withoutEchoingIt() throws Exception {
        HttpResponse<String> r = wire.post(HttpWire.INITIALIZE, "Authorization", "Bearer not.a.jwt-secretvalue");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer error=\"invalid_token\"")
                .contains("resource_metadata=");
        assertThat(r.body()).contains("invalid_token").doesNotContain("secretvalue");
        assertShortBody(r);
        assertThat(wire.post(HttpWire.INITIALIZE, "Authorization", "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
    }

    @Test
    void expiredToken_is401() throws Exception {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        String expired = issuer(past, "redstream").issue("old", Set.of("admin"), Duration.ofHours(1));

        HttpResponse<String> r = wire.post(HttpWire.INITIALIZE, "Authorization", "Bearer " + expired);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("invalid_token").containsIgnoringCase("expired");
        assertShortBody(r);
    }

    @Test
    void tokenForAnotherAudience_is401() throws Exception {
        String foreign = issuer(Clock.systemUTC(), "another-service").issue("svc", Set.of("admin"));

        HttpResponse<String> r = wire.post(HttpWire.INITIALIZE, "Authorization", "Bearer " + foreign);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("invalid_token").contains("aud");
        assertShortBody(r);
    }

    @Test
    void tokenWithNoRoleOfThisServer_is403_insufficientScope() throws Exception {
        HttpResponse<String> r = wire.post(HttpWire.INITIALIZE, "Authorization", "Bearer " + jwt("nobody", "unknown"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"insufficient_scope\"").contains("scope=\"").contains("agent_read");
        assertThat(r.body()).contains("insufficient_scope").contains("nobody");
        assertShortBody(r);
    }

    @Test
    void tokenInTheUrl_isRefused() throws Exception {
        HttpResponse<String> r = wire.get("/mcp?access_token=" + jwt("u", "admin"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("never accepted in the URL");
    }

    @Test
    void thePrincipal_reachesTheToolHandlers_asOnStdio() {
        McpSyncClient reader = server.client(jwt("reader", "agent_read"));
        McpSyncClient writer = server.client(jwt("writer", "agent_read", "agent_write"));
        try {
            assertThat(ok(writer, "redis_set", args("key", "nova:agent:http:k", "value", "v")))
                    .containsEntry("written", true);
            assertThat(ok(reader, "redis_get", args("key", "nova:agent:http:k"))).containsEntry("value", "v");
            assertThat(error(reader, "redis_set", args("key", "nova:agent:http:k", "value", "w"), "ACCESS_DENIED"))
                    .contains("reader");
        } finally {
            reader.closeGracefully();
            writer.closeGracefully();
        }
    }

    @Test
    void aSession_servesOnlyThePrincipalThatOpenedIt() throws Exception {
        String alice = jwt("alice", "admin");
        String mallory = jwt("mallory", "admin");
        String session = wire.session(alice);

        HttpResponse<String> hijack = wire.post(HttpWire.TOOLS_LIST, "Authorization", "Bearer " + mallory,
                "Mcp-Session-Id", session);
        assertThat(hijack.statusCode()).isEqualTo(404);
        assertThat(hijack.body()).doesNotContain("redis_get").contains("session_not_found");
        assertShortBody(hijack);
        HttpResponse<String> stream = wire.get("/mcp", "Authorization", "Bearer " + mallory, "Mcp-Session-Id", session,
                "Accept", "text/event-stream");
        assertThat(stream.statusCode()).isEqualTo(404);

        HttpResponse<String> own = wire.post(HttpWire.TOOLS_LIST, "Authorization", "Bearer " + alice,
                "Mcp-Session-Id", session);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("redis_get");
    }

    @Test
    void cancelled_endsTheWaitingCallItNames_andOnlyFromTheCallersOwnSession() throws Exception {
        String alice = jwt("alice", "admin");
        String mallory = jwt("mallory", "admin");
        String session = wire.session(alice);
        String malloryS = wire.session(mallory);
        assertThat(wire.post(Wire.call("g", "stream_group_create", "{\"stream\":\"nova:task:cancel:q\",\"group\":"
                + "\"g\"}"), "Authorization", "Bearer " + alice, "Mcp-Session-Id", session).body())
                .contains("\"isError\":false");
        CompletableFuture<HttpResponse<String>> waiting = wire.postAsync(Wire.call(10, "stream_group_read",
                "{\"stream\":\"nova:task:cancel:q\",\"group\":\"g\",\"consumer\":\"c\",\"block_ms\":25000}"),
                "Authorization", "Bearer " + alice, "Mcp-Session-Id", session);
        Thread.sleep(500);

        // Another caller can neither reach the session nor, from her own, name the call.
        assertThat(wire.post(Wire.cancel(10), "Authorization", "Bearer " + mallory, "Mcp-Session-Id", session)
                .statusCode()).isEqualTo(404);
        assertThat(wire.post(Wire.cancel(10), "Authorization", "Bearer " + mallory, "Mcp-Session-Id", malloryS)
                .statusCode()).isEqualTo(202);
        Thread.sleep(1000);
        assertThat(waiting).as("still waiting after others' cancels").isNotDone();

        assertThat(wire.post(Wire.cancel(10), "Authorization", "Bearer " + alice, "Mcp-Session-Id", session)
                .statusCode()).isEqualTo(202);
        HttpResponse<String> ended = waiting.get(10, TimeUnit.SECONDS); // the wait was 25 s
        assertThat(ended.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void metrics_needAToken_andCountCallsPerTool() throws Exception {
        assertThat(wire.get("/metrics").statusCode()).isEqualTo(401);
        McpSyncClient c = server.client(jwt("metered", "admin"));
        try {
            ok(c, "redis_health", args());
        } finally {
            c.closeGracefully();
        }
        HttpResponse<String> m = wire.get("/metrics", "Authorization", "Bearer " + jwt("scraper", "admin"));
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.body()).containsPattern("redstream_mcp_tool_calls_seconds_count\\{[^}]*tool=\"redis_health\"[^}]*\\}"
                + " [1-9]");
        assertThat(wire.get("/health").statusCode()).isEqualTo(200);
    }
}
