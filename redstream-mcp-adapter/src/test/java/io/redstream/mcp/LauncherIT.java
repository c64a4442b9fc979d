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
 * class-data cache (on JDK 17-24 a class list, from which the next launch builds the archive in the background),
 * removes what a killed build left, and starts later sessions from that cache (a cache the JVM cannot map fails
 * these sessions, because they ask for strict mapping).
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
        boolean aot = Runtime.version().feature() >= 25;
        serve(redis, Map.of());
        assertThat(cacheFiles()).as("what the training session wrote, named after its writer").singleElement()
                .asString().matches(".*redstream-mcp-\\d+\\." + (aot ? "aot" : "classes") + "\\.\\d+");
        String base = cacheFiles().get(0).replaceAll("\\.(aot|classes)\\.\\d+$", "");

        // A build of an earlier launch that was killed (JDK 17-24): its files go once its shell is gone.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Path.of(base + ".build." + gone.pid() + ".jsa");
        if (!aot) {
            Files.writeString(stale, "half-written");
        }

        // JDK 25 takes the AOT cache over; earlier JDKs build the archive from the class list in the background.
        serve(redis, Map.of());
        awaitOnlyTheCache();
        assertThat(stale).doesNotExist();

        // Strict mapping: the JVM refuses to start if the cache cannot be used.
        String strict = aot ? "-XX:AOTMode=on" : "-Xshare:on";
        serve(redis, Map.of("REDSTREAM_JAVA_OPTS", strict));
        serve(redis, Map.of("REDSTREAM_JAVA_OPTS", strict));
        assertThat(cacheFiles()).singleElement().asString().matches(".*redstream-mcp-\\d+\\.(jsa|aot)");
    }

    private void awaitOnlyTheCache() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!(cacheFiles().size() == 1 && cacheFiles().get(0).matches(".*redstream-mcp-\\d+\\.(jsa|aot)"))) {
            assertThat(System.nanoTime()).as("the cache in place, alone: %s", cacheFiles()).isLessThan(deadline);
            Thread.sleep(200);
        }
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
