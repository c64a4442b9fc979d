/**
 * Agent presence by heartbeat with a TTL: who is alive, with which status.
 *
 * <p>Entry point: {@link io.redstream.core.presence.Presence}, from {@code RedStream.presence()}; listings return
 * {@link io.redstream.core.presence.AgentPresence}s.
 */
package io.redstream.core.presence;
