package io.redstream.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.InvalidNameException;
import io.redstream.core.RedStream;
import io.redstream.core.lock.LockLease;
import io.redstream.core.lock.LockResult;
import io.redstream.core.lock.Locks;
import io.redstream.testkit.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Locks with fencing tokens, run unchanged against a standalone Redis and a 3-master cluster. */
abstract class LocksContract {
    static final String KEY = "nova:agent:alpha:lock:report";
    static final String OTHER_KEY = "nova:task:boomerang:lock:deploy";
    static final Duration TTL = Duration.ofSeconds(10);

    protected abstract RedisTarget target();

    MutableClock clock;
    RedStream rs;
    Locks locks;

    @BeforeEach
    void connect() {
        target().flushAll();
        clock = MutableClock.startingNow();
        rs = target().builder().identity("locks-suite").clock(clock).build();
        locks = rs.locks();
    }

    @AfterEach
    void disconnect() {
        rs.close();
    }

    @Test
    void acquire_freeLock_returnsALeaseWithTheFirstToken() {
        LockResult r = locks.acquire(KEY, "alpha", TTL);
        assertThat(r.acquired()).isTrue();
        assertThat(r.holder()).isEqualTo("alpha");
        assertThat(r.lease()).isEqualTo(new LockLease(KEY, "alpha", 1, clock.instant().plus(TTL)
                .truncatedTo(ChronoUnit.MILLIS)));
        assertThat(r.expiresAt()).isEqualTo(r.lease().expiresAt());
        assertThat(r.leaseIfAcquired()).contains(r.lease());
    }

    @Test
    void acquire_heldLock_saysWhoHoldsItUntilWhen() {
        LockLease alpha = locks.acquire(KEY, "alpha", TTL).lease();
        clock.advance(Duration.ofSeconds(3));

        LockResult beta = locks.acquire(KEY, "beta", TTL);
        assertThat(beta.acquired()).isFalse();
        assertThat(beta.lease()).isNull();
        assertThat(beta.leaseIfAcquired()).isEmpty();
        assertThat(beta.holder()).isEqualTo("alpha");
        assertThat(beta.expiresAt()).isEqualTo(alpha.expiresAt());
        LockResult again = locks.acquire(KEY, "alpha", TTL);
        assertThat(again.acquired()).as("not re-entrant").isFalse();
        assertThat(again.holder()).isEqualTo("alpha");
        assertThat(locks.acquire(OTHER_KEY, "beta", TTL).acquired()).as("locks are per key").isTrue();
    }

    @Test
    void release_withTheCurrentLease_freesTheLockAndTheNextTokenIsHigher() {
        LockLease alpha = locks.acquire(KEY, "alpha", TTL).lease();
        assertThat(locks.release(alpha)).isTrue();
        assertThat(locks.release(alpha)).as("already released").isFalse();

        LockLease beta = locks.acquire(KEY, "beta", TTL).lease();
        assertThat(beta.token()).isEqualTo(2);
        assertThat(locks.release(alpha)).as("an old lease frees nothing").isFalse();
        assertThat(locks.acquire(KEY, "gamma", TTL).acquired()).isFalse();
    }

    @Test
    void expiry_freesTheLock_andTheStaleHolderCanNeitherReleaseNorExtend() {
        LockLease alpha = locks.acquire(KEY, "alpha", TTL).lease();
        clock.advance(TTL);

        LockLease beta = locks.acquire(KEY, "beta", TTL).lease();
        assertThat(beta.token()).isGreaterThan(alpha.token());
        assertThat(locks.release(alpha)).isFalse();
        assertThat(locks.extend(alpha, TTL)).isEmpty();
        assertThat(locks.acquire(KEY, "gamma", TTL).holder()).isEqualTo("beta");
        assertThat(locks.release(beta)).isTrue();
    }

    @Test
    void tokens_growStrictlyAcrossReleasesExpiriesAndIdleTime() {
        long last = 0;
        for (int i = 0; i < 30; i++) {
            LockLease lease = locks.acquire(KEY, "agent-" + (i % 3), TTL).lease();
            assertThat(lease.token()).isGreaterThan(last);
            last = lease.token();
            if (i % 2 == 0) {
                locks.release(lease);
            } else {
                clock.advance(TTL.plusSeconds(3600)); // long after expiry: the counter must still be there
            }
        }
        assertThat(last).isEqualTo(30);
        try (UnifiedJedis raw = target().raw()) {
            assertThat(raw.pttl(KEY)).as("the lock key never expires: it carries the counter").isEqualTo(-1L);
            assertThat(raw.hget(KEY, "token")).isEqualTo("30");
        }
    }

    @Test
    void extend_currentLease_movesItsEnd() {
        LockLease alpha = locks.acquire(KEY, "alpha", TTL).lease();
        clock.advance(Duration.ofSeconds(8));
        LockLease extended = locks.extend(alpha, Duration.ofSeconds(20)).orElseThrow();
        assertThat(extended.token()).isEqualTo(alpha.token());
        assertThat(extended.expiresAt()).isEqualTo(clock.instant().plusSeconds(20).truncatedTo(ChronoUnit.MILLIS));
        clock.advance(Duration.ofSeconds(15));
        assertThat(locks.acquire(KEY, "beta", TTL).holder()).isEqualTo("alpha");
        assertThat(locks.release(extended)).isTrue();
    }

    @Test
    void releaseAndExtend_byKeyOwnerAndToken_actLikeTheLease() {
        LockLease alpha = locks.acquire(KEY, "alpha", TTL).lease();
        assertThat(locks.extend(KEY, "alpha", alpha.token() + 1, TTL)).as("a token never handed out").isEmpty();
        LockLease extended = locks.extend(KEY, "alpha", alpha.token(), Duration.ofSeconds(20)).orElseThrow();
        assertThat(extended).isEqualTo(new LockLease(KEY, "alpha", alpha.token(), clock.instant().plusSeconds(20)
                .truncatedTo(ChronoUnit.MILLIS)));
        assertThat(locks.release(KEY, "beta", alpha.token())).isFalse();
        assertThat(locks.release(KEY, "alpha", alpha.token())).isTrue();
        assertThat(locks.release(KEY, "alpha", alpha.token())).isFalse();
        assertThat(locks.acquire(KEY, "beta", TTL).lease().token()).isEqualTo(2);
    }

    @Test
    void releaseAndExtend_byAnotherOwnerWithTheSameToken_areRefused() {
        LockLease alpha = locks.acquire(KEY, "alpha", TTL).lease();
        LockLease forged = new LockLease(KEY, "beta", alpha.token(), alpha.expiresAt());
        assertThat(locks.release(forged)).isFalse();
        assertThat(locks.extend(forged, TTL)).isEmpty();
        assertThat(locks.acquire(KEY, "beta", TTL).holder()).isEqualTo("alpha");
    }

    @Test
    void acquire_racingClients_exactlyOneWins() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<LockResult>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String owner = "agent-" + i;
                results.add(pool.submit((Callable<LockResult>) () -> {
                    start.await();
                    return locks.acquire(KEY, owner, TTL);
                }));
            }
            start.countDown();
            List<LockResult> all = new ArrayList<>();
            for (Future<LockResult> f : results) {
                all.add(f.get());
            }
            List<LockResult> winners = all.stream().filter(LockResult::acquired).toList();
            assertThat(winners).hasSize(1);
            String winner = winners.get(0).holder();
            assertThat(all).allSatisfy(r -> assertThat(r.holder()).isEqualTo(winner));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badArguments_areRefusedAndChangeNothing() {
        LockLease alpha = locks.acquire(KEY, "alpha", TTL).lease();
        assertThatThrownBy(() -> locks.acquire("locks:report", "alpha", TTL)).isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("key name 'locks:report' is invalid");
        assertThatThrownBy(() -> locks.acquire(KEY, "al pha", TTL)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("owner must be 1 to 128 characters of [A-Za-z0-9_-] (an entity segment of the agent"
                        + " domain), but was 'al pha'");
        assertThatThrownBy(() -> locks.acquire(KEY, "beta", Duration.ofMillis(99)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ttl must be between 100 ms and 24 h, but was 99 ms");
        assertThatThrownBy(() -> locks.extend(alpha, Duration.ofDays(2))).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ttl must be between 100 ms and 24 h, but was 48 h");
        assertThatThrownBy(() -> locks.release(new LockLease(KEY, "alpha", 0, alpha.expiresAt())))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("token must be at least 1, but was 0");
        assertThat(locks.acquire(KEY, "beta", TTL).holder()).isEqualTo("alpha");
        try (UnifiedJedis raw = target().raw()) {
            assertThat(raw.hgetAll(KEY)).containsEntry("owner", "alpha").containsEntry("token", "1")
                    .containsEntry("expires_at", Long.toString(alpha.expiresAt().toEpochMilli()));
        }
    }

    @Test
    void acquire_onAKeyHoldingAnotherValue_isRefusedAndLeavesIt() {
        rs.state().set(KEY, "not a lock");
        assertThatThrownBy(() -> locks.acquire(KEY, "alpha", TTL)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("holds a value of another type");
        assertThat(rs.state().get(KEY)).hasValue("not a lock");
    }
}
