package io.redstream.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Parses {@code redis://[user[:password]@]host[:port][/db]} and {@code rediss://...}. Error messages show the URI
 * with the password masked.
 */
public final class RedisUris {
    private RedisUris() {
    }

    /**
     * The parts of a Redis URI.
     *
     * @param host the host name or address
     * @param port the port, 6379 when the URI has none
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}
     * @param database the database index, 0 when the URI has none
     * @param ssl whether the scheme is {@code rediss}
     */
    public record Parsed(String host, int port, String user, String password, int database, boolean ssl) {
        @Override
        public String toString() {
            return (ssl ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + host + ":" + port + "/"
                    + database + (password == null ? "" : " (password set)");
        }
    }

    /**
     * Parses a {@code redis://} or {@code rediss://} URI.
     *
     * @param uri the URI, {@code redis://[user[:password]@]host[:port][/db]}
     * @return the host, port, credentials, database and TLS flag
     * @throws IllegalArgumentException the URI is empty, malformed, or has another scheme
     */
    public static Parsed parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("redisUri must not be empty; expected redis://host:port");
        }
        URI u;
        try {
            u = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redisUri must be a URI like redis://host:port, but was '"
                    + mask(uri) + "'");
        }
        String scheme = u.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("redisUri scheme must be redis or rediss, but was '" + mask(uri) + "'");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("redisUri must name a host, but was '" + mask(uri) + "'");
        }
        int port = u.getPort() == -1 ? 6379 : u.getPort();
        String user = null;
        String password = null;
        String info = u.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            if (colon < 0) {
                // "redis://secret@host" is the common password-only form (Redis before ACLs).
                password = decode(info);
            } else {
                user = colon == 0 ? null : decode(info.substring(0, colon));
                password = decode(info.substring(colon + 1));
            }
        }
        int db = 0;
        String path = u.getPath();
        if (path != null && path.length() > 1) {
            try {
                db = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("redisUri database must be a number (redis://host:port/0), but"
                        + " was '" + mask(uri) + "'");
            }
            if (db < 0) {
                throw new IllegalArgumentException("redisUri database must be zero or positive, but was " + db);
            }
        }
        return new Parsed(u.getHost(), port, user, password, db, "rediss".equals(scheme));
    }

    /**
     * The URI with any password replaced by {@code ***}, safe to print.
     *
     * @param uri the URI; may be malformed
     * @return the URI with its password masked
     */
    public static String mask(String uri) {
        if (uri == null) {
            return null;
        }
        int scheme = uri.indexOf("://");
        int at = uri.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return uri;
        }
        String info = uri.substring(scheme + 3, at);
        int colon = info.indexOf(':');
        String masked = colon < 0 ? "***" : info.substring(0, colon) + ":***";
        return uri.substring(0, scheme + 3) + masked + uri.substring(at);
    }

    /**
     * Percent-decoding only: URLDecoder is form decoding and would turn a '+' in a password into a space.
     */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        int run = 0; // start of the current stretch of literal characters
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '%' || i + 2 >= s.length()) {
                continue;
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                continue;
            }
            out.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
            out.write((hi << 4) | lo);
            i += 2;
            run = i + 1;
        }
        out.writeBytes(s.substring(run).getBytes(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
