package io.redstream.mcp.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import io.redstream.core.Redaction;

/**
 * The one shape of every error this server writes itself: a status, and a short JSON body
 * {@code {"error":"<code>","message":"<what was wrong and the rule>"}} — never a stack trace, a token or a
 * secret.
 */
final class HttpErrors {

    private HttpErrors() {
    }

    static void send(HttpServletResponse response, int status, String code, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = body(code, message).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String body(String code, String message) {
        return "{\"error\":\"" + escape(code) + "\",\"message\":\"" + escape(Redaction.redact(message)) + "\"}";
    }

    /** A value safe inside a JSON string and inside a quoted HTTP header parameter. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && b.length() < 512; i++) {
            char c = s.charAt(i);
            b.append(c == '"' || c == '\\' ? '\'' : c < 0x20 || c > 0x7e ? ' ' : c);
        }
        return b.toString();
    }
}
