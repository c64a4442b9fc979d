/**
 * Real Redis processes for tests and local runs: {@link io.redstream.testkit.RedisServerProcess} (one
 * redis-server on a free loopback port), {@link io.redstream.testkit.RedisClusterProcess} (a 3-master
 * Redis Cluster), {@link io.redstream.testkit.FaultProxy} (a TCP proxy that cuts, stalls or refuses
 * connections) and JUnit 5 extensions that share one server and one cluster per JVM.
 *
 * <p>Every process is started from the static Redis 7.0.15 binary bundled in
 * {@code org.signal:embedded-redis} (see {@link io.redstream.testkit.RedisBinary}), bound to
 * 127.0.0.1 only, and stopped by whoever started it. A JVM shutdown hook and
 * {@link io.redstream.testkit.RedisServerProcess#reapOrphans()} make sure a crashed or interrupted test
 * run does not leave redis-server processes behind.
 */
package io.redstream.testkit;
