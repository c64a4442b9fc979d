package io.redstream.core.internal;

import io.redstream.core.pubsub.MessageListener;
import io.redstream.core.pubsub.PubSubMessage;
import io.redstream.core.pubsub.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * A subscription on its own connection and thread. The thread keeps the subscription alive: when the connection
 * breaks it reconnects with backoff and subscribes again. A periodic PING keeps an idle connection from hitting
 * the socket timeout and reveals a dead one.
 */
final class DefaultSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSubscription.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ScheduledExecutorService PINGER = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("redstream-pubsub-keepalive"));
    private static final long PING_SECONDS = 10;

    private final RedisGateway gateway;
    private final List<String> channels;
    private final List<String> patterns;
    private final MessageListener listener;
    private final Thread thread;
    private final Object lock = new Object();
    private volatile boolean closed;
    private volatile boolean subscribed;
    private volatile Adapter current;
    private volatile Jedis connection;
    private final ScheduledFuture<?> pinger;
    private final Resources owner;

    DefaultSubscription(RedisGateway gateway, List<String> channels, List<String> patterns,
            MessageListener listener, Resources owner) {
        this.gateway = gateway;
        this.owner = owner;
        this.channels = List.copyOf(channels);
        this.patterns = List.copyOf(patterns);
        this.listener = listener;
        this.thread = new NamedThreadFactory("redstream-pubsub-" + THREADS.incrementAndGet()).newThread(this::run);
        this.thread.start();
        this.pinger = PINGER.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
        owner.register(this);
    }

    private void run() {
        long backoff = 100;
        int node = 0;
        while (!closed) {
            List<String> nodes = gateway.settings().nodes();
            HostAndPort target = HostAndPort.from(nodes.get(node % nodes.size()));
            try (Jedis jedis = new Jedis(target, gateway.clientConfig())) {
                connection = jedis;
                Adapter adapter = new Adapter();
                current = adapter;
                if (closed) {
                    return;
                }
                if (!channels.isEmpty()) {
                    jedis.subscribe(adapter, channels.toArray(String[]::new));
                } else {
                    jedis.psubscribe(adapter, patterns.toArray(String[]::new));
                }
                backoff = 100;
            } catch (RuntimeException e) {
                subscribed = false;
                if (closed) {
                    return;
                }
                LOG.warn("subscription {}: connection to {} lost ({}); resubscribing", describe(), target,
                        ErrorTranslator.firstLine(e.getMessage()));
                node++;
                sleep(backoff);
                backoff = Math.min(5_000, backoff * 2);
            } finally {
                connection = null;
            }
        }
    }

    private void ping() {
        Adapter a = current;
        if (a != null && subscribed && !closed) {
            try {
                a.ping();
            } catch (RuntimeException e) {
                // the subscription thread sees the broken connection and reconnects
            }
        }
    }

    private String describe() {
        return "channels=" + channels + " patterns=" + patterns;
    }

    @Override
    public Set<String> channels() {
        return Set.copyOf(channels);
    }

    @Override
    public Set<String> patterns() {
        return Set.copyOf(patterns);
    }

    @Override
    public boolean awaitSubscribed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!subscribed && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return subscribed;
        }
    }

    @Override
    public boolean isSubscribed() {
        return subscribed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        owner.unregister(this);
        subscribed = false;
        pinger.cancel(false);
        Adapter a = current;
        try {
            if (a != null && a.isSubscribed()) {
                if (!channels.isEmpty()) {
                    a.unsubscribe();
                }
                if (!patterns.isEmpty()) {
                    a.punsubscribe();
                }
            }
        } catch (RuntimeException ignored) {
            // connection already broken; closing it below ends the thread
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Jedis c = connection;
        if (thread.isAlive() && c != null) {
            try {
                c.disconnect();
            } catch (RuntimeException ignored) {
                // best effort: the thread exits on the resulting error
            }
        }
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts confirmations so "subscribed" means every channel and pattern, on this connection. */
    private final class Adapter extends JedisPubSub {
        private int confirmed;

        @Override
        public void onSubscribe(String channel, int count) {
            confirmed++;
            if (confirmed == channels.size() && !patterns.isEmpty()) {
                psubscribe(patterns.toArray(String[]::new));
            }
            checkComplete();
        }

        @Override
        public void onPSubscribe(String pattern, int count) {
            confirmed++;
            checkComplete();
        }

        private void checkComplete() {
            if (confirmed >= channels.size() + patterns.size()) {
                synchronized (lock) {
                    subscribed = true;
                    lock.notifyAll();
                }
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            deliver(new PubSubMessage(channel, null, message));
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            deliver(new PubSubMessage(channel, pattern, message));
        }

        private void deliver(PubSubMessage m) {
            try {
                listener.onMessage(m);
            } catch (RuntimeException e) {
                LOG.warn("subscription {}: listener failed on a message of {}: {}", describe(), m.channel(),
                        e.toString());
            }
        }
    }
}
