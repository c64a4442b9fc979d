package io.redstream.core.presence;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One live agent, as its last heartbeat described it. Immutable; {@code info} is unmodifiable.
 *
 * @param agent the agent's name
 * @param status what it said it is doing ({@code idle}, {@code busy}, ...)
 * @param lastSeen when it last heartbeated, by its client's clock
 * @param expiresAt when it drops off the list unless it heartbeats again
 * @param info what it published about itself
 */
public record AgentPresence(String agent, String status, Instant lastSeen, Instant expiresAt,
        Map<String, Object> info) {
    /**
     * Checks the required values; copies {@code info} (none: empty).
     *
     * @param agent the agent's name
     * @param status what it said it is doing ({@code idle}, {@code busy}, ...)
     * @param lastSeen when it last heartbeated, by its client's clock
     * @param expiresAt when it drops off the list unless it heartbeats again
     * @param info what it published about itself
     */
    public AgentPresence {
        requireNonNull(agent, "agent");
        requireNonNull(status, "status");
        requireNonNull(lastSeen, "lastSeen");
        requireNonNull(expiresAt, "expiresAt");
        info = info == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
    }

    /** Shows identity and state only: info may be sensitive. */
    @Override
    public String toString() {
        return "AgentPresence[" + agent + " " + status + " until " + expiresAt + "]";
    }
}
