/**
 * The publish and process observations of a client; not an API.
 *
 * <p>{@link io.redstream.core.internal.observation.PublishObservation} observes publishes and writes the trace
 * context into messages; {@link io.redstream.core.internal.observation.ObservedHandler} observes each entry a
 * managed consumer handles, continuing the publisher's trace.
 */
package io.redstream.core.internal.observation;
