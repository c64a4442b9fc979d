package io.redstream.mcp.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.redstream.core.Redaction;
import io.redstream.mcp.tool.CallControl;
import reactor.core.publisher.Mono;

/**
 * One MCP session over a message channel that carries one JSON-RPC message per unit (a stdio line, a WebSocket
 * text frame), with the rules the SDK's session does not hold:
 * <ul>
 *   <li>strict messages ({@link JsonRpc}): a bad message is answered with a JSON-RPC error and the session goes
 *       on;</li>
 *   <li>the session order: a request before {@code initialize} (other than {@code ping}), or before
 *       {@code notifications/initialized}, is answered with an error at once — the SDK would hold it forever;
 *       a second {@code initialize} is refused;</li>
 *   <li>{@code notifications/cancelled} cancels the call it names ({@link CallControl}) and its reply is
 *       dropped;</li>
 *   <li>a duplicate id of a request still in flight is refused;</li>
 *   <li>the error reply of an unexpected failure never carries exception text (class names, causes).</li>
 * </ul>
 * Every call's transport context holds its {@link CallControl} under {@link #CONTROL}, plus what the channel was
 * made with (over WebSocket: the caller). Messages go out through one writer, which must serialize them.
 * Thread-safe.
 */
public final class SessionChannel {

    /** Key of the call's {@link CallControl} in the transport context. */
    public static final String CONTROL = "redstream.call-control";

    private static final Logger log = LoggerFactory.getLogger(SessionChannel.class);

    private enum Phase { NEW, INITIALIZING, READY }

    private final McpJsonMapper sdkJson;
    private final Consumer<byte[]> out;
    private final Map<String, Object> context;
    private final Runnable onClose;
    private final JsonRpc jsonRpc = new JsonRpc();
    private final Map<Object, CallControl> inFlight = new ConcurrentHashMap<>();
    private volatile Phase phase = Phase.NEW;
    private McpServerSession session;

    /**
     * @param out writes one whole message (a line, a frame); called by one thread at a time
     * @param context what every call's transport context holds besides its {@link CallControl}
     * @param onClose run when the SDK closes the session
     */
    public SessionChannel(McpJsonMapper sdkJson, Consumer<byte[]> out, Map<String, Object> context,
            Runnable onClose) {
        this.sdkJson = requireNonNull(sdkJson, "sdkJson");
        this.out = requireNonNull(out, "out");
        this.context = Map.copyOf(context);
        this.onClose = requireNonNull(onClose, "onClose");
    }

    /** Opens the SDK session on this channel. */
    public void open(McpServerSession.Factory factory) {
        this.session = factory.create(new SessionTransport());
    }

    public McpServerSession session() {
        return session;
    }

    /** Handles one received message. */
    public void handle(byte[] bytes) {
        McpSchema.JSONRPCMessage message;
        try {
            message = jsonRpc.parse(bytes);
        } catch (JsonRpc.Refusal r) {
            log.warn("refused a message of {} bytes: {}", bytes.length, r.getMessage());
            write(jsonRpc.error(r.id(), r.code(), r.getMessage()));
            return;
        }
        if (message == null) {
            return;
        }
        try {
            if (message instanceof McpSchema.JSONRPCRequest request) {
                request(request);
            } else if (message instanceof McpSchema.JSONRPCNotification notification) {
                notification(notification);
            } else {
                forward(message, McpTransportContext.create(context));
            }
        } catch (RuntimeException e) {
            log.error("failed to handle a message: {}", Redaction.describe(e));
        }
    }

    /** Answers a message that could not be read at all (too long) with an error without id. */
    public void refuse(String message) {
        write(jsonRpc.error(null, JsonRpc.INVALID_REQUEST, message));
    }

    /** Requests received and not yet answered. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Waits up to {@code timeout} for the calls in flight to answer. */
    public void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlight) {
            while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
                try {
                    inFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!inFlight.isEmpty()) {
            log.warn("{} call(s) still running after {} ms; ending without their replies", inFlight.size(),
                    timeout.toMillis());
        }
    }

    /** Cancels every call in flight (the channel is gone: nobody will read their replies). */
    public void cancelAll() {
        inFlight.values().forEach(CallControl::cancel);
    }

    private void request(McpSchema.JSONRPCRequest request) {
        String method = request.method();
        if (McpSchema.METHOD_PING.equals(method) && phase != Phase.READY) {
            write(pong(request.id()));
            return;
        }
        String refusal = switch (phase) {
            case NEW -> McpSchema.METHOD_INITIALIZE.equals(method) ? null
                    : "Invalid Request: the session is not initialized: send 'initialize' first";
            case INITIALIZING -> "Invalid Request: send 'notifications/initialized' before other requests";
            case READY -> McpSchema.METHOD_INITIALIZE.equals(method)
                    ? "Invalid Request: the session is already initialized" : null;
        };
        if (refusal != null) {
            write(jsonRpc.error(request.id(), JsonRpc.INVALID_REQUEST, refusal));
            return;
        }
        CallControl control = new CallControl();
        if (inFlight.putIfAbsent(request.id(), control) != null) {
            write(jsonRpc.error(request.id(), JsonRpc.INVALID_REQUEST, "Invalid Request: id " + request.id()
                    + " is already used by a request in progress"));
            return;
        }
        if (McpSchema.METHOD_INITIALIZE.equals(method)) {
            phase = Phase.INITIALIZING;
        }
        Map<String, Object> callContext = new HashMap<>(context);
        callContext.put(CONTROL, control);
        forward(request, McpTransportContext.create(callContext));
    }

    private void notification(McpSchema.JSONRPCNotification notification) {
        String method = notification.method();
        if (McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(method)) {
            if (phase != Phase.INITIALIZING) {
                log.warn("ignored 'notifications/initialized' {}", phase == Phase.NEW ? "before 'initialize'"
                        : "sent twice");
                return;
            }
            phase = Phase.READY;
            forward(notification, McpTransportContext.create(context));
            return;
        }
        if ("notifications/cancelled".equals(method)) {
            cancel(notification.params());
            return;
        }
        if (phase == Phase.READY) {
            forward(notification, McpTransportContext.create(context));
        }
    }

    private void cancel(Object params) {
        if (params instanceof JsonNode node && node.has("requestId")) {
            JsonNode id = node.get("requestId");
            Object key = id.isTextual() ? id.asText() : id.isIntegralNumber() ? id.numberValue() : null;
            CallControl control = key == null ? null : inFlight.get(key);
            if (control != null) {
                control.cancel();
                log.info("call {} cancelled by the client", key);
            }
        }
    }

    private void forward(McpSchema.JSONRPCMessage message, McpTransportContext callContext) {
        session.handle(message)
                .contextWrite(c -> c.put(McpTransportContext.KEY, callContext))
                .subscribe(ignored -> { }, e -> log.error("failed to handle a message: {}", Redaction.describe(e)));
    }

    private byte[] pong(Object id) {
        try {
            return jsonRpc.write(McpSchema.JSONRPCResponse.result(id, Map.of()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a reply or a server-to-client message, unless it answers a cancelled call. */
    private void send(McpSchema.JSONRPCMessage message) {
        byte[] bytes;
        if (message instanceof McpSchema.JSONRPCResponse response) {
            CallControl control = inFlight.get(response.id());
            try {
                if (control != null && control.isCancelled()) {
                    return;
                }
                bytes = jsonRpc.write(sanitized(response));
            } catch (IOException e) {
                log.error("cannot write the reply to {}: {}", response.id(), Redaction.describe(e));
                bytes = jsonRpc.error(response.id(), JsonRpc.INTERNAL_ERROR, "Internal error");
            } finally {
                if (control != null) {
                    inFlight.remove(response.id());
                    synchronized (inFlight) {
                        inFlight.notifyAll();
                    }
                }
            }
        } else {
            try {
                bytes = jsonRpc.write(message);
            } catch (IOException e) {
                log.error("cannot write a message: {}", Redaction.describe(e));
                return;
            }
        }
        write(bytes);
    }

    /** The SDK puts exception messages (class names, causes) into internal errors: callers get none of that. */
    private static McpSchema.JSONRPCResponse sanitized(McpSchema.JSONRPCResponse response) {
        McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
        if (error == null || error.code() == null || error.code() != JsonRpc.INTERNAL_ERROR) {
            return response;
        }
        log.error("request {} failed: {}", response.id(), Redaction.redact(error.message()));
        return McpSchema.JSONRPCResponse.error(response.id(),
                new McpSchema.JSONRPCResponse.JSONRPCError(JsonRpc.INTERNAL_ERROR, "Internal error (see the server"
                        + " log)"));
    }

    private void write(byte[] bytes) {
        synchronized (out) {
            out.accept(bytes);
        }
    }

    /** The SDK's view of this channel. */
    private final class SessionTransport implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> send(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return sdkJson.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(onClose);
        }
    }
}
