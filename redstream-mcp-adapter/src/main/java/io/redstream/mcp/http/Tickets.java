package io.redstream.mcp.http;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.redstream.auth.Principal;

/**
 * Single-use WebSocket tickets, for clients that cannot set an {@code Authorization} header on the upgrade
 * (browsers): an authenticated {@code POST /ws/ticket} gets a random ticket valid for {@value #VALID_SECONDS} s,
 * which opens one WebSocket as the principal that asked for it. A ticket is redeemed once; an unused one expires.
 * At most {@value #MAX_OPEN} are outstanding. Thread-safe.
 */
final class Tickets {

    static final int VALID_SECONDS = 30;
    static final int MAX_OPEN = 100_000;

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Principal> open;

    Tickets(com.github.benmanes.caffeine.cache.Ticker ticker) {
        this.open = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(VALID_SECONDS)).maximumSize(MAX_OPEN)
                .ticker(ticker).build();
    }

    Tickets() {
        this(com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    }

    /** A new ticket for {@code principal}. */
    String issue(Principal principal) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = "rst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(ticket, principal);
        return ticket;
    }

    /** The principal of an open ticket, which is used up by this; null when unknown, used or expired. */
    Principal redeem(String ticket) {
        return ticket == null ? null : open.asMap().remove(ticket);
    }
}
