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

import io.redstream.auth.Principal;

/**
 * Each principal may send {@code --rate-limit} requests per second, in bursts of as many (a token bucket per
 * principal, so one principal's flood never uses up another's share); beyond that 429 with {@code Retry-After}.
 * Buckets of principals idle for ten minutes are dropped (Caffeine).
 */
final class PrincipalRateLimit extends HttpFilter {

    private final int perSecond;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    PrincipalRateLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal p = BearerAuth.principal(request);
        String key = p == null ? "" : p.method().id() + ":" + p.subject();
        long waitNanos = buckets.get(key, k -> new Bucket(perSecond)).take(System.nanoTime());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader("Retry-After", Long.toString(seconds));
            HttpErrors.send(response, 429, "rate_limited", "more than " + perSecond + " requests per second from '"
                    + (p == null ? "" : p.subject()) + "' (server limit, set by --rate-limit); retry after " + seconds
                    + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    /** A token bucket of {@code capacity} tokens refilled at {@code capacity} per second. */
    static final class Bucket {
        private final int capacity;
        private final double perNano;
        private double tokens;
        private long last;

        Bucket(int capacity) {
            this.capacity = capacity;
            this.perNano = capacity / 1e9;
            this.tokens = capacity;
            this.last = Long.MIN_VALUE;
        }

        /** Takes one token at {@code now}: 0 when taken, else the nanoseconds until one will be there. */
        synchronized long take(long now) {
            if (last != Long.MIN_VALUE) {
                tokens = Math.min(capacity, tokens + (now - last) * perNano);
            }
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
