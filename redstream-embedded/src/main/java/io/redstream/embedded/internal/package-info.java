/**
 * Implementation of the embedded runtime: launching ({@code Launcher}, {@code Watchdog},
 * {@code RedisProcess}, {@code ReadinessProbe}), configuration ({@code RedisConfig}), and the safety nets
 * ({@code ProcessRegistry}, {@code PidFile}, {@code OrphanReaper}, {@code RuntimeDirectory}). Not an API:
 * other modules use {@link io.redstream.embedded} only.
 */
package io.redstream.embedded.internal;
