package io.redstream.mcp;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Raw HTTP requests to {@code /mcp}, for what an SDK client never sends (hostile or foreign requests). */
final class HttpWire {

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpProcess server;

    HttpWire(HttpProcess server) {
        this.server = server;
    }

    /** A POST to /mcp with the usual headers, plus {@code headers} (name, value, ...). */
    HttpResponse<String> post(String body, String... headers) throws IOException, InterruptedException {
        return client.send(postRequest(body, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** {@link #post} without waiting for the answer (a call that waits). */
    CompletableFuture<HttpResponse<String>> postAsync(String body, String... headers) {
        return client.sendAsync(postRequest(body, headers), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/mcp")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a session with {@code token}: its id. */
    String session(String token) throws IOException, InterruptedException {
        HttpResponse<String> init = post(INITIALIZE, "Authorization", "Bearer " + token);
        if (init.statusCode() != 200) {
            throw new AssertionError("initialize: " + init.statusCode() + " " + init.body());
        }
        String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> done = post(INITIALIZED, "Authorization", "Bearer " + token, "Mcp-Session-Id", id);
        if (done.statusCode() != 202) {
            throw new AssertionError("initialized: " + done.statusCode() + " " + done.body());
        }
        return id;
    }

    HttpClient client() {
        return client;
    }
}
