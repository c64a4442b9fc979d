package io.redstream.examples;

import io.redstream.testkit.RedisServerProcess;

/**
 * Where the examples find Redis: {@code REDIS_URL} when set, else an embedded Redis on a free loopback port that
 * is stopped on {@link #close()}.
 */
final class ExampleRedis implements AutoCloseable {
    private final RedisServerProcess embedded;
    private final String uri;

    private ExampleRedis(RedisServerProcess embedded, String uri) {
        this.embedded = embedded;
        this.uri = uri;
    }

    static ExampleRedis start() {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            return new ExampleRedis(null, url);
        }
        RedisServerProcess redis = RedisServerProcess.start();
        System.err.println("[example] REDIS_URL not set: started an embedded Redis at " + redis.uri());
        return new ExampleRedis(redis, redis.uri());
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
