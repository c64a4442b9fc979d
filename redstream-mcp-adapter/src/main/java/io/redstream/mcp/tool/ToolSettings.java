package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import io.redstream.core.Limits;

/**
 * The server settings tools see: core's limits (which core enforces again on every call), the default TTL of key
 * writes, the result size cap and the naming namespace. Immutable.
 *
 * @param limits            core's limits, as the server's Redis client applies them
 * @param defaultTtlSeconds TTL of key writes that name none
 * @param maxResultBytes    the largest JSON-RPC response line a tool result may produce
 * @param namespace         the naming convention's namespace (first segment of every name)
 */
public record ToolSettings(Limits limits, long defaultTtlSeconds, int maxResultBytes, String namespace) {

    public ToolSettings {
        requireNonNull(limits, "limits");
        requireNonNull(namespace, "namespace");
    }

    /** The values of the placeholders allowed in {@link Doc} texts and {@link Default} values. */
    public Map<String, String> placeholders() {
        return Map.of(
                "{max_count}", Long.toString(Limit.COUNT.value(this)),
                "{max_block_ms}", Long.toString(Limit.BLOCK_MS.value(this)),
                "{max_multi_ops}", Long.toString(Limit.MULTI_OPS.value(this)),
                "{max_value_bytes}", Integer.toString(limits.maxValueBytes()),
                "{default_ttl}", Long.toString(defaultTtlSeconds),
                "{namespace}", namespace);
    }

    /** {@code text} with every placeholder replaced. */
    public String fill(String text) {
        if (text == null || text.indexOf('{') < 0) {
            return text;
        }
        String s = text;
        for (Map.Entry<String, String> e : placeholders().entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }
}
