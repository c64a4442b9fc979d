package io.redstream.mcp.tool;

import io.modelcontextprotocol.common.McpTransportContext;
import io.redstream.auth.Principal;

/**
 * Who makes a call, from what the transport knows about it (on stdio: the server's {@code REDSTREAM_TOKEN}; over
 * HTTP: the request's bearer token). Called before every call; must be thread-safe.
 */
@FunctionalInterface
public interface CallerResolver {

    /**
     * @throws io.redstream.core.AuthenticationException when the caller cannot be authenticated; the message says
     *     why without echoing the credential
     */
    Principal resolve(McpTransportContext context);
}
