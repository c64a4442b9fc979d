package io.redstream.mcp;

import static io.redstream.mcp.Calls.error;
import static io.redstream.mcp.Calls.ok;
import static io.redstream.mcp.Calls.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.client.McpSyncClient;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;

/** The shaded production jar: command line, subcommands, startup errors, and the raw stdio wire. */
@ExtendWith(RedisServerExtension.class)
class ServerJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void help_printsEveryFlagEnvironmentVariableAndSubcommand_onStdout_andExitsZero() throws Exception {
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--help"), Map.of())) {
            assertThat(p.awaitExit()).isZero();
            String help = String.join("\n", p.remainingStdout());
            assertThat(help).contains("--redis=URI").contains("REDIS_URL").contains("--cluster").contains("--jwt-secret-file")
                    .contains("--api-keys-file").contains("--policy-file").contains("--read-only").contains("--default-ttl")
                    .contains("--toolsets").contains("--max-result-bytes").contains("--max-waiting-calls")
                    .contains("REDSTREAM_TOKEN").contains("keygen").contains("token").contains("embedded-redis")
                    .contains("embedded Redis").contains("--version")
                    .contains("--http=PORT").contains("REDSTREAM_HTTP_PORT").contains("--stateless").contains("--bind");
        }
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--version"), Map.of())) {
            assertThat(p.awaitExit()).isZero();
            assertThat(String.join("\n", p.remainingStdout())).startsWith("redstream-mcp 0.1.0-SNAPSHOT");
        }
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("keygen", "--help"), Map.of())) {
            assertThat(p.awaitExit()).isZero();
            assertThat(String.join("\n", p.remainingStdout())).contains("--expires-in").contains("--append");
        }
    }

    @Test
    void badFlag_printsReasonOnStderr_nothingOnStdout_andExitsTwo() throws Exception {
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redis", "mysql://h"), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.remainingStdout()).isEmpty();
            assertThat(p.stderr()).contains("redstream-mcp: --redis: ").contains("mysql://h").contains("--help");
        }
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand(), Map.of("REDSTREAM_MAX_COUNT", "many"))) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("--max-count").contains("many").contains("REDSTREAM_MAX_COUNT");
        }
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redsi", "redis://h"), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.remainingStdout()).isEmpty();
            assertThat(p.stderr()).contains("Unknown options: '--redsi'").contains("Possible solutions: --redis");
        }
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redis", "redis://:s3cret@h:1",
                "--max-count", "0"), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("--max-count must be between 1 and 1000000, but was 0")
                    .doesNotContain("s3cret");
        }
    }

    @Test
    void unusableKeyOrPolicyFile_stopsTheServerAtStartup_withTheReason() throws Exception {
        Path shortSecret = Files.writeString(dir.resolve("short.secret"), "too short");
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redis", "redis://127.0.0.1:1",
                "--jwt-secret-file", shortSecret.toString()), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("--jwt-secret-file").contains("at least 32 bytes").doesNotContain("too short")
                    .doesNotContain("\tat ");
        }
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "roles:\n  x:\n    - effect: allow\n"
                + "      actions: [stream.pubish]\n      resources: [\"nova:>\"]\n");
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redis", "redis://127.0.0.1:1",
                "--policy-file", policy.toString()), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("--policy-file").contains("stream.pubish");
        }
    }

    @Test
    void keygenAndToken_makeCredentialsTheServerAccepts(RedisServerProcess redis) throws Exception {
        Path keys = dir.resolve("keys.txt");
        String apiKey;
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("keygen", "--roles", "agent_read,agent_write",
                "--subject", "ops-bot", "--expires-in", "30d", "--append", keys.toString()), Map.of())) {
            assertThat(p.awaitExit()).isZero();
            assertThat(p.remainingStdout()).hasSize(1);
            apiKey = p.remainingStdout().get(0);
            assertThat(apiKey).startsWith("rsk_");
            assertThat(p.stderr()).contains("shown only now").doesNotContain(apiKey);
        }
        assertThat(Files.readString(keys)).contains("roles=agent_read,agent_write").contains("subject=ops-bot")
                .contains("expires=").doesNotContain(apiKey);
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("keygen", "--roles", "admin"), Map.of())) {
            assertThat(p.awaitExit()).isZero();
            assertThat(p.stderr()).contains("Store this line").contains("sha256:").contains("roles=admin");
        }

        Path secret = Files.writeString(dir.resolve("jwt.secret"), "a-server-secret-that-is-long-enough-0123\n");
        String jwt;
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("token", "--subject", "planner",
                "--roles", "task_write,task_read", "--ttl", "10m", "--jwt-issuer", "redstream"),
                Map.of("REDSTREAM_JWT_SECRET_FILE", secret.toString()))) {
            assertThat(p.awaitExit()).as(p.stderr()).isZero();
            jwt = p.remainingStdout().get(0);
            assertThat(jwt.split("\\.")).hasSize(3);
            assertThat(p.stderr()).contains("subject 'planner'").contains("PT10M");
        }
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("token", "--subject", "x", "--roles", "admin",
                "--ttl", "25h", "--jwt-secret-file", secret.toString()), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("ttl").contains("24");
        }

        for (String token : List.of(apiKey, jwt)) {
            McpSyncClient c = McpProcesses.client(McpProcesses.jarCommand("--redis", redis.uri(), "--api-keys-file",
                    keys.toString(), "--jwt-secret-file", secret.toString(), "--jwt-issuer", "redstream"),
                    Map.of("REDSTREAM_TOKEN", token), McpProcesses.newStderrSink());
            try {
                String allowed = token == apiKey ? "nova:agent:k:x" : "nova:task:k:x";
                String denied = token == apiKey ? "nova:task:k:x" : "nova:agent:k:x";
                ok(c, "redis_set", args("key", allowed, "value", "v"));
                error(c, "redis_set", args("key", denied, "value", "v"), "ACCESS_DENIED");
            } finally {
                c.closeGracefully();
            }
        }
    }

    @Test
    void rawWire_malformedLinesAreAnswered_theSessionSurvives_onlyJsonRpcOnStdout(RedisServerProcess redis) throws Exception {
        redis.flushAll();
        try (RawProcess server = new RawProcess(McpProcesses.jarCommand("--redis", redis.uri()), Map.of())) {
            server.send("{ not json");
            assertThat(JSON.readTree(server.receive()).at("/error/code").asInt()).isEqualTo(-32700);
            server.send(Wire.INITIALIZE);
            assertThat(JSON.readTree(server.receive()).at("/result/serverInfo/name").asText()).isEqualTo("redstream");
            server.send(Wire.INITIALIZED);
            server.send("[1,2,3]");
            assertThat(JSON.readTree(server.receive()).at("/error/code").asInt()).isEqualTo(-32600);
            server.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"redis_get\","
                    + "\"arguments\":{\"key\":42}}}");
            JsonNode mistyped = JSON.readTree(server.receive());
            assertThat(mistyped.at("/result/isError").asBoolean()).isTrue();
            assertThat(mistyped.at("/result/content/0/text").asText()).startsWith("INVALID_ARGUMENT: argument 'key' must be a string");
            server.send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"redis_get\","
                    + "\"arguments\":{\"key\":\"nova:agent:a:b\"}}}");
            assertThat(JSON.readTree(server.receive()).at("/result/structuredContent/exists").asBoolean()).isFalse();
            server.closeStdin();
            assertThat(server.awaitExit()).isZero();
            for (String line : server.remainingStdout()) {
                assertThat(JSON.readTree(line).get("jsonrpc").asText()).as(line).isEqualTo("2.0");
            }
        }
    }
}
