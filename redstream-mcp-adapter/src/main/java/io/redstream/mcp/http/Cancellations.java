package io.redstream.mcp.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.redstream.mcp.tool.CallControl;
import io.redstream.mcp.transport.SessionChannel;

/**
 * {@code notifications/cancelled} over Streamable HTTP. The SDK's sessions ignore that notification, so this filter,
 * in front of the SDK's servlet, gives each {@code tools/call} POST of a session its {@link CallControl} (handed to
 * the tool layer in the transport context under {@link SessionChannel#CONTROL}, as the stdio and WebSocket
 * channels do) and cancels the call that a cancel notification on the same session names: a waiting call ends and
 * frees its place in the waiting capacity. The session filter in front has already checked that the session is
 * the caller's, so one caller cannot cancel another's calls. Only bodies of at most {@value #MAX_INSPECTED} bytes
 * with a declared length are looked at (calls that wait have small arguments); without a session (stateless mode)
 * nothing is. Thread-safe.
 */
final class Cancellations extends HttpFilter {

    static final int MAX_INSPECTED = 64 * 1024;

    private record Call(String session, String id) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Call, CallControl> inFlight = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String session = request.getHeader(SessionOwners.SESSION_HEADER);
        int length = request.getContentLength();
        if (!"POST".equals(request.getMethod()) || session == null || length < 0 || length > MAX_INSPECTED) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(length);
        HttpServletRequest replay = new Replay(request, body);
        JsonNode message = parse(body);
        String method = message.path("method").asText("");
        if (method.equals("notifications/cancelled")) {
            CallControl named = inFlight.get(new Call(session, message.path("params").path("requestId").toString()));
            if (named != null) {
                named.cancel();
            }
        } else if (method.equals("tools/call") && message.hasNonNull("id")) {
            Call call = new Call(session, message.get("id").toString());
            CallControl control = new CallControl();
            inFlight.put(call, control);
            request.setAttribute(SessionChannel.CONTROL, control);
            try {
                chain.doFilter(replay, response);
            } finally {
                forgetWhenDone(replay, call, control);
            }
            return;
        }
        chain.doFilter(replay, response);
    }

    /** The SDK answers a call on an asynchronous event stream: the call is in flight until that completes. */
    private void forgetWhenDone(HttpServletRequest request, Call call, CallControl control) {
        if (request.isAsyncStarted()) {
            try {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        inFlight.remove(call, control);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        inFlight.remove(call, control);
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        inFlight.remove(call, control);
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // the same exchange goes on
                    }
                });
                return;
            } catch (IllegalStateException completedMeanwhile) {
                // fall through: the exchange is over
            }
        }
        inFlight.remove(call, control);
    }

    /** The message, or a missing node when the body is not one JSON object (the SDK answers that itself). */
    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : json.missingNode();
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    /** The request with its body read again from memory. */
    private static final class Replay extends HttpServletRequestWrapper {
        private final byte[] body;

        Replay(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
