package io.redstream.mcp.http;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.redstream.core.Redaction;
import io.redstream.mcp.transport.JsonRpc;

/**
 * The SDK's servlet transports write an error reply (400, 404, 500) as the whole serialized exception, stack trace
 * included. This keeps such a body from the client: an error body the transport writes is caught and replaced by
 * a JSON-RPC error with the code and the first line of the message only (none for server errors).
 * Success replies, event streams included, pass through untouched.
 */
final class SdkErrorBodies extends HttpFilter {

    private final ObjectMapper json = new ObjectMapper();
    private final JsonRpc jsonRpc = new JsonRpc();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Catching catching = new Catching(response);
        chain.doFilter(request, catching);
        if (catching.caught != null) {
            replace(response, catching.caught.toString());
        }
    }

    private void replace(HttpServletResponse response, String original) throws IOException {
        int status = response.getStatus();
        int code = JsonRpc.INTERNAL_ERROR;
        String message = "Internal error (see the server log)";
        try {
            JsonNode error = json.readTree(original).path("jsonRpcError");
            if (error.path("code").isInt()) {
                code = error.path("code").asInt();
            }
            String m = error.path("message").asText("");
            if (status < 500 && !m.isBlank()) {
                message = Redaction.redact(m.lines().findFirst().orElse(m).strip());
                message = message.length() > 300 ? message.substring(0, 300) + "..." : message;
            }
        } catch (IOException | RuntimeException unreadable) {
            // keep the generic message
        }
        byte[] bytes = jsonRpc.error(null, code, message);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Hands the transport a buffer instead of the real writer once an error status is set. */
    private static final class Catching extends HttpServletResponseWrapper {
        CharArrayWriter caught;

        Catching(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (getStatus() >= 400) {
                if (caught == null) {
                    caught = new CharArrayWriter();
                }
                return new PrintWriter(caught);
            }
            return super.getWriter();
        }
    }
}
