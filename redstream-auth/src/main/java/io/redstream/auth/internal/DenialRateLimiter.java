package io.redstream.auth.internal;

import java.time.Clock;

/**
 * At most {@code perSecond} events per wall-clock second, counting what it drops so that the next permitted event
 * can report it. A fixed window rather than a token bucket: a denial storm must not flood the log, and "N per
 * second plus a count of the rest" is what an operator reading the log expects.
 *
 * <p>Thread-safe (synchronized: denials are the rare path, and the lock keeps window and counts consistent).
 */
public final class DenialRateLimiter {
    /**
     * What to do with one event.
     *
     * @param log              whether to log it
     * @param suppressedBefore how many earlier events were dropped since the last logged one; report them first
     */
    public record Permit(boolean log, long suppressedBefore) {
    }

    private static final Permit DROP = new Permit(false, 0);
    private static final Permit LOG = new Permit(true, 0);

    private final Clock clock;
    private final int perSecond;
    private long windowSecond = Long.MIN_VALUE;
    private int usedInWindow;
    private long suppressed;

    /**
     * A limiter with an empty window.
     *
     * @param clock     the time source of the one-second windows
     * @param perSecond events permitted per window, at least 1
     */
    public DenialRateLimiter(Clock clock, int perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }

    /**
     * Asks to log one event now.
     *
     * @return a permit saying whether to log it and how many dropped events to report before it
     */
    public synchronized Permit acquire() {
        long second = Math.floorDiv(clock.millis(), 1000L);
        if (second != windowSecond) {
            windowSecond = second;
            usedInWindow = 0;
        }
        if (usedInWindow >= perSecond) {
            suppressed++;
            return DROP;
        }
        usedInWindow++;
        if (suppressed == 0) {
            return LOG;
        }
        long reported = suppressed;
        suppressed = 0;
        return new Permit(true, reported);
    }
}
