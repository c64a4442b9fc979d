package io.redstream.mcp.http;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.redstream.auth.Principal;

/**
 * Binds each MCP session to the principal that opened it: the session id the transport hands out is recorded with
 * its owner the moment the header is set, and a request naming a session is served only for that owner — anyone
 * else, or a session this server does not know (or no longer: idle past {@code --session-idle-timeout}), gets 404,
 * which tells a stranger nothing about other principals' sessions. Opening more than {@code --max-sessions} is
 * refused with 503 and {@code Retry-After}.
 */
final class SessionOwners extends HttpFilter {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final int maxSessions;
    private final Cache<String, String> owners;

    SessionOwners(int maxSessions, Duration idle) {
        this.maxSessions = maxSessions;
        // Twice the transport's sweep interval: the SDK closes a session idle between one and two intervals.
        this.owners = Caffeine.newBuilder().expireAfterAccess(idle.multipliedBy(2)).build();
    }

    static String ownerKey(Principal p) {
        return p.method().id() + ":" + p.subject();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String owner = ownerKey(BearerAuth.principal(request));
        String session = request.getHeader(SESSION_HEADER);
        if (session == null) {
            if ("POST".equals(request.getMethod()) && owners.estimatedSize() >= maxSessions) {
                owners.cleanUp();
                if (owners.estimatedSize() >= maxSessions) {
                    response.setHeader("Retry-After", "60");
                    HttpErrors.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too_many_sessions",
                            maxSessions + " MCP sessions are open, the most this server holds (server limit, set by"
                                    + " --max-sessions); retry later or close unused sessions (DELETE)");
                    return;
                }
            }
            chain.doFilter(request, new Recording(response, owner));
            return;
        }
        String actual = owners.getIfPresent(session);
        if (!owner.equals(actual)) {
            HttpErrors.send(response, HttpServletResponse.SC_NOT_FOUND, "session_not_found", "no MCP session '"
                    + HttpErrors.escape(session) + "' for this caller: it expired or never existed; start a new one"
                    + " with 'initialize'");
            return;
        }
        chain.doFilter(request, response);
        if ("DELETE".equals(request.getMethod()) && response.getStatus() < 300) {
            owners.invalidate(session);
        }
    }

    /** Records the session id the transport sets, before the response (and so the id) reaches the client. */
    private final class Recording extends HttpServletResponseWrapper {
        private final String owner;

        Recording(HttpServletResponse response, String owner) {
            super(response);
            this.owner = owner;
        }

        @Override
        public void setHeader(String name, String value) {
            record(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            record(name, value);
            super.addHeader(name, value);
        }

        private void record(String name, String value) {
            if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
                owners.put(value, owner);
            }
        }
    }
}
