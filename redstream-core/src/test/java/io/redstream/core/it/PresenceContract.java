package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.RedStream;
import io.redstream.core.presence.AgentPresence;
import io.redstream.core.presence.Presence;
import io.redstream.testkit.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Agent presence, run unchanged against a standalone Redis and a 3-master cluster. */
abstract class PresenceContract {
    static final Duration TTL = Duration.ofSeconds(30);

    protected abstract RedisTarget target();

    MutableClock clock;
    RedStream rs;
    Presence presence;

    @BeforeEach
    void connect() {
        target().flushAll();
        clock = MutableClock.startingNow();
        rs = target().builder().identity("presence-suite").clock(clock).build();
        presence = rs.presence();
    }

    @AfterEach
    void disconnect() {
        rs.close();
    }

    @Test
    void heartbeat_makesTheAgentListedWithStatusLastSeenAndInfo() {
        AgentPresence stored = presence.heartbeat("alpha", "busy", TTL, Map.of("task", "1-0", "load", 3));
        assertThat(stored.agent()).isEqualTo("alpha");
        assertThat(stored.lastSeen()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        assertThat(stored.expiresAt()).isEqualTo(stored.lastSeen().plus(TTL));

        assertThat(presence.list()).containsExactly(stored);
        assertThat(stored.info()).isEqualTo(Map.of("task", "1-0", "load", 3));
        assertThat(presence.key("alpha")).isEqualTo("nova:agent:alpha:presence");
        try (UnifiedJedis raw = target().raw()) {
            assertThat(raw.pttl("nova:agent:alpha:presence")).isBetween(1L, TTL.toMillis());
        }
    }

    @Test
    void heartbeat_again_replacesStatusAndInfoAndRenews() {
        presence.heartbeat("alpha", "busy", TTL, Map.of("task", "1-0"));
        clock.advance(Duration.ofSeconds(20));
        AgentPresence renewed = presence.heartbeat("alpha", "idle", TTL, null);
        clock.advance(Duration.ofSeconds(20));
        assertThat(presence.list()).containsExactly(renewed);
        assertThat(renewed.status()).isEqualTo("idle");
        assertThat(renewed.info()).isEmpty();
    }

    @Test
    void list_byStatus_andSortedByName() {
        presence.heartbeat("gamma", "idle", TTL, null);
        presence.heartbeat("alpha", "idle", TTL, null);
        presence.heartbeat("beta", "busy", TTL, null);
        assertThat(presence.list()).extracting(AgentPresence::agent).containsExactly("alpha", "beta", "gamma");
        assertThat(presence.list("idle")).extracting(AgentPresence::agent).containsExactly("alpha", "gamma");
        assertThat(presence.list("away")).isEmpty();
    }

    @Test
    void list_dropsAnAgentWhoseHeartbeatExpiredByTheClock() {
        presence.heartbeat("alpha", "idle", TTL, null);
        presence.heartbeat("beta", "idle", Duration.ofMinutes(5), null);
        clock.advance(TTL);
        assertThat(presence.list()).extracting(AgentPresence::agent).containsExactly("beta");
    }

    @Test
    void heartbeat_expiresInRedisToo() {
        presence.heartbeat("alpha", "idle", Presence.MIN_TTL, null);
        presence.heartbeat("beta", "idle", TTL, null);
        // the injected clock stands still: only Redis' own expiry can drop alpha
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(presence.list()).extracting(AgentPresence::agent).containsExactly("beta"));
        try (UnifiedJedis raw = target().raw()) {
            assertThat(raw.exists("nova:agent:alpha:presence")).isFalse();
        }
    }

    @Test
    void leave_dropsTheAgentAtOnce() {
        presence.heartbeat("alpha", "idle", TTL, null);
        assertThat(presence.leave("alpha")).isTrue();
        assertThat(presence.leave("alpha")).isFalse();
        assertThat(presence.list()).isEmpty();
    }

    @Test
    void list_findsManyAgentsOnEveryNode_andIgnoresOtherKeys() {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            agents.add(String.format("agent-%02d", i));
            presence.heartbeat(agents.get(i), "idle", TTL, Map.of("n", i));
        }
        rs.state().set("nova:agent:agent-00:presence:extra", "{}");
        rs.state().set("nova:agent:agent-00:session", "x");
        rs.state().set("nova:agent:intruder:presence", "not json");
        assertThat(presence.list()).extracting(AgentPresence::agent).containsExactlyElementsOf(agents);
    }

    @Test
    void badArguments_areRefusedAndWriteNothing() {
        assertThatThrownBy(() -> presence.heartbeat("al:pha", "idle", TTL, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("agent must be 1 to 128 characters of [A-Za-z0-9_-] (an entity segment of the agent"
                        + " domain), but was 'al:pha'");
        assertThatThrownBy(() -> presence.heartbeat("alpha", "on line", TTL, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("status must be 1 to 64 characters of [A-Za-z0-9_.-], but was 'on line'");
        assertThatThrownBy(() -> presence.heartbeat("alpha", "idle", Duration.ofMillis(500), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ttl must be between 1 s and 24 h, but was 500 ms");
        assertThatThrownBy(() -> presence.heartbeat("alpha", "idle", Duration.ofHours(25), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ttl must be between 1 s and 24 h, but was 25 h");
        assertThatThrownBy(() -> presence.list("a b")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> presence.leave("")).isInstanceOf(InvalidArgumentException.class);
        assertThat(target().dbSize()).isZero();
    }
}
