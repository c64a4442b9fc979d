/**
 * The embedded Redis runtime: {@link io.redstream.embedded.EmbeddedRedis}, one {@code redis-server} on a
 * free loopback port with a random password, stopped when its owner closes it or its JVM dies by any
 * means (a watchdog process), with pid files so that a later JVM reaps what a dead one left behind.
 *
 * <p>Every server runs the static Redis 7.0.15 bundled in {@code org.signal:embedded-redis} (see
 * {@link io.redstream.embedded.RedisBinary}), binds 127.0.0.1 only, and keeps its files in an owner-only
 * directory under {@code java.io.tmpdir}. Used by the MCP server (no {@code --redis} given) and the
 * examples; {@code redstream-testkit} builds its test fixtures on it. POSIX only (Linux, macOS). No JUnit
 * and no Redis client library: the readiness probe speaks RESP itself.
 *
 * <p>Implementation lives in {@code io.redstream.embedded.internal}, which other modules must not use.
 */
package io.redstream.embedded;
