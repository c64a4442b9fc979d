/**
 * Access control hooks: the {@link io.redstream.core.access.Action}s RedStream performs, their
 * {@link io.redstream.core.access.AccessLevel}s, and the {@link io.redstream.core.access.AccessGuard} a client view
 * asks before it sends any Redis command.
 *
 * <p>Core ships only {@link io.redstream.core.access.AccessGuard#ALLOW_ALL}; install another guard with
 * {@code RedStream.withGuard(guard)} ({@code redstream-auth} supplies one per principal).
 */
package io.redstream.core.access;
