package io.redstream.mcp;

/**
 * Configurable limits of the MCP tools (DESIGN §4). Immutable.
 *
 * @param maxValueBytes  largest value (key value, message, field set) a tool accepts, in UTF-8 bytes;
 *                       default {@value #DEFAULT_MAX_VALUE_BYTES} (1 MiB)
 * @param maxCount       largest {@code count} / number of keys, ids or channels in one call; default
 *                       {@value #DEFAULT_MAX_COUNT}
 * @param maxBlockMillis longest {@code block_ms} / {@code timeout_ms}; default {@value #DEFAULT_MAX_BLOCK_MILLIS} (30 s)
 * @param maxMultiOps    most operations in one {@code redis_multi}; default {@value #DEFAULT_MAX_MULTI_OPS}
 * @param maxResultBytes largest structured result as compact JSON; larger results are cut and marked
 *                       {@code truncated}; default {@value #DEFAULT_MAX_RESULT_BYTES} (4 MiB)
 */
public record Limits(int maxValueBytes, int maxCount, long maxBlockMillis, int maxMultiOps, int maxResultBytes) {

    public static final int DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_COUNT = 1000;
    public static final long DEFAULT_MAX_BLOCK_MILLIS = 30_000;
    public static final int DEFAULT_MAX_MULTI_OPS = 50;
    public static final int DEFAULT_MAX_RESULT_BYTES = 4 * 1024 * 1024;

    /** Redis refuses strings above 512 MiB. */
    static final int MAX_VALUE_BYTES_CEILING = 512 * 1024 * 1024;
    static final int MAX_RESULT_BYTES_CEILING = 512 * 1024 * 1024;
    static final int MAX_COUNT_CEILING = 1_000_000;
    static final long MAX_BLOCK_MILLIS_CEILING = 3_600_000;
    static final int MAX_MULTI_OPS_CEILING = 10_000;
    /** Floor of the request size accepted on stdio (the SDK's own default). */
    static final int MIN_REQUEST_BYTES = 16 * 1024 * 1024;

    public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_VALUE_BYTES, DEFAULT_MAX_COUNT,
            DEFAULT_MAX_BLOCK_MILLIS, DEFAULT_MAX_MULTI_OPS, DEFAULT_MAX_RESULT_BYTES);

    public Limits {
        check("maxValueBytes", maxValueBytes, 1, MAX_VALUE_BYTES_CEILING);
        check("maxCount", maxCount, 1, MAX_COUNT_CEILING);
        check("maxBlockMillis", maxBlockMillis, 1, MAX_BLOCK_MILLIS_CEILING);
        check("maxMultiOps", maxMultiOps, 1, MAX_MULTI_OPS_CEILING);
        check("maxResultBytes", maxResultBytes, 1024, MAX_RESULT_BYTES_CEILING);
        if (maxResultBytes <= maxValueBytes) {
            throw new IllegalArgumentException("maxResultBytes must be larger than maxValueBytes so that one value fits"
                    + " in a result, but was " + maxResultBytes + " <= " + maxValueBytes);
        }
    }

    /**
     * Largest JSON-RPC request line accepted: room for a full {@code redis_multi} of maximal values,
     * at least 16 MiB.
     */
    public int maxRequestBytes() {
        long needed = (long) maxMultiOps * maxValueBytes + 1024 * 1024;
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(MIN_REQUEST_BYTES, needed));
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was " + value);
        }
    }
}
