package io.redstream.mcp.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.redstream.auth.Authenticator;
import io.redstream.auth.Principal;
import io.redstream.core.AuthenticationException;

/**
 * {@code Authorization: Bearer <JWT or API key>} on every request it guards, checked by redstream-auth's
 * {@link Authenticator}: no or a refused credential gets 401 with {@code WWW-Authenticate} pointing to the RFC 9728
 * metadata; a principal holding none of the policy's roles gets 403 {@code insufficient_scope}. A credential in the
 * URL is refused (400): tokens end up in logs there. The principal is left in the request attribute
 * {@value #PRINCIPAL} for the transport and the filters after this one. Without an authenticator
 * ({@code --insecure-no-auth}) every caller is the local admin.
 */
final class BearerAuth extends HttpFilter {

    /** Request attribute holding the caller's {@link Principal}. */
    static final String PRINCIPAL = "redstream.principal";

    private static final Principal LOCAL_ADMIN = Principal.localAdmin();

    private final Authenticator authenticator;
    private final Set<String> roles;
    private final ProtectedResource resource;
    private final Tickets tickets;

    /**
     * @param authenticator null to serve without authentication
     * @param tickets the WebSocket tickets a WebSocket upgrade without {@code Authorization} may present
     */
    BearerAuth(Authenticator authenticator, Set<String> roles, ProtectedResource resource, Tickets tickets) {
        this.authenticator = authenticator;
        this.roles = Set.copyOf(roles);
        this.resource = resource;
        this.tickets = tickets;
    }

    /** The caller a filter before this one authenticated. */
    static Principal principal(HttpServletRequest request) {
        return (Principal) request.getAttribute(PRINCIPAL);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).matches("(.*&)?(access_token|token|api_key)=.*")) {
            HttpErrors.send(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request", "credentials are never"
                    + " accepted in the URL (they end up in logs): send 'Authorization: Bearer <token>'");
            return;
        }
        Principal principal = authenticate(request, response);
        if (principal == null) {
            return;
        }
        request.setAttribute(PRINCIPAL, principal);
        chain.doFilter(request, response);
    }

    /** The caller, or null when the response was written (401, 403). */
    Principal authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (authenticator == null) {
            return LOCAL_ADMIN;
        }
        String header = request.getHeader("Authorization");
        if ((header == null || header.isBlank()) && isWebSocketUpgrade(request)) {
            return redeemTicket(request, response);
        }
        if (header == null || header.isBlank()) {
            response.setHeader("WWW-Authenticate", "Bearer resource_metadata=\"" + resource.metadataUrl(request)
                    + "\"");
            HttpErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "this server requires"
                    + " authentication: send 'Authorization: Bearer <JWT or API key>'");
            return null;
        }
        if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(request, response, "the Authorization header must be 'Bearer <JWT or API key>'");
        }
        Principal principal;
        try {
            principal = authenticator.authenticate(header.substring(7).strip());
        } catch (AuthenticationException e) {
            return refuse(request, response, e.getMessage());
        }
        if (principal.roles().stream().noneMatch(roles::contains)) {
            String message = "the token of '" + principal.subject() + "' carries none of this server's roles";
            response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", error_description=\""
                    + HttpErrors.escape(message) + "\", scope=\"" + String.join(" ", roles.stream().sorted().toList())
                    + "\", resource_metadata=\"" + resource.metadataUrl(request) + "\"");
            HttpErrors.send(response, HttpServletResponse.SC_FORBIDDEN, "insufficient_scope", message
                    + "; ask for a role (see " + ProtectedResource.PATH + ")");
            return null;
        }
        return principal;
    }

    private static boolean isWebSocketUpgrade(HttpServletRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    /**
     * The principal of the single-use ticket a WebSocket upgrade presents, as the subprotocol
     * {@code ticket.<ticket>} or the query parameter {@code ticket} (a ticket is worthless once used or after
     * {@value Tickets#VALID_SECONDS} s, unlike the token that bought it).
     */
    private Principal redeemTicket(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ticket = request.getParameter("ticket");
        java.util.Enumeration<String> protocols = request.getHeaders("Sec-WebSocket-Protocol");
        while (ticket == null && protocols != null && protocols.hasMoreElements()) {
            for (String p : protocols.nextElement().split(",")) {
                if (p.strip().startsWith("ticket.")) {
                    ticket = p.strip().substring("ticket.".length());
                }
            }
        }
        if (ticket == null) {
            response.setHeader("WWW-Authenticate", "Bearer resource_metadata=\"" + resource.metadataUrl(request)
                    + "\"");
            HttpErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "this server requires"
                    + " authentication: send 'Authorization: Bearer <JWT or API key>' with the upgrade, or a ticket"
                    + " from POST /ws/ticket");
            return null;
        }
        Principal p = tickets.redeem(ticket);
        if (p == null) {
            return refuse(request, response, "the WebSocket ticket is unknown, already used or expired (valid "
                    + Tickets.VALID_SECONDS + " s, once): get a new one with POST /ws/ticket");
        }
        return p;
    }

    private Principal refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        String message = "the bearer token was refused: " + why;
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                + HttpErrors.escape(io.redstream.core.Redaction.redact(why)) + "\", resource_metadata=\""
                + resource.metadataUrl(request) + "\"");
        HttpErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token", message);
        return null;
    }
}
