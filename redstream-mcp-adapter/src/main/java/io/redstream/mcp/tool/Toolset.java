package io.redstream.mcp.tool;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups of tools a server can be limited to ({@code --toolsets}): fewer tools make agents choose better. A tool
 * outside the server's toolsets is neither listed nor callable.
 */
public enum Toolset {
    /** Key-value state with TTL and atomic multi-key updates. */
    STATE,
    /** Publish/subscribe notifications. */
    PUBSUB,
    /** Streams and consumer groups. */
    STREAMS,
    /** Redis health. */
    HEALTH;

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
