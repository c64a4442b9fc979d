package io.redstream.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpSyncClient;

/** The shaded production jar: command line behaviour and a clean stdio session. */
class ServerJarIT {

    @Test
    void help_printsEveryFlagOnStdout_andExitsZero() throws Exception {
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--help"), Map.of())) {
            assertThat(p.awaitExit()).isZero();
            String help = String.join("\n", p.remainingStdout());
            assertThat(help).contains("--redis URI").contains("REDIS_URL").contains("--max-result-bytes")
                    .contains("REDSTREAM_TOKEN");
        }
    }

    @Test
    void badFlag_printsReasonOnStderr_nothingOnStdout_andExitsTwo() throws Exception {
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("--redis", "mysql://h"), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.remainingStdout()).isEmpty();
            assertThat(p.stderr()).contains("redstream-mcp: --redis: must be a redis:// or rediss:// URI")
                    .contains("--help");
        }
    }

    @Test
    void badEnvironment_exitsTwo() throws Exception {
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand(), Map.of("REDSTREAM_HTTP_PORT", "x"))) {
            assertThat(p.awaitExit()).isEqualTo(2);
            assertThat(p.stderr()).contains("REDSTREAM_HTTP_PORT (environment): must be an integer");
        }
    }

    @Test
    void reservedSubcommands_sayTheyAreNotInThisBuild() throws Exception {
        try (RawProcess p = new RawProcess(McpProcesses.jarCommand("keygen"), Map.of())) {
            assertThat(p.awaitExit()).isEqualTo(1);
            assertThat(p.stderr()).contains("'keygen' command is not available in this build");
        }
    }

    @Test
    void serve_answersInitializeAndToolsList_overStdio() {
        List<String> stderr = McpProcesses.newStderrSink();
        McpSyncClient client = McpProcesses.client(McpProcesses.jarCommand(), Map.of(), stderr);
        try {
            assertThat(client.getServerInfo().name()).isEqualTo("redstream");
            assertThat(client.getServerInfo().version()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(client.listTools().tools()).isEmpty();
        } finally {
            client.closeGracefully();
        }
        assertThat(stderr).anyMatch(line -> line.contains("registers no tools yet"));
    }
}
