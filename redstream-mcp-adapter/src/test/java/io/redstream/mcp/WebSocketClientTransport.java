package io.redstream.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * A test MCP client transport over the JDK's WebSocket (the Java SDK has none): subprotocol {@code mcp}, one
 * JSON-RPC message per text frame, an optional bearer token on the upgrade.
 */
final class WebSocketClientTransport implements McpClientTransport {

    private final URI uri;
    private final String token;
    private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    private final CompletableFuture<WebSocket> socket = new CompletableFuture<>();

    WebSocketClientTransport(URI uri, String token) {
        this.uri = uri;
        this.token = token;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.fromFuture(() -> {
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("mcp");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b.buildAsync(uri, new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        String message = text.toString();
                        text.setLength(0);
                        try {
                            McpSchema.JSONRPCMessage m = McpSchema.deserializeJsonRpcMessage(json, message);
                            handler.apply(Mono.just(m)).flatMap(reply -> sendMessage(reply)).subscribe();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    ws.request(1);
                    return null;
                }
            });
        }).doOnNext(socket::complete).doOnError(socket::completeExceptionally).then();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromCallable(() -> json.writeValueAsString(message))
                .flatMap(text -> Mono.fromFuture(sendText(text))).then();
    }

    /** One frame at a time: the JDK's WebSocket refuses a send while another is in progress. */
    private synchronized CompletableFuture<WebSocket> sendText(String text) {
        return socket.thenCompose(ws -> ws.sendText(text, true)).toCompletableFuture();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            if (socket.isDone() && !socket.isCompletedExceptionally()) {
                socket.join().sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }
}
