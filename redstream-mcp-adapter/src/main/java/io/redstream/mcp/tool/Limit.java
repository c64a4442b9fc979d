package io.redstream.mcp.tool;

/**
 * A server limit that bounds a tool argument (see {@link Range#limit()}): its current value comes from the
 * server's {@link ToolSettings}, and exceeding it is reported as {@code LIMIT_EXCEEDED} naming {@link #flag()}.
 */
public enum Limit {
    /** Not a server limit: a fixed bound of the contract. */
    NONE(null),
    /** Entries, keys, ids, channels or operations in one call. */
    COUNT("--max-count"),
    /** Longest wait of a blocking call, in milliseconds. */
    BLOCK_MS("--max-block-ms"),
    /** Operations in one {@code redis_multi}. */
    MULTI_OPS("--max-multi-ops");

    private final String flag;

    Limit(String flag) {
        this.flag = flag;
    }

    /** The command line flag that sets this limit. */
    public String flag() {
        return flag;
    }

    /** This limit's value under {@code settings}. */
    public long value(ToolSettings settings) {
        return switch (this) {
            case NONE -> Long.MAX_VALUE;
            case COUNT -> settings.limits().maxCount();
            case BLOCK_MS -> settings.limits().maxBlock().toMillis();
            case MULTI_OPS -> settings.limits().maxTransactionOperations();
        };
    }
}
