/**
 * Test fixtures on real Redis processes: {@link io.redstream.testkit.RedisServerProcess} (one
 * redis-server on a free loopback port, killable and restartable), {@link io.redstream.testkit.RedisClusterProcess}
 * (a 3-master Redis Cluster), {@link io.redstream.testkit.FaultProxy} (a TCP proxy that cuts, stalls or
 * refuses connections) and JUnit 5 extensions that share one server and one cluster per JVM.
 *
 * <p>The processes themselves — the bundled Redis 7.0.15 binary, free ports, config, readiness, the
 * watchdog that stops a server when its JVM dies, pid files and orphan reaping — are the embedded runtime's
 * ({@code io.redstream.embedded}); this package adds what only tests need: no password by default, SIGKILL
 * crashes, Jedis connections, clusters, network faults, JUnit.
 */
package io.redstream.testkit;
