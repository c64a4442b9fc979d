package io.redstream.mcp.redis;

import java.util.LinkedHashMap;
import java.util.Map;

import io.redstream.core.health.HealthReport;
import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.ToolException;
import io.redstream.mcp.tools.ToolHints;
import io.redstream.mcp.tools.ToolSpec;

/** {@code redis_health}: is Redis reachable, how fast, which version and topology. */
final class HealthTool {

    private HealthTool() {
    }

    static ToolSpec spec(ToolKit kit) {
        return ToolSpec.builder("redis_health")
                .title("Redis health")
                .description("Checks the connection to Redis with a PING round trip and reports status (UP or DOWN),"
                        + " the round trip in milliseconds, the Redis version and the topology (standalone or cluster)."
                        + " A Redis that cannot be reached is reported as status DOWN with the reason in error, not as"
                        + " a failed call. Any authenticated caller may use it.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object())
                .output(Schemas.object()
                        .required("status", Schemas.string().oneOf("UP", "DOWN"))
                        .required("latency_ms", Schemas.number().min(0).nullable()
                                .description("PING round trip in milliseconds; null when DOWN"))
                        .required("redis_version", Schemas.string().nullable())
                        .required("topology", Schemas.string().description("standalone, or cluster (N nodes)"))
                        .optional("embedded", Schemas.bool().description("true when this server started its own"
                                + " embedded Redis (temporary data)"))
                        .optional("error", Schemas.string().description("Why Redis is DOWN")))
                .handler((args, ctx) -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    try {
                        HealthReport report = kit.redis(ctx).health();
                        out.put("status", report.status());
                        out.put("latency_ms", report.latency() == null ? null
                                : Math.round(report.latency().toNanos() / 1_000.0) / 1_000.0);
                        out.put("redis_version", report.redisVersion());
                        out.put("topology", report.topology());
                        if (report.error() != null) {
                            out.put("error", report.error());
                        }
                    } catch (ToolException e) {
                        if (e.code() != ErrorCode.UNAVAILABLE) {
                            throw e;
                        }
                        out.put("status", "DOWN");
                        out.put("latency_ms", null);
                        out.put("redis_version", null);
                        out.put("topology", kit.backend().topologyHint());
                        out.put("error", e.getMessage());
                    }
                    if (kit.backend().isEmbedded()) {
                        out.put("embedded", true);
                    }
                    return out;
                })
                .build();
    }
}
