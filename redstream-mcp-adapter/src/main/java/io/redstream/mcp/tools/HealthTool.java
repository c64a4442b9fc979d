package io.redstream.mcp.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.redstream.core.ErrorCode;
import io.redstream.core.RedStreamException;
import io.redstream.core.health.HealthReport;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.Nullable;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/** {@code redis_health}: is Redis reachable, how fast, which version and topology. */
final class HealthTool {

    private HealthTool() {
    }

    record NoArgs() {
    }

    enum Status {
        @JsonProperty("UP") UP,
        @JsonProperty("DOWN") DOWN
    }

    record HealthResult(Status status,
            @Nullable @Doc("PING round trip in milliseconds; null when DOWN") Double latencyMs,
            @Nullable String redisVersion,
            @Doc("standalone, or cluster (N nodes)") String topology,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Doc("true when this server started its own embedded Redis (temporary data)") Boolean embedded,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("Why Redis is DOWN") String error) {
    }

    static ToolDefinition<NoArgs, HealthResult> tool(RedisSite site) {
        return ToolDefinition.builder("redis_health", NoArgs.class, HealthResult.class)
                .title("Redis health")
                .description("Checks the connection to Redis with a PING round trip and reports status (UP or DOWN),"
                        + " the round trip in milliseconds, the Redis version and the topology (standalone or cluster)."
                        + " A Redis that cannot be reached is reported as status DOWN with the reason in error, not as"
                        + " a failed call. Any authenticated caller may use it.")
                .hints(ToolHints.READ_ONLY)
                .toolset(Toolset.HEALTH)
                .handler((args, call) -> {
                    Boolean embedded = site.embedded() ? Boolean.TRUE : null;
                    try {
                        HealthReport r = call.redis().health();
                        Double latency = r.latency() == null ? null : Math.round(r.latency().toNanos() / 1_000.0) / 1_000.0;
                        return new HealthResult(r.up() ? Status.UP : Status.DOWN, latency, r.redisVersion(),
                                r.topology(), embedded, r.error());
                    } catch (RedStreamException e) {
                        if (e.code() != ErrorCode.UNAVAILABLE) {
                            throw e;
                        }
                        return new HealthResult(Status.DOWN, null, null, site.topology(), embedded,
                                io.redstream.core.Redaction.redact(e.getMessage()));
                    }
                })
                .build();
    }
}
