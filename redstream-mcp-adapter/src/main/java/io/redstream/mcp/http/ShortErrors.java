package io.redstream.mcp.http;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Error responses that Jetty or the SDK's servlet write ({@code sendError}, a malformed request line, a body over
 * the limit) in the same short JSON as {@link HttpErrors}, whatever the client accepts: no HTML, no stack trace,
 * no exception text for server errors.
 */
final class ShortErrors {

    private ShortErrors() {
    }

    static boolean write(Response response, Callback callback, int code, String message) {
        String text = code >= 500 && code != HttpStatus.SERVICE_UNAVAILABLE_503 ? "Internal error (see the server log)"
                : message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        byte[] body = HttpErrors.body("http_" + code, text).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** For requests outside the servlet context (the server's own errors). */
    static final class Core extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
            return ShortErrors.write(response, callback, code, message);
        }
    }

    /** For the servlet context ({@code sendError} from servlets and filters). */
    static final class Servlet extends org.eclipse.jetty.ee11.servlet.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
            return ShortErrors.write(response, callback, code, message);
        }
    }
}
