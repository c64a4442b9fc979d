package io.redstream.mcp.http;

import java.util.List;

import org.eclipse.jetty.ee11.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee11.websocket.server.JettyWebSocketServletFactory;

import io.redstream.auth.Principal;

/**
 * {@code /ws}: upgrades to WebSocket requests that offer the subprotocol {@value #SUBPROTOCOL} (else 400), after
 * the same filters as {@code /mcp} (Origin and Host, authentication by header or ticket, rate), and hands each
 * connection to the {@link WebSocketTransport} as its principal.
 */
final class WebSocketServlet extends JettyWebSocketServlet {

    static final String SUBPROTOCOL = "mcp";

    private final transient WebSocketTransport transport;
    private final long maxMessageBytes;
    private final long idleMillis;

    WebSocketServlet(WebSocketTransport transport, long maxMessageBytes, long idleMillis) {
        this.transport = transport;
        this.maxMessageBytes = maxMessageBytes;
        this.idleMillis = idleMillis;
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setMaxTextMessageSize(maxMessageBytes);
        factory.setMaxBinaryMessageSize(1024);
        factory.setIdleTimeout(java.time.Duration.ofMillis(idleMillis));
        factory.setCreator((request, response) -> {
            List<String> offered = request.getSubProtocols();
            if (offered == null || !offered.contains(SUBPROTOCOL)) {
                response.sendError(400, "offer the WebSocket subprotocol '" + SUBPROTOCOL + "'"
                        + " (Sec-WebSocket-Protocol: " + SUBPROTOCOL + ")");
                return null;
            }
            response.setAcceptedSubProtocol(SUBPROTOCOL);
            Principal principal = BearerAuth.principal(request.getHttpServletRequest());
            return transport.connect(principal);
        });
    }
}
