/**
 * The Spring Boot starter's API: the {@code redstream.*} properties ({@link io.redstream.spring.RedStreamProperties}),
 * managed consumers declared with {@link io.redstream.spring.RedStreamListener}, builder adjustments through
 * {@link io.redstream.spring.RedStreamBuilderCustomizer} beans, and the
 * {@link io.redstream.spring.RedStreamConfigurationException} an invalid setting fails the start with.
 *
 * <pre>{@code
 * // application.properties: redstream.redis-uri=redis://localhost:6379
 * @Component
 * class InvoiceWorker {
 *     @RedStreamListener(stream = "nova:task:billing:invoices", group = "invoicing")
 *     void handle(StreamEntry entry) { ... }
 * }
 * }</pre>
 *
 * <p>The beans themselves come from the auto-configuration in {@code io.redstream.spring.autoconfigure}.
 */
package io.redstream.spring;
