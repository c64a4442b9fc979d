/**
 * Micrometer observations of publishing and consuming, with OpenTelemetry messaging conventions and W3C trace
 * propagation through messages.
 *
 * <p>Entry point: {@link io.redstream.core.observation.RedStreamObservations}, from {@code RedStream.observations()};
 * modules built on core use it to observe their own operations in the same registry and trace.
 */
package io.redstream.core.observation;
