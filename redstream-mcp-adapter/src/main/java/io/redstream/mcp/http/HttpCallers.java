package io.redstream.mcp.http;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.redstream.auth.Principal;
import io.redstream.core.AuthenticationException;
import io.redstream.mcp.tool.CallControl;
import io.redstream.mcp.tool.CallerResolver;
import io.redstream.mcp.transport.SessionChannel;

/**
 * The caller of an HTTP call: the principal {@link BearerAuth} proved for the request that carries it, handed to
 * the tool layer in the transport context exactly as stdio hands its caller, with the call's {@link CallControl}
 * when {@link Cancellations} gave it one.
 */
final class HttpCallers {

    static final String PRINCIPAL = "redstream.principal";

    private HttpCallers() {
    }

    static McpTransportContextExtractor<HttpServletRequest> extractor() {
        return request -> {
            Map<String, Object> context = new HashMap<>(2);
            Principal p = BearerAuth.principal(request);
            if (p != null) {
                context.put(PRINCIPAL, p);
            }
            if (request.getAttribute(SessionChannel.CONTROL) instanceof CallControl control) {
                context.put(SessionChannel.CONTROL, control);
            }
            return context.isEmpty() ? McpTransportContext.EMPTY : McpTransportContext.create(context);
        };
    }

    static CallerResolver resolver() {
        return context -> {
            if (context.get(PRINCIPAL) instanceof Principal p) {
                return p;
            }
            throw new AuthenticationException("this call carries no authenticated caller: send 'Authorization:"
                    + " Bearer <JWT or API key>'");
        };
    }
}
