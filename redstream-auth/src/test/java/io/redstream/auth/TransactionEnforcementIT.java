package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.auth.Callers.Role;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.core.tx.Transaction;
import io.redstream.core.tx.TransactionResult;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * A transaction is all-or-nothing under enforcement too: one denied operation (or watched key) anywhere in it means
 * Redis executes nothing — no {@code WATCH}, no {@code MULTI}, no write — and the keys are as they were.
 */
@ExtendWith(RedisServerExtension.class)
class TransactionEnforcementIT {
    static final String K = "nova:task:router:counter";
    static final String K2 = "nova:task:router:session";
    static final String AK = "nova:agent:alpha:state";
    static final Duration TTL = Duration.ofSeconds(30);

    private final RedisServerProcess redis;
    private RedStream client;
    private RedisMonitor monitor;
    private DenialAudit audit;
    private RedStream writer;

    TransactionEnforcementIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        redis.flushAll();
        client = RedStream.builder().redisUri(redis.uri()).build();
        client.state().set(K, "41");
        monitor = new RedisMonitor(redis);
        audit = DenialAudit.builder().build();
        writer = Policy.builder().audit(audit).build().secure(client, Callers.create().caller(Role.TASK_WRITE)
                .principal());
    }

    @AfterEach
    void stop() {
        monitor.close();
        client.close();
    }

    @Test
    void execute_oneDeniedOperation_sendsNothingAndWritesNothing() {
        Transaction tx = writer.transaction().set(K2, "new", TTL).increment(K, 1, TTL).set(AK, "x", null)
                .delete(K);
        Throwable thrown = monitor.assertSendsNothing(tx::execute);
        assertThat(thrown).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("lacks action 'key.set' on '" + AK + "'");
        assertUntouched();
        assertThat(audit.denials()).isEqualTo(1);
    }

    @Test
    void execute_deniedOperationAfterManyAllowedOnes_sendsNothing() {
        Transaction tx = writer.transaction();
        for (int i = 0; i < 40; i++) {
            tx.increment(K, 1, null);
        }
        tx.expire(AK, TTL);
        assertThat(monitor.assertSendsNothing(tx::execute)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("lacks action 'key.expire' on '" + AK + "'");
        assertUntouched();
    }

    @Test
    void execute_deniedWatchedKey_sendsNothing() {
        // watching is reading: the task writer may set K2 but not watch K
        Transaction tx = writer.transaction().watch(K).set(K2, "new", null);
        assertThat(monitor.assertSendsNothing(tx::execute)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("lacks action 'key.get' on '" + K + "'");
        assertUntouched();
    }

    @Test
    void execute_withoutTheDeniedOperation_commitsEverythingAtomically() {
        Transaction tx = writer.transaction().set(K2, "new", TTL).increment(K, 1, TTL).delete(K2);
        RedisMonitor.Window w = monitor.observe(tx::execute);
        assertThat(w.thrown()).isNull();
        assertThat(((TransactionResult) w.result()).results()).containsExactly(true, 42L, 1L);
        assertThat(w.commands()).extracting(c -> c.substring(1, c.indexOf('"', 1)).toUpperCase())
                .containsExactly("MULTI", "SET", "INCRBY", "PEXPIRE", "DEL", "EXEC");
    }

    private void assertUntouched() {
        try (Jedis raw = redis.connect()) {
            assertThat(raw.get(K)).isEqualTo("41");
            assertThat(raw.pttl(K)).isEqualTo(-1L);
            assertThat(raw.exists(K2)).isFalse();
            assertThat(raw.exists(AK)).isFalse();
        }
    }
}
