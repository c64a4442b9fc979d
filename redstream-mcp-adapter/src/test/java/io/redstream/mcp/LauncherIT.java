package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;

/**
 * {@code bin/redstream-mcp}: finds the jar, keeps stdout for JSON-RPC, lets only a serving session train its
 * class-data cache, and starts later sessions from that cache (a cache the JVM cannot map fails these sessions,
 * because they ask for strict mapping).
 */
@ExtendWith(RedisServerExtension.class)
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "bin", "redstream-mcp").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cache;

    @Test
    void shortCommands_runButTrainNoCache() throws Exception {
        try (RawProcess p = launch(Map.of(), "--version")) {
            assertThat(p.awaitExit()).as(p.stderr()).isZero();
            assertThat(p.remainingStdout()).first().asString().startsWith("redstream-mcp ");
        }
        try (RawProcess p = launch(Map.of(), "keygen", "--roles", "admin")) {
            assertThat(p.awaitExit()).as(p.stderr()).isZero();
            assertThat(p.remainingStdout()).first().asString().startsWith("rsk_");
        }
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void aServingSession_trainsTheCache_andLaterSessionsStartFromIt(RedisServerProcess redis) throws Exception {
        serve(redis, Map.of());
        assertThat(cacheFiles()).as("the training session's cache, named after its writer").singleElement()
                .asString().matches(".*redstream-mcp-\\d+\\.(jsa|aot)\\.\\d+");

        // Strict mapping: the JVM refuses to start if the cache cannot be used.
        String strict = Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
        serve(redis, Map.of("REDSTREAM_JAVA_OPTS", strict));
        assertThat(cacheFiles()).as("taken over once its writer is gone").singleElement()
                .asString().matches(".*redstream-mcp-\\d+\\.(jsa|aot)");
        serve(redis, Map.of("REDSTREAM_JAVA_OPTS", strict));
        assertThat(cacheFiles()).hasSize(1);
    }

    /** One stdio session: initialize, tools/list, then EOF; every stdout line is a JSON-RPC message. */
    private void serve(RedisServerProcess redis, Map<String, String> env) throws Exception {
        Map<String, String> withRedis = new HashMap<>(env);
        withRedis.put("REDIS_URL", redis.uri());
        try (RawProcess p = launch(withRedis)) {
            p.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"launcher-test\",\"version\":\"1\"}}}");
            assertThat(JSON.readTree(p.receive()).path("result").path("serverInfo").isObject()).as(p.stderr()).isTrue();
            p.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            p.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            JsonNode list = JSON.readTree(p.receive());
            assertThat(list.path("result").path("tools").size()).as(p.stderr()).isPositive();
            p.closeStdin();
            assertThat(p.awaitExit()).as(p.stderr()).isZero();
            for (String line : p.remainingStdout()) {
                assertThat(JSON.readTree(line).path("jsonrpc").asText()).as("stdout line %s", line).isEqualTo("2.0");
            }
        }
    }

    private RawProcess launch(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(env);
        all.put("REDSTREAM_CACHE_DIR", cache.toString());
        all.put("REDSTREAM_MCP_JAR", McpProcesses.jar().toString());
        all.put("REDSTREAM_JAVA", McpProcesses.java());
        return new RawProcess(command, all);
    }

    private List<String> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(Path::toString).sorted().toList();
        }
    }
}
