package io.redstream.mcp.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /ws/ticket} (bearer-authenticated): a single-use WebSocket ticket for the caller,
 * {@code {"ticket":"rst_...","expires_in":30}}.
 */
final class TicketServlet extends HttpServlet {

    private final transient Tickets tickets;

    TicketServlet(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ticket = tickets.issue(BearerAuth.principal(request));
        byte[] body = ("{\"ticket\":\"" + ticket + "\",\"expires_in\":" + Tickets.VALID_SECONDS + "}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
