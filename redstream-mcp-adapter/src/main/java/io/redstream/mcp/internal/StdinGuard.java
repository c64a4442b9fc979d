package io.redstream.mcp.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The stdin the SDK reads, one JSON-RPC message per line. The SDK's stdio transport (2.1.0) stops
 * reading for good on the first line it cannot parse or that exceeds its size limit, which ends the
 * session; this guard sits in front of it and answers such lines itself (JSON-RPC {@code -32700} parse
 * error or {@code -32600} invalid request, written to the same stdout under the same lock the SDK
 * uses), so bad input never kills the server. It also reports end of input, which is when a stdio
 * server should exit.
 *
 * <p>Read by the SDK's single inbound thread only.
 */
final class StdinGuard extends InputStream {

    private static final Logger log = LoggerFactory.getLogger(StdinGuard.class);

    private final InputStream in;
    private final OutputStream out;
    private final McpJsonMapper jsonMapper;
    private final ObjectMapper objectMapper;
    private final int maxLineBytes;
    private final Runnable onEndOfInput;
    private final AtomicBoolean ended = new AtomicBoolean();

    private byte[] line = new byte[8192];
    private byte[] current;
    private int position;
    private int pushedBack = -1;

    /**
     * @param out          the stream the SDK writes to; we synchronize on it exactly as the SDK does
     * @param maxLineBytes longer lines are discarded and answered with an error
     */
    StdinGuard(InputStream in, OutputStream out, McpJsonMapper jsonMapper, ObjectMapper objectMapper,
            int maxLineBytes, Runnable onEndOfInput) {
        this.in = requireNonNull(in, "in");
        this.out = requireNonNull(out, "out");
        this.jsonMapper = requireNonNull(jsonMapper, "jsonMapper");
        this.objectMapper = requireNonNull(objectMapper, "objectMapper");
        this.maxLineBytes = maxLineBytes;
        this.onEndOfInput = requireNonNull(onEndOfInput, "onEndOfInput");
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes sure a validated line is buffered; false at end of input. */
    private boolean fill() throws IOException {
        while (current == null || position >= current.length) {
            current = null;
            int length = readLine();
            if (length < 0) {
                if (ended.compareAndSet(false, true)) {
                    onEndOfInput.run();
                }
                return false;
            }
            if (length == Integer.MAX_VALUE) {
                reply(null, McpSchema.ErrorCodes.INVALID_REQUEST,
                        "Invalid Request: message larger than " + maxLineBytes + " bytes");
                continue;
            }
            String text = new String(line, 0, length, StandardCharsets.UTF_8);
            if (text.isBlank() || !accept(text)) {
                continue;
            }
            current = Arrays.copyOf(line, length + 1);
            current[length] = '\n';
            position = 0;
        }
        return true;
    }

    /**
     * Reads one line (without terminator) into {@link #line}; returns its length, -1 at end of input,
     * or {@link Integer#MAX_VALUE} when it was too long and has been skipped.
     */
    private int readLine() throws IOException {
        int length = 0;
        boolean tooLong = false;
        while (true) {
            int c = pushedBack >= 0 ? pushedBack : in.read();
            pushedBack = -1;
            if (c == -1) {
                return length == 0 && !tooLong ? -1 : tooLong ? Integer.MAX_VALUE : length;
            }
            if (c == '\n') {
                return tooLong ? Integer.MAX_VALUE : length;
            }
            if (c == '\r') {
                int next = in.read();
                if (next != '\n' && next != -1) {
                    pushedBack = next;
                }
                return tooLong ? Integer.MAX_VALUE : length;
            }
            if (tooLong) {
                continue;
            }
            if (length == maxLineBytes) {
                tooLong = true;
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, (int) Math.min((long) line.length * 2, maxLineBytes));
            }
            line[length++] = (byte) c;
        }
    }

    /** Whether the SDK will accept the line; otherwise answers it and returns false. */
    private boolean accept(String text) {
        try {
            McpSchema.deserializeJsonRpcMessage(jsonMapper, text);
            return true;
        } catch (Exception notJsonRpc) {
            Object id = null;
            boolean json;
            try {
                Object parsed = objectMapper.readValue(text, Object.class);
                json = true;
                if (parsed instanceof Map<?, ?> map && (map.get("id") instanceof String || map.get("id") instanceof Number)) {
                    id = map.get("id");
                }
            } catch (IOException e) {
                json = false;
            }
            log.warn("ignored an unusable input line ({} characters): {}", text.length(),
                    json ? "not a JSON-RPC 2.0 message" : "not valid JSON");
            if (json) {
                reply(id, McpSchema.ErrorCodes.INVALID_REQUEST, text.stripLeading().startsWith("[")
                        ? "Invalid Request: JSON-RPC batches are not supported" : "Invalid Request: not a JSON-RPC 2.0 message");
            } else {
                reply(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: the line is not valid JSON");
            }
            return false;
        }
    }

    private void reply(Object id, int code, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", code);
        detail.put("message", message);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", "2.0");
        error.put("id", id);
        error.put("error", detail);
        try {
            byte[] bytes = objectMapper.writeValueAsBytes(error);
            synchronized (out) {
                out.write(bytes);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            log.debug("could not answer an unusable input line", e);
        }
    }
}
