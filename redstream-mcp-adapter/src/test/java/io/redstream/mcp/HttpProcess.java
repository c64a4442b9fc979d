package io.redstream.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;

/** The shaded jar serving {@code --http 0}: the port it got, read from its start line, and MCP clients of it. */
final class HttpProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("Streamable HTTP at (http://127\\.0\\.0\\.1:(\\d+))/mcp");

    final RawProcess process;
    final String base;

    private HttpProcess(RawProcess process, String base) {
        this.process = process;
        this.base = base;
    }

    /** Starts the server on {@code redisUri} with {@code flags} and waits until it listens. */
    static HttpProcess start(String redisUri, List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(McpProcesses.jarCommand("--redis", redisUri, "--http", "0"));
        command.addAll(flags);
        RawProcess p = new RawProcess(command, Map.of());
        long deadline = System.nanoTime() + McpProcesses.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(p.stderr());
            if (m.find()) {
                return new HttpProcess(p, m.group(1));
            }
            Thread.sleep(50);
        }
        String err = p.stderr();
        p.close();
        throw new AssertionError("the HTTP server did not start; stderr:\n" + err);
    }

    /** {@link #start}, for a suite's connect method, which may not throw checked exceptions. */
    static HttpProcess startUnchecked(String redisUri, List<String> flags) {
        try {
            return start(redisUri, flags);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** A connected, initialized SDK client sending {@code token} (null: none) as a bearer token. */
    McpSyncClient client(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint("/mcp").requestBuilder(request).jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .build();
        return McpProcesses.initialized(transport);
    }

    static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void close() throws IOException {
        process.close();
    }
}
