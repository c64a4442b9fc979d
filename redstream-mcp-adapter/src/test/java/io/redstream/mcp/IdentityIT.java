package io.redstream.mcp;

import static io.redstream.mcp.Calls.error;
import static io.redstream.mcp.Calls.ok;
import static io.redstream.mcp.Calls.args;
import static io.redstream.mcp.Calls.list;
import static io.redstream.mcp.Calls.map;
import static io.redstream.mcp.Calls.stringList;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.modelcontextprotocol.client.McpSyncClient;
import io.redstream.auth.ApiKeyGenerator;
import io.redstream.auth.GeneratedApiKey;
import io.redstream.auth.TokenIssuer;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import redis.clients.jedis.Jedis;

/**
 * Who may do what, through the shaded jar on stdio: the caller's JWT or API key comes from
 * {@code REDSTREAM_TOKEN}, roles come from the built-in policy plus a policy file, and every tool
 * checks them (a filtered tool list is not access control).
 */
@ExtendWith(RedisServerExtension.class)
class IdentityIT {

    static final String SECRET = "it-secret-0123456789-0123456789-0123456789";
    static final String POLICY = """
            roles:
              planner:
                - effect: allow
                  actions: [key.get, key.set]
                  resources: ["nova:agent:alpha:>"]
                - effect: deny
                  actions: ["key.*"]
                  resources: ["nova:agent:alpha:private:>"]
            """;

    @TempDir
    static Path dir;
    static RedisServerProcess redis;
    static Path secretFile;
    static Path publicKeyFile;
    static Path keysFile;
    static Path policyFile;
    static TokenIssuer issuer;
    static KeyPair ec;
    static GeneratedApiKey writerKey;
    static GeneratedApiKey revokedKey;

    @BeforeAll
    static void files(RedisServerProcess shared) throws Exception {
        redis = shared;
        secretFile = Files.writeString(dir.resolve("jwt.secret"), SECRET + "\n");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        ec = g.generateKeyPair();
        publicKeyFile = Files.writeString(dir.resolve("jwt.pub.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ec.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        writerKey = new ApiKeyGenerator().generate(Set.of("task_read", "task_write"), "writer", null);
        revokedKey = new ApiKeyGenerator().generate(Set.of("admin"), null, null);
        keysFile = Files.writeString(dir.resolve("keys.txt"), "# test keys\n" + writerKey.storeLine() + "\n"
                + revokedKey.record().revoke().toLine() + "\n");
        policyFile = Files.writeString(dir.resolve("policy.yaml"), POLICY);
        issuer = TokenIssuer.builder().hmacSecret(SECRET.getBytes(StandardCharsets.UTF_8)).issuer("it").build();
    }

    @BeforeEach
    void clean() {
        redis.flushAll();
    }

    /** A server with JWT (secret and public key), API keys and the policy file, called with {@code token}. */
    private static McpSyncClient server(String token, List<String> stderr, String... extra) {
        List<String> command = new ArrayList<>(McpProcesses.jarCommand("--redis", redis.uri(),
                "--jwt-secret-file", secretFile.toString(), "--jwt-public-key-file", publicKeyFile.toString(),
                "--jwt-issuer", "it", "--api-keys-file", keysFile.toString(), "--policy-file", policyFile.toString()));
        command.addAll(List.of(extra));
        return McpProcesses.client(command, Map.of("REDSTREAM_TOKEN", token), stderr);
    }

    private static McpSyncClient server(String token, String... extra) {
        return server(token, McpProcesses.newStderrSink(), extra);
    }

    private static String jwt(String subject, String... roles) {
        return issuer.issue(subject, Set.of(roles));
    }

    private static void seed() {
        try (Jedis j = redis.connect()) {
            j.set("nova:task:a:k", "task value");
            j.set("nova:agent:a:k", "agent value");
            j.set("nova:agent:alpha:notes", "n");
        }
    }

    @Test
    void jwtWithReadRole_readsItsDomain_andIsDeniedEverythingElse() {
        seed();
        List<String> stderr = McpProcesses.newStderrSink();
        McpSyncClient c = server(jwt("reader", "task_read"), stderr);
        try {
            assertThat(c.listTools().tools()).hasSize(ContractTools.ALL.size()); // listing is not access control: calls are checked
            assertThat(ok(c, "redis_get", args("key", "nova:task:a:k"))).containsEntry("value", "task value");
            assertThat(error(c, "redis_get", args("key", "nova:agent:a:k"), "ACCESS_DENIED"))
                    .contains("principal 'reader'").contains("key.get").contains("nova:agent:a:k");
            assertThat(error(c, "redis_set", args("key", "nova:task:a:k", "value", "x"), "ACCESS_DENIED")).contains("key.set");
            error(c, "stream_publish", args("stream", "nova:task:a:s", "fields", Map.of("a", "b")), "ACCESS_DENIED");
            error(c, "redis_subscribe", args("patterns", List.of("nova:*"), "timeout_ms", 100), "ACCESS_DENIED");
            error(c, "redis_multi", args("operations", List.of(Map.of("op", "get", "key", "nova:task:a:k"),
                    Map.of("op", "get", "key", "nova:agent:a:k"))), "ACCESS_DENIED");
            assertThat(stringList(ok(c, "redis_keys", args("count", 50)).get("keys")))
                    .containsExactly("nova:task:a:k");
            assertThat(ok(c, "redis_health", Map.of())).containsEntry("status", "UP");
        } finally {
            c.closeGracefully();
        }
        assertThat(String.join("\n", stderr)).contains("caller: Principal[subject=reader")
                .contains("access denied").doesNotContain(SECRET);
        try (Jedis j = redis.connect()) {
            assertThat(j.get("nova:task:a:k")).isEqualTo("task value");
        }
    }

    @Test
    void apiKey_writesItsDomain_publishesAsItsSubject_andMultiIsAllOrNothingOnDenial() {
        McpSyncClient c = server(writerKey.key());
        try {
            ok(c, "stream_publish", args("stream", "nova:task:a:s", "fields", Map.of("a", "b")));
            Map<String, Object> entry = list(ok(c, "stream_read", args("stream", "nova:task:a:s")).get("entries")).get(0);
            assertThat(map(entry.get("fields"))).containsEntry("_source", "writer");
            ok(c, "stream_group_create", args("stream", "nova:task:a:s", "group", "g", "start_id", "0"));
            assertThat(list(ok(c, "stream_group_read", args("stream", "nova:task:a:s", "group", "g", "consumer", "c"))
                    .get("entries"))).hasSize(1);

            error(c, "redis_multi", args("operations", List.of(
                    Map.of("op", "set", "key", "nova:task:a:first", "value", "x"),
                    Map.of("op", "set", "key", "nova:agent:a:second", "value", "x"))), "ACCESS_DENIED");
            error(c, "redis_publish", args("channel", "nova:agent:a:ch", "message", "x"), "ACCESS_DENIED");
        } finally {
            c.closeGracefully();
        }
        try (Jedis j = redis.connect()) {
            assertThat(j.exists("nova:task:a:first")).isFalse();
        }
    }

    @Test
    void coordination_actsOnlyAsTheCallersOwnSubject_unlessAdmin_andADenialSendsNothing() {
        McpSyncClient writer = server(writerKey.key());
        McpSyncClient beta = server(jwt("beta", "task_read", "task_write", "agent_write", "agent_read"));
        McpSyncClient admin = server(jwt("ops", "admin"));
        try {
            String id = (String) ok(writer, "task_create", args("board", "two", "title", "t")).get("task_id");
            assertThat(error(writer, "task_claim", args("board", "two", "agent", "beta"), "ACCESS_DENIED"))
                    .contains("may act only as itself").contains("'beta'");
            assertThat(ok(writer, "task_get", args("board", "two", "task_id", id))).containsEntry("status", "open")
                    .containsEntry("attempt", 0);

            assertThat(map(ok(writer, "task_claim", args("board", "two")).get("task"))).containsEntry("task_id", id);
            assertThat(error(beta, "task_update", args("board", "two", "task_id", id, "status", "done"), "CONFLICT"))
                    .contains("writer");
            error(beta, "task_update", args("board", "two", "task_id", id, "agent", "writer", "status", "done"),
                    "ACCESS_DENIED");
            assertThat(ok(beta, "task_get", args("board", "two", "task_id", id))).containsEntry("status", "claimed")
                    .containsEntry("owner", "writer");

            // roles of the domain: the writer has none for agent keys or presence
            error(writer, "lock_acquire", args("key", "nova:agent:two:lock", "ttl_seconds", 5), "ACCESS_DENIED");
            error(writer, "agent_heartbeat", args(), "ACCESS_DENIED");
            ok(beta, "agent_heartbeat", args("status", "idle"));
            error(beta, "agent_heartbeat", args("agent", "writer"), "ACCESS_DENIED");
            error(beta, "lock_acquire", args("key", "nova:agent:two:lock", "owner", "writer", "ttl_seconds", 5),
                    "ACCESS_DENIED");
            long token = ((Number) ok(beta, "lock_acquire", args("key", "nova:agent:two:lock", "ttl_seconds", 5))
                    .get("token")).longValue();
            error(writer, "lock_release", args("key", "nova:agent:two:lock", "token", token), "ACCESS_DENIED");

            // an admin may act for another agent
            ok(admin, "task_update", args("board", "two", "task_id", id, "agent", "writer", "status", "done"));
            assertThat(ok(admin, "lock_release", args("key", "nova:agent:two:lock", "owner", "beta", "token", token)))
                    .containsEntry("released", true);
            assertThat(list(ok(beta, "agent_list", args("status", "idle")).get("agents")))
                    .extracting(a -> a.get("agent")).containsExactly("beta");
        } finally {
            writer.closeGracefully();
            beta.closeGracefully();
            admin.closeGracefully();
        }
        try (Jedis j = redis.connect()) {
            assertThat(j.exists("nova:agent:writer:presence")).isFalse();
            assertThat(j.xlen("nova:task:two:events")).isEqualTo(3); // created, claimed, done: no denied step
        }
    }

    @Test
    void apiKeysFile_isReadAgainWhenItChanges_aRevokedKeyStopsWorkingMidSession() throws Exception {
        GeneratedApiKey key = new ApiKeyGenerator().generate(Set.of("agent_write"), "rotating", null);
        Path file = Files.writeString(dir.resolve("rotating-keys.txt"), key.storeLine() + "\n");
        McpSyncClient c = McpProcesses.client(McpProcesses.jarCommand("--redis", redis.uri(), "--api-keys-file",
                file.toString()), Map.of("REDSTREAM_TOKEN", key.key()), McpProcesses.newStderrSink());
        try {
            ok(c, "redis_set", args("key", "nova:agent:a:before", "value", "v"));
            Files.writeString(file, key.record().revoke().toLine() + "\n");
            String refused = null;
            for (int i = 0; i < 50 && refused == null; i++) {
                var r = Calls.call(c, "redis_set", args("key", "nova:agent:a:after" + i, "value", "v"));
                if (Boolean.TRUE.equals(r.isError())) {
                    refused = Calls.text(r);
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(refused).as("refused within 5 s of the change").isNotNull()
                    .startsWith("UNAUTHENTICATED: ").contains("revoked").doesNotContain(key.key());
            Files.writeString(file, "this line is not a key record\n");
            Thread.sleep(1200);
            assertThat(Calls.error(c, "redis_get", args("key", "nova:agent:a:before"), "UNAUTHENTICATED"))
                    .contains("API keys file");
        } finally {
            c.closeGracefully();
        }
    }

    @Test
    void policyFileRole_allowsItsRules_denyWins_andEverythingElseIsDenied() {
        seed();
        McpSyncClient c = server(jwt("planner-bot", "planner"));
        try {
            ok(c, "redis_set", args("key", "nova:agent:alpha:plan", "value", "p"));
            assertThat(ok(c, "redis_get", args("key", "nova:agent:alpha:notes"))).containsEntry("value", "n");
            assertThat(error(c, "redis_set", args("key", "nova:agent:alpha:private:x", "value", "p"), "ACCESS_DENIED"))
                    .contains("denied by rule planner#1");
            error(c, "redis_get", args("key", "nova:agent:beta:x"), "ACCESS_DENIED");
            error(c, "redis_del", args("keys", List.of("nova:agent:alpha:plan")), "ACCESS_DENIED");
        } finally {
            c.closeGracefully();
        }
    }

    @Test
    void publicKeyToken_isAccepted_nextToTheSecret() {
        String es = TokenIssuer.builder().privateKey(ec.getPrivate()).issuer("it").build()
                .issue("edge", Set.of("agent_read", "agent_write"));
        McpSyncClient c = server(es);
        try {
            ok(c, "redis_set", args("key", "nova:agent:e:k", "value", "v"));
            error(c, "redis_set", args("key", "nova:task:e:k", "value", "v"), "ACCESS_DENIED");
        } finally {
            c.closeGracefully();
        }
    }

    @Test
    void badCredentials_makeEveryCallUnauthenticated_theServerKeepsServing() {
        String tampered = jwt("reader", "task_read");
        tampered = tampered.substring(0, tampered.length() - 4) + (tampered.endsWith("AAAA") ? "BBBB" : "AAAA");
        String expired = TokenIssuer.builder().hmacSecret(SECRET.getBytes(StandardCharsets.UTF_8)).issuer("it")
                .clock(Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC)).build()
                .issue("late", Set.of("admin"), Duration.ofHours(1));
        Map<String, String> cases = Map.of(
                "", "set REDSTREAM_TOKEN",
                tampered, "signature",
                expired, "expired",
                revokedKey.key(), "revoked",
                "rsk_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "not valid");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            List<String> stderr = McpProcesses.newStderrSink();
            McpSyncClient c = server(e.getKey(), stderr);
            try {
                assertThat(c.listTools().tools()).hasSize(ContractTools.ALL.size());
                assertThat(error(c, "redis_health", Map.of(), "UNAUTHENTICATED")).contains(e.getValue());
                error(c, "redis_get", args("key", "nova:task:a:k"), "UNAUTHENTICATED");
                // authentication comes before argument validation: nothing else is revealed
                error(c, "redis_get", args("nonsense", true), "UNAUTHENTICATED");
                error(c, "redis_set", args("key", "nova:task:a:k", "value", "x"), "UNAUTHENTICATED");
            } finally {
                c.closeGracefully();
            }
            assertThat(String.join("\n", stderr)).contains("UNAUTHENTICATED");
            if (!e.getKey().isEmpty()) {
                assertThat(String.join("\n", stderr)).doesNotContain(e.getKey());
            }
        }
        try (Jedis j = redis.connect()) {
            assertThat(j.exists("nova:task:a:k")).isFalse();
        }
    }

    @Test
    void readOnly_refusesWrites_evenForAdmin() {
        McpSyncClient c = server(jwt("root", "admin"), "--read-only");
        try {
            assertThat(c.listTools().tools()).hasSize(8);
            assertThat(error(c, "redis_set", args("key", "nova:task:a:k", "value", "x"), "ACCESS_DENIED"))
                    .contains("--read-only");
            ok(c, "redis_get", args("key", "nova:task:a:k"));
        } finally {
            c.closeGracefully();
        }
    }
}
