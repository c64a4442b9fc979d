/**
 * Implementation of the Spring Boot starter; not an API, and may change in any release. The auto-configuration
 * classes of {@code io.redstream.spring.autoconfigure} create these.
 *
 * <ul>
 *   <li>{@link RedStreamClientFactory} and {@link AuthFactory} turn the bound properties into the client,
 *       authenticator and policy beans;</li>
 *   <li>{@link RedStreamListenerRegistrar} finds {@link io.redstream.spring.RedStreamListener} methods and
 *       {@link RedStreamListenerContainer} runs their consumers, named by {@link ConsumerNames};</li>
 *   <li>{@link RedStreamHealthIndicator} is the {@code redstream} health component;</li>
 *   <li>{@link RedStreamFailureAnalyzer} reports a configuration error at start instead of a stack trace.</li>
 * </ul>
 */
package io.redstream.spring.internal;
