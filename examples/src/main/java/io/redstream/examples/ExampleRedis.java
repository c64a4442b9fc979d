package io.redstream.examples;

import io.redstream.embedded.EmbeddedRedis;

/**
 * Where the examples find Redis: {@code REDIS_URL} when set, else an embedded Redis on a free loopback port,
 * protected by a random password, that is stopped on {@link #close()} (or when the JVM dies).
 */
final class ExampleRedis implements AutoCloseable {
    private final EmbeddedRedis embedded;
    private final String uri;

    private ExampleRedis(EmbeddedRedis embedded, String uri) {
        this.embedded = embedded;
        this.uri = uri;
    }

    static ExampleRedis start() {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            return new ExampleRedis(null, url);
        }
        EmbeddedRedis redis = EmbeddedRedis.start();
        // The masked form: the URI itself carries the password.
        System.err.println("[example] REDIS_URL not set: started an embedded Redis at " + redis.redactedUri());
        return new ExampleRedis(redis, redis.uri());
    }

    /** The URI to connect with, password included for the embedded Redis. */
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
