package io.redstream.mcp.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.redstream.core.Redaction;
import io.redstream.mcp.tool.CallControl;
import reactor.core.publisher.Mono;

/**
 * MCP over stdin/stdout, one JSON-RPC message per line, as an MCP SDK transport provider. It replaces the SDK's
 * stdio transport because the server must hold rules that transport does not:
 * <ul>
 *   <li>strict messages ({@link JsonRpc}): a bad line is answered with a JSON-RPC error and reading goes on;</li>
 *   <li>the session order: a request before {@code initialize} (other than {@code ping}), or before
 *       {@code notifications/initialized}, is answered with an error at once — the SDK would hold it forever;
 *       a second {@code initialize} is refused;</li>
 *   <li>{@code notifications/cancelled} cancels the call it names ({@link CallControl}) and its reply is
 *       dropped;</li>
 *   <li>a duplicate id of a request still in flight is refused;</li>
 *   <li>the error reply of an unexpected failure never carries exception text (class names, causes);</li>
 *   <li>end of input: every request already read is answered before the session ends.</li>
 * </ul>
 * Quick calls run on the reading thread; the {@link io.redstream.mcp.tool.ToolInvoker} moves waiting calls to
 * workers. Writes are serialized on {@code out}, one flush per message. Thread-safe.
 */
public final class StdioTransport implements McpServerTransportProvider {

    /** Key of the call's {@link CallControl} in the transport context. */
    public static final String CONTROL = "redstream.call-control";


    private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);

    private enum Phase { NEW, INITIALIZING, READY }

    private final InputStream in;
    private final OutputStream out;
    private final McpJsonMapper sdkJson;
    private final int maxLineBytes;
    private final Duration drainTimeout;
    private final JsonRpc jsonRpc = new JsonRpc();
    private final Map<Object, CallControl> inFlight = new ConcurrentHashMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Phase phase = Phase.NEW;
    private volatile boolean stopping;
    private McpServerSession session;
    private Thread reader;

    /**
     * @param maxLineBytes longest message accepted; longer lines are refused
     * @param drainTimeout how long end of input waits for the calls in flight to answer
     */
    public StdioTransport(InputStream in, OutputStream out, McpJsonMapper sdkJson, int maxLineBytes,
            Duration drainTimeout) {
        this.in = requireNonNull(in, "in");
        this.out = requireNonNull(out, "out");
        this.sdkJson = requireNonNull(sdkJson, "sdkJson");
        this.maxLineBytes = maxLineBytes;
        this.drainTimeout = requireNonNull(drainTimeout, "drainTimeout");
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new SessionTransport());
    }

    /** Starts reading stdin on its own thread; returns at once. */
    public void start() {
        if (session == null) {
            throw new IllegalStateException("build the MCP server on this transport first");
        }
        reader = new Thread(this::readLoop, "redstream-mcp-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until input ended and every request read was answered (or {@link #stop} was called). */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /**
     * Stops taking requests, waits up to {@code timeout} for the calls in flight to answer, and ends the session.
     * Idempotent.
     */
    public void stop(Duration timeout) {
        stopping = true;
        drain(timeout);
        ended.countDown();
    }

    /** Requests read and not yet answered. */
    public int inFlight() {
        return inFlight.size();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return session == null ? Mono.empty() : session.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            stopping = true;
            ended.countDown();
        });
    }

    private void readLoop() {
        LineReader lines = new LineReader(in, maxLineBytes);
        try {
            byte[] line;
            while (!stopping && (line = lines.next()) != null) {
                if (line == LineReader.TOO_LONG) {
                    log.warn("refused an input line longer than {} bytes", maxLineBytes);
                    writeRaw(jsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: message larger than "
                            + maxLineBytes + " bytes"));
                    continue;
                }
                handle(line);
            }
        } catch (IOException e) {
            log.info("stdin could not be read ({}); stopping", e.getMessage());
        } catch (RuntimeException e) {
            log.error("stdin reader failed: {}", Redaction.describe(e));
        }
        drain(drainTimeout);
        ended.countDown();
    }

    private void drain(Duration timeout) {
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

    private void handle(byte[] line) {
        McpSchema.JSONRPCMessage message;
        try {
            message = jsonRpc.parse(line);
        } catch (JsonRpc.Refusal r) {
            log.warn("refused an input line of {} bytes: {}", line.length, r.getMessage());
            writeRaw(jsonRpc.error(r.id(), r.code(), r.getMessage()));
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
                forward(message, McpTransportContext.EMPTY);
            }
        } catch (RuntimeException e) {
            log.error("failed to handle a message: {}", Redaction.describe(e));
        }
    }

    private void request(McpSchema.JSONRPCRequest request) {
        String method = request.method();
        if (McpSchema.METHOD_PING.equals(method) && phase != Phase.READY) {
            writeRaw(pong(request.id()));
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
            writeRaw(jsonRpc.error(request.id(), JsonRpc.INVALID_REQUEST, refusal));
            return;
        }
        CallControl control = new CallControl();
        if (inFlight.putIfAbsent(request.id(), control) != null) {
            writeRaw(jsonRpc.error(request.id(), JsonRpc.INVALID_REQUEST, "Invalid Request: id " + request.id()
                    + " is already used by a request in progress"));
            return;
        }
        if (McpSchema.METHOD_INITIALIZE.equals(method)) {
            phase = Phase.INITIALIZING;
        }
        forward(request, McpTransportContext.create(Map.of(CONTROL, control)));
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
            forward(notification, McpTransportContext.EMPTY);
            return;
        }
        if ("notifications/cancelled".equals(method)) {
            cancel(notification.params());
            return;
        }
        if (phase == Phase.READY) {
            forward(notification, McpTransportContext.EMPTY);
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

    private void forward(McpSchema.JSONRPCMessage message, McpTransportContext context) {
        session.handle(message)
                .contextWrite(c -> c.put(McpTransportContext.KEY, context))
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
        writeRaw(bytes);
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

    private void writeRaw(byte[] bytes) {
        synchronized (out) {
            try {
                out.write(bytes);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                log.debug("stdout closed: {}", e.getMessage());
            }
        }
    }

    /** The one session of a stdio server. */
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
            return Mono.fromRunnable(() -> {
                stopping = true;
                ended.countDown();
            });
        }
    }
}
