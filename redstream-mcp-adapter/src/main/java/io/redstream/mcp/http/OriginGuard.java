package io.redstream.mcp.http;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * DNS-rebinding protection: a request whose {@code Host} is not a name of this server, or whose {@code Origin}
 * (sent by browsers) is not an allowed origin, is refused with 403 before anything else runs. Loopback names are
 * always allowed; others come from {@code --allowed-hosts}, {@code --allowed-origins} and {@code --public-url}.
 */
final class OriginGuard extends HttpFilter {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> hosts;
    private final Set<String> origins;

    OriginGuard(HttpConfig config) {
        java.util.HashSet<String> h = new java.util.HashSet<>(config.allowedHosts());
        java.util.HashSet<String> o = new java.util.HashSet<>();
        config.allowedOrigins().forEach(x -> o.add(x.toLowerCase(Locale.ROOT)));
        if (config.publicUrl() != null) {
            URI u = URI.create(config.publicUrl());
            h.add(u.getHost().toLowerCase(Locale.ROOT));
            o.add((u.getScheme() + "://" + u.getRawAuthority()).toLowerCase(Locale.ROOT));
        }
        this.hosts = Set.copyOf(h);
        this.origins = Set.copyOf(o);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String host = request.getHeader("Host");
        if (host == null || !hostAllowed(hostName(host))) {
            HttpErrors.send(response, HttpServletResponse.SC_FORBIDDEN, "forbidden_host", "Host '"
                    + (host == null ? "" : host) + "' is not a name of this server (DNS-rebinding protection; allow it"
                    + " with --allowed-hosts)");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !originAllowed(origin)) {
            HttpErrors.send(response, HttpServletResponse.SC_FORBIDDEN, "forbidden_origin", "Origin '" + origin
                    + "' is not allowed (allow it with --allowed-origins)");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean hostAllowed(String name) {
        return LOOPBACK.contains(name) || hosts.contains(name);
    }

    private boolean originAllowed(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        if (origins.contains(o)) {
            return true;
        }
        try {
            URI u = URI.create(o);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    && (u.getPath() == null || u.getPath().isEmpty()) && LOOPBACK.contains(u.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The name in a Host header, lower case, without the port ({@code [::1]:8080} gives {@code [::1]}). */
    static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
