package io.redstream.mcp.tool;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups of tools a server can be limited to ({@code --toolsets}): fewer tools make agents choose better. A tool
 * outside the server's toolsets is neither listed nor callable. A {@code --read-only} server observes keys, channels
 * and streams: it serves the read-only tools of {@link #STATE}, {@link #PUBSUB}, {@link #STREAMS} and {@link #HEALTH}
 * and none of the coordination toolsets, whose tools are for agents that take part.
 */
public enum Toolset {
    /** Key-value state with TTL and atomic multi-key updates. */
    STATE(true),
    /** Publish/subscribe notifications. */
    PUBSUB(true),
    /** Streams and consumer groups. */
    STREAMS(true),
    /** Redis health. */
    HEALTH(true),
    /** The task board: tasks agents claim under a lease. */
    TASKS(false),
    /** Locks with fencing tokens. */
    LOCKS(false),
    /** Which agents are alive. */
    PRESENCE(false);

    private final boolean observing;

    Toolset(boolean observing) {
        this.observing = observing;
    }

    /** Whether a {@code --read-only} server serves this toolset's read-only tools. */
    public boolean servedReadOnly() {
        return observing;
    }

    /** The name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every toolset, comma-separated, as {@code --help} shows them. */
    public static String ids() {
        return Arrays.stream(values()).map(Toolset::id).collect(Collectors.joining(","));
    }

    /**
     * Parses {@code state,streams}.
     *
     * @throws IllegalArgumentException naming the unknown toolset and the known ones
     */
    public static Set<Toolset> parse(String list) {
        Set<Toolset> sets = EnumSet.noneOf(Toolset.class);
        for (String part : list.split(",", -1)) {
            String id = part.strip().toLowerCase(Locale.ROOT);
            Toolset match = Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("toolsets must be a comma-separated list of "
                            + ids() + ", but '" + part.strip() + "' is none of them"));
            sets.add(match);
        }
        return sets;
    }
}
