package io.redstream.mcp.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.core.RedStream;
import io.redstream.core.Redaction;

/**
 * The server as an agent among agents: while it runs it heartbeats as {@code mcp-<host>-<pid>} (status
 * {@value #STATUS}, every {@link #EVERY}, kept for {@link #TTL}) so {@code agent_list} shows which servers are
 * live, and it appends {@code started} (with its first beat, {@link #FIRST} after start) and {@code stopped} to
 * {@code {namespace}:system:mcp:events}. It writes with the server's own client, not as any caller. Redis being
 * down only delays it: the next beat tries again. A {@code --read-only} server has no participant. Thread-safe;
 * {@link #close()} is idempotent.
 */
final class ServerParticipant implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(10);
    /** The first beat waits this long, so it does not compete with answering the client's first requests. */
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration TTL = Duration.ofSeconds(30);
    static final String STATUS = "serving";

    private static final Logger log = LoggerFactory.getLogger(ServerParticipant.class);

    private final RedisConnection redis;
    /** Resolved on the heartbeat thread: looking up the host name can be slow, and start-up should not wait. */
    private volatile String agent;
    private volatile String events;
    private final Map<String, Object> info;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redstream-mcp-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean announced;
    private volatile boolean warned;
    private volatile boolean closed;

    /**
     * @param transport {@code stdio} or {@code http}, shown in the events and the heartbeat's info
     */
    ServerParticipant(RedisConnection redis, String transport) {
        this.redis = requireNonNull(redis, "redis");
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("kind", "redstream-mcp");
        i.put("version", Version.current());
        i.put("transport", requireNonNull(transport, "transport"));
        i.put("pid", ProcessHandle.current().pid());
        this.info = Collections.unmodifiableMap(i);
    }

    /** Starts heartbeating in the background; the first beat also announces {@code started}. */
    void start() {
        timer.scheduleWithFixedDelay(this::beat, FIRST.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        if (agent == null) {
            agent = AgentName.ofThisProcess();
        }
        try {
            RedStream rs = redis.client();
            if (events == null) {
                events = rs.naming().namespace() + ":system:mcp:events";
            }
            if (!announced) {
                rs.streams().publish(events, event("started"));
                announced = true;
            }
            rs.presence().heartbeat(agent, STATUS, TTL, info);
        } catch (RuntimeException e) {
            if (!warned && !closed) {
                warned = true;
                log.warn("cannot heartbeat as agent {} (retrying every {} s): {}", agent, EVERY.toSeconds(),
                        Redaction.describe(e));
            }
        }
    }

    private Map<String, Object> event(String type) {
        Map<String, Object> e = new LinkedHashMap<>(info);
        e.put("event", type);
        e.put("agent", agent);
        return e;
    }

    /** Stops heartbeating; if it announced {@code started}, appends {@code stopped} and leaves the agent list. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!announced) {
            return;
        }
        redis.clientIfConnected().ifPresent(rs -> {
            try {
                rs.streams().publish(events, event("stopped"));
                rs.presence().leave(agent);
            } catch (RuntimeException e) {
                log.debug("cannot announce that agent {} stopped: {}", agent, Redaction.describe(e));
            }
        });
    }
}
