package io.redstream.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.redstream.core.InvalidArgumentException;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NameKind;
import io.redstream.core.naming.NamePattern;
import io.redstream.core.naming.ResourceName;
import io.redstream.core.presence.AgentPresence;
import io.redstream.core.presence.Presence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * {@link Presence} over one JSON string per agent, {@code SET ... PX ttl}: Redis drops an agent whose heartbeat
 * stopped, and the stored {@code expires_at} lets a listing drop it by the client's clock too.
 */
public final class DefaultPresence implements Presence {
    private static final Pattern STATUS = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String FUNCTION = "presence";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultPresence.class);

    private final ClientContext ctx;
    private final KeyScanner scanner;

    /**
     * Presence of one client view.
     *
     * @param ctx the view's context: gateway, naming, guard, limits and clock
     */
    public DefaultPresence(ClientContext ctx) {
        this.ctx = ctx;
        this.scanner = new KeyScanner(ctx.gateway());
    }

    @Override
    public String key(String agent) {
        return name(agent).redisName();
    }

    private ResourceName name(String agent) {
        CoordinationArguments.agent("agent", agent);
        return ctx.naming().key(ctx.naming().namespace() + ":agent:" + agent + ":" + FUNCTION);
    }

    @Override
    public AgentPresence heartbeat(String agent, String status, Duration ttl, Map<String, ?> info) {
        ResourceName name = name(agent);
        status(status);
        CoordinationArguments.duration("ttl", ttl, MIN_TTL, MAX_TTL);
        Map<String, ?> published = info == null ? Map.of() : info;
        ctx.guard().check(Action.KEY_SET, name);
        ctx.guard().checkActor(agent, Action.KEY_SET, name);
        long now = ctx.clock().millis();
        long expires = now + ttl.toMillis();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("agent", agent);
        value.put("status", status);
        value.put("last_seen", now);
        value.put("expires_at", expires);
        value.put("info", published);
        String k = name.redisName();
        String json = Values.encode(k, value, ctx.limits());
        ctx.gateway().call(Operation.KEY_SET, k, j -> j.set(k, json, new SetParams().px(ttl.toMillis())));
        return new AgentPresence(agent, status, Instant.ofEpochMilli(now), Instant.ofEpochMilli(expires),
                read(k, json).info());
    }

    @Override
    public boolean leave(String agent) {
        ResourceName name = name(agent);
        ctx.guard().check(Action.KEY_DELETE, name);
        ctx.guard().checkActor(agent, Action.KEY_DELETE, name);
        String k = name.redisName();
        return ctx.gateway().call(Operation.KEY_DELETE, k, j -> j.del(k)) == 1;
    }

    @Override
    public List<AgentPresence> list() {
        return list(null, false);
    }

    @Override
    public List<AgentPresence> list(String status) {
        return list(status(status), true);
    }

    private List<AgentPresence> list(String status, boolean filtered) {
        // built per call: a naming policy without the agent domain must still build clients
        NamePattern pattern = ctx.naming().pattern(NameKind.KEY, ctx.naming().namespace() + ":agent:*:" + FUNCTION);
        ctx.guard().checkPattern(Action.KEY_SCAN, pattern);
        ctx.guard().checkPattern(Action.KEY_GET, pattern);
        int max = ctx.limits().maxCount();
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            KeyScanner.Page page = scanner.scan(pattern.redisPattern(), cursor, 1000, "string");
            for (String k : page.names()) {
                // the glob's * also matches ':', so nova:agent:a:b:presence would match too
                if (k.split(":", -1).length == 4 && keys.size() < max) {
                    keys.add(k);
                }
            }
            cursor = page.cursor();
        } while (!"0".equals(cursor) && keys.size() < max);
        List<String> values = values(keys);
        long now = ctx.clock().millis();
        List<AgentPresence> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String json = values.get(i);
            if (json == null) {
                continue; // expired between the scan and the read
            }
            AgentPresence p;
            try {
                p = read(keys.get(i), json);
            } catch (InvalidArgumentException notPresence) {
                LOG.warn("{} is not a presence written by RedStream; left out of the listing", keys.get(i));
                continue;
            }
            if (p.expiresAt().toEpochMilli() > now && (!filtered || p.status().equals(status))) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparing(AgentPresence::agent));
        return out;
    }

    private List<String> values(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return ctx.gateway().call(Operation.PRESENCE_LIST, keys.size() + " agents", j -> {
            List<Response<String>> rs = new ArrayList<>(keys.size());
            try (AbstractPipeline p = j.pipelined()) {
                keys.forEach(k -> rs.add(p.get(k)));
                p.sync();
            }
            List<String> out = new ArrayList<>(rs.size());
            rs.forEach(r -> out.add(r.get()));
            return out;
        });
    }

    @SuppressWarnings("unchecked")
    private static AgentPresence read(String key, String json) {
        JsonNode n;
        try {
            n = Json.mapper().readTree(json);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InvalidArgumentException("presence '" + key + "' does not hold presence JSON", e);
        }
        if (!n.isObject()) {
            throw new InvalidArgumentException("presence '" + key + "' does not hold presence JSON");
        }
        String agent = key.split(":")[2];
        Map<String, Object> info = n.has("info") ? Json.mapper().convertValue(n.get("info"), Map.class) : Map.of();
        return new AgentPresence(agent, n.path("status").asText(""), Instant.ofEpochMilli(n.path("last_seen").asLong()),
                Instant.ofEpochMilli(n.path("expires_at").asLong()), info);
    }

    private static String status(String status) {
        if (status == null || !STATUS.matcher(status).matches()) {
            throw new InvalidArgumentException("status must be 1 to 64 characters of [A-Za-z0-9_.-], but was "
                    + CoordinationArguments.quote(status));
        }
        return status;
    }
}
