package io.redstream.mcp.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.redstream.core.health.HealthReport;
import io.redstream.core.Redaction;
import io.redstream.mcp.server.RedisConnection;

/**
 * {@code /health}: liveness (the process answers) and readiness (a Redis round trip succeeds). 200 with
 * {@code "status":"UP"} when ready, else 503 with {@code "status":"DOWN"} and the reason; {@code /health/live}
 * answers 200 without touching Redis. No authentication: load balancers and orchestrators probe it, and it
 * shows no data.
 */
final class HealthServlet extends HttpServlet {

    private final transient RedisConnection redis;
    private final transient ObjectMapper json = new ObjectMapper();

    HealthServlet(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        boolean ready = true;
        if ("/live".equals(request.getPathInfo())) {
            doc.put("status", "UP");
        } else {
            HealthReport report = null;
            String error;
            try {
                report = redis.client().health();
                error = report.error();
            } catch (RuntimeException e) {
                error = Redaction.redact(e.getMessage());
            }
            ready = report != null && report.up();
            doc.put("status", ready ? "UP" : "DOWN");
            doc.put("live", true);
            doc.put("ready", ready);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("topology", report != null ? report.topology() : redis.topology());
            if (report != null && report.latency() != null) {
                r.put("latency_ms", report.latency().toNanos() / 1e6);
            }
            if (!ready) {
                r.put("error", error);
            }
            doc.put("redis", r);
        }
        byte[] body = json.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        response.setStatus(ready ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
