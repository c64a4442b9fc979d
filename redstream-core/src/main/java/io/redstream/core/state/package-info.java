/**
 * Key-value state with time to live: get, set (with TTL and {@code NX}/{@code XX}), delete, expire, increment and
 * cursor-based scans.
 *
 * <p>Entry point: {@link io.redstream.core.state.StateOperations}, from {@code RedStream.state()}; writes take
 * {@link io.redstream.core.state.SetOptions}.
 */
package io.redstream.core.state;
