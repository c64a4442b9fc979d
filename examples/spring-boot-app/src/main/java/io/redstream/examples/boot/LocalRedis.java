package io.redstream.examples.boot;

import io.redstream.embedded.EmbeddedRedis;
import org.springframework.context.SmartLifecycle;

/**
 * Where the example finds Redis: {@code REDIS_URL} when set, else an embedded Redis on a free loopback port with a
 * random password (stopped with the application, even if it is killed). As a
 * lifecycle bean of the lowest phase it is stopped last, after the listeners have finished and acknowledged.
 */
final class LocalRedis implements SmartLifecycle {
    private final EmbeddedRedis embedded;
    private final String uri;
    private volatile boolean running = true;

    private LocalRedis(EmbeddedRedis embedded, String uri) {
        this.embedded = embedded;
        this.uri = uri;
    }

    static LocalRedis startUnlessConfigured() {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            return new LocalRedis(null, url);
        }
        EmbeddedRedis redis = EmbeddedRedis.start();
        System.err.println("[example] REDIS_URL not set: started an embedded Redis at " + redis.redactedUri());
        return new LocalRedis(redis, redis.uri());
    }

    String uri() {
        return uri;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
