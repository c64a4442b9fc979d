package io.redstream.mcp.http;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.redstream.auth.Principal;
import io.redstream.core.AuthenticationException;
import io.redstream.mcp.tool.CallerResolver;

/**
 * The caller of an HTTP call: the principal {@link BearerAuth} proved for the request that carries it, handed to
 * the tool layer in the transport context exactly as stdio hands its caller.
 */
final class HttpCallers {

    static final String PRINCIPAL = "redstream.principal";

    private HttpCallers() {
    }

    static McpTransportContextExtractor<HttpServletRequest> extractor() {
        return request -> {
            Principal p = BearerAuth.principal(request);
            return p == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(PRINCIPAL, p));
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
