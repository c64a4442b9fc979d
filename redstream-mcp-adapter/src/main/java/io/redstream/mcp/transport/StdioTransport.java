package io.redstream.mcp.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.redstream.core.Redaction;
import reactor.core.publisher.Mono;

/**
 * MCP over stdin/stdout, one JSON-RPC message per line, as an MCP SDK transport provider. The session's rules
 * (strict messages, session order, cancellation, duplicate ids, sanitized errors) are those of
 * {@link SessionChannel}; this class adds the framing (lines of at most {@code maxLineBytes}) and the end of input:
 * every request already read is answered before the session ends. Quick calls run on the reading thread; the
 * {@link io.redstream.mcp.tool.ToolInvoker} moves waiting calls to workers. Writes are serialized on {@code out},
 * one flush per message. Thread-safe.
 */
public final class StdioTransport implements McpServerTransportProvider {

    private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);

    private final InputStream in;
    private final OutputStream out;
    private final McpJsonMapper sdkJson;
    private final int maxLineBytes;
    private final Duration drainTimeout;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;
    private SessionChannel channel;
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
        this.channel = new SessionChannel(sdkJson, this::writeLine, Map.of(), this::end);
        channel.open(factory);
    }

    /** Starts reading stdin on its own thread; returns at once. */
    public void start() {
        if (channel == null) {
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
        channel.drain(timeout);
        ended.countDown();
    }

    /** Requests read and not yet answered. */
    public int inFlight() {
        return channel.inFlight();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return channel == null ? Mono.empty() : channel.session().sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::end);
    }

    private void end() {
        stopping = true;
        ended.countDown();
    }

    private void readLoop() {
        LineReader lines = new LineReader(in, maxLineBytes);
        try {
            byte[] line;
            while (!stopping && (line = lines.next()) != null) {
                if (line == LineReader.TOO_LONG) {
                    log.warn("refused an input line longer than {} bytes", maxLineBytes);
                    channel.refuse("Invalid Request: message larger than " + maxLineBytes + " bytes");
                    continue;
                }
                channel.handle(line);
            }
        } catch (IOException e) {
            log.info("stdin could not be read ({}); stopping", e.getMessage());
        } catch (RuntimeException e) {
            log.error("stdin reader failed: {}", Redaction.describe(e));
        }
        channel.drain(drainTimeout);
        ended.countDown();
    }

    private void writeLine(byte[] bytes) {
        try {
            out.write(bytes);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            log.debug("stdout closed: {}", e.getMessage());
        }
    }
}
