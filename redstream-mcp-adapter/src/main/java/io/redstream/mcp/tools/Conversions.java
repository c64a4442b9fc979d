package io.redstream.mcp.tools;

import java.time.Duration;
import java.time.Instant;

import io.redstream.mcp.tool.ToolCall;

/** Conversions and texts the tool groups share. */
final class Conversions {

    /** Longest TTL a call may set: 10 years. */
    static final long MAX_TTL_SECONDS = 10L * 365 * 86_400;

    static final String CURSOR = "\"0\" to start, else the cursor of the previous page";

    static final String STREAM = "Stream name: {namespace}:{domain}:{entity}:{function}, e.g. {namespace}:task:router:tasks";

    static final String GROUP = "Consumer group name: 1 to 128 characters of [A-Za-z0-9_.:-]";

    static final String CONSUMER = "Consumer name, unique per worker: 1 to 128 characters of [A-Za-z0-9_.:-]";

    static final String CHANNEL = "Channel name: {namespace}:{domain}:{entity}:{function}[:more], e.g."
            + " {namespace}:broadcast:alerts:all";

    static final String AGENT = "The acting agent, [A-Za-z0-9_-] (1 to 128 characters); default: the caller's own"
            + " identity (its principal subject). Only an admin may act as another agent";

    private Conversions() {
    }

    /** Whole seconds, rounded up (a key with 200 ms left still has a TTL), or null. */
    static Long seconds(Duration d) {
        return d == null ? null : (d.toMillis() + 999) / 1000;
    }

    /** The acting agent: the one named, else the caller's own subject. */
    static String agent(String named, ToolCall call) {
        return named != null ? named : call.caller().subject();
    }

    /** ISO-8601, or null. */
    static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
