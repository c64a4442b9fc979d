package io.redstream.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SenderQueueTest {
    @Test
    void offer_beyondCapacity_isRefusedAfterTheTimeout() throws Exception {
        SenderQueue<Integer> q = new SenderQueue<>(2);
        assertThat(q.offer(1, 0)).isTrue();
        assertThat(q.offer(2, 0)).isTrue();
        assertThat(q.offer(3, TimeUnit.MILLISECONDS.toNanos(20))).isFalse();
        assertThat(q.poll()).isEqualTo(1);
        assertThat(q.offer(3, 0)).isTrue(); // room again once the consumer took one
    }

    @Test
    void drainTo_keepsOrderAndRespectsMax() throws Exception {
        SenderQueue<Integer> q = new SenderQueue<>(10);
        for (int i = 0; i < 5; i++) {
            q.offer(i, 0);
        }
        List<Integer> out = new ArrayList<>();
        assertThat(q.drainTo(out, 3)).isEqualTo(3);
        assertThat(q.drainTo(out, 10)).isEqualTo(2);
        assertThat(out).containsExactly(0, 1, 2, 3, 4);
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.offer(9, 0)).isTrue();
    }

    @Test
    void poll_withTimeout_isWokenByAnOfferFromAnotherThread() throws Exception {
        SenderQueue<String> q = new SenderQueue<>(4);
        CountDownLatch polling = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            try {
                polling.await();
                q.offer("x", 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        polling.countDown();
        // Generous timeout: the assertion is on the value, never on how fast it came.
        assertThat(q.poll(30, TimeUnit.SECONDS)).isEqualTo("x");
        producer.join();
    }

    @Test
    void poll_withTimeout_onEmptyQueue_returnsNull() throws Exception {
        assertThat(new SenderQueue<String>(1).poll(5, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void manyProducers_everyItemArrivesOnce() throws Exception {
        SenderQueue<Integer> q = new SenderQueue<>(64);
        int producers = 4;
        int each = 2_000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        assertThat(q.offer(base + i, TimeUnit.SECONDS.toNanos(30))).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        boolean[] seen = new boolean[producers * each];
        int got = 0;
        while (got < seen.length) {
            Integer v = q.poll(30, TimeUnit.SECONDS);
            assertThat(v).isNotNull();
            assertThat(seen[v]).isFalse();
            seen[v] = true;
            got++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(q.isEmpty()).isTrue();
    }
}
