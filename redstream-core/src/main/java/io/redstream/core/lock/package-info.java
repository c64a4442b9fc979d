/**
 * Locks with leases and fencing tokens, one lock per key.
 *
 * <p>Entry point: {@link io.redstream.core.lock.Locks}, from {@code RedStream.locks()}; acquiring gives a
 * {@link io.redstream.core.lock.LockResult} and, when it succeeded, a {@link io.redstream.core.lock.LockLease}.
 */
package io.redstream.core.lock;
