package io.redstream.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.RedStream;
import io.redstream.core.tx.TransactionResult;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** A WATCHed key changed by another client between WATCH and EXEC aborts the transaction: nothing applied. */
@ExtendWith(RedisServerExtension.class)
class TransactionWatchIT {
    static final String KEY = "nova:agent:alpha:balance:1";

    @Test
    void watchedKeyChangedByAnotherClient_abortsAndAppliesNothing(RedisServerProcess redis) throws Exception {
        redis.flushAll();
        try (RedStream rs = RedStream.builder().redisUri(redis.uri()).build()) {
            rs.state().set(KEY, "100");
            DefaultTransaction tx = (DefaultTransaction) rs.transaction();
            tx.watch(KEY).set(KEY, "90", null).increment("nova:agent:alpha:ops:1", 1, null);
            tx.afterWatch(() -> {
                try (Jedis other = redis.connect()) {
                    other.set(KEY, "50");
                }
            });
            TransactionResult r = tx.execute();
            assertThat(r.committed()).isFalse();
            assertThat(r.results()).isEmpty();
            assertThat(rs.state().get(KEY)).hasValue("50");
            assertThat(rs.state().get("nova:agent:alpha:ops:1")).isEmpty();
        }
    }

    @Test
    void watchedKeyUnchanged_commits(RedisServerProcess redis) {
        redis.flushAll();
        try (RedStream rs = RedStream.builder().redisUri(redis.uri()).build()) {
            rs.state().set(KEY, "100");
            TransactionResult r = rs.transaction().watch(KEY).set(KEY, "90", null).execute();
            assertThat(r.committed()).isTrue();
            assertThat(rs.state().get(KEY)).hasValue("90");
        }
    }
}
