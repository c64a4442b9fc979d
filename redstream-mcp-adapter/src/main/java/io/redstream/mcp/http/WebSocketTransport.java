package io.redstream.mcp.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.redstream.auth.Principal;
import io.redstream.mcp.transport.SessionChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MCP over WebSocket as an SDK transport provider: each connection is one MCP session, one JSON-RPC message per
 * text frame, with the session rules of {@link SessionChannel} (the same as stdio) and the connection's
 * authenticated principal as the caller of every call. A binary frame is answered with an error; a frame over the
 * size limit closes the connection (1009). Public only for Jetty; made by {@link HttpServer}. Thread-safe.
 */
public final class WebSocketTransport implements McpServerTransportProvider {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);

    private final McpJsonMapper sdkJson;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile McpServerSession.Factory factory;

    WebSocketTransport(McpJsonMapper sdkJson) {
        this.sdkJson = sdkJson;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.factory = factory;
    }

    /** The endpoint of a new connection made by {@code principal}. */
    Session.Listener connect(Principal principal) {
        return new Connection(principal);
    }

    int connections() {
        return open.size();
    }

    /** Lets the calls in flight on every connection answer, for at most {@code timeout}. */
    void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Connection c : open) {
            c.channel.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(open).flatMap(c -> c.channel.session().sendNotification(method, params)
                .onErrorResume(e -> Mono.empty())).then();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> open.forEach(c -> c.close(StatusCode.SHUTDOWN, "server stopping")));
    }

    /** One connection (public: Jetty calls its methods by method handles). */
    public final class Connection implements Session.Listener.AutoDemanding {
        private final SessionChannel channel;
        private volatile Session socket;

        Connection(Principal principal) {
            this.channel = new SessionChannel(sdkJson, this::sendFrame, Map.of(HttpCallers.PRINCIPAL, principal),
                    () -> close(StatusCode.NORMAL, "session closed"));
            channel.open(factory);
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.socket = session;
            open.add(this);
        }

        @Override
        public void onWebSocketText(String message) {
            channel.handle(message.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            channel.refuse("Invalid Request: send each JSON-RPC message as one text frame, not binary");
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            open.remove(this);
            channel.cancelAll();
            channel.session().closeGracefully().subscribe(ignored -> { }, e -> { });
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            log.debug("WebSocket error: {}", cause.getMessage());
        }

        private void sendFrame(byte[] bytes) {
            Session s = socket;
            if (s != null && s.isOpen()) {
                s.sendText(new String(bytes, StandardCharsets.UTF_8), Callback.NOOP);
            }
        }

        void close(int code, String reason) {
            Session s = socket;
            if (s != null && s.isOpen()) {
                s.close(code, reason, Callback.NOOP);
            }
        }
    }
}
