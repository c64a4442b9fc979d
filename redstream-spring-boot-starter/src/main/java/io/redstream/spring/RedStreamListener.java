package io.redstream.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the handler of a managed RedStream consumer: the method is called once per entry of
 * {@link #stream()} delivered to {@link #group()}; returning acknowledges the entry, throwing retries it with backoff
 * until {@link #maxDeliveries()}, after which it is dead-lettered to {@code <stream>:dlq}.
 *
 * <pre>{@code
 * @Component
 * class InvoiceWorker {
 *     @RedStreamListener(stream = "nova:task:billing:invoices", group = "invoicing", concurrency = "4")
 *     void handle(StreamEntry entry) { ... }
 * }
 * }</pre>
 *
 * <p>The method must take exactly one {@link io.redstream.core.stream.StreamEntry} parameter; its return value is
 * ignored. Otherwise the application fails to start, naming the method. The consumer starts with the application
 * context (after every bean is ready) and is closed gracefully when the context stops: reading stops, running
 * handlers finish (up to {@link #closeTimeout()}), their acknowledgements are flushed.
 *
 * <p>Every attribute accepts {@code ${...}} placeholders, resolved against the environment. Numeric and duration
 * attributes are strings so that they can be placeholders; durations use Spring Boot's format ({@code 500ms},
 * {@code 2s}, {@code PT1M}). An empty attribute means the default of
 * {@link io.redstream.core.consumer.ConsumerSettings}. See {@code docs/spring-boot.md}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RedStreamListener {

    /**
     * The stream, {@code nova:{domain}:{entity}:{function}}.
     *
     * @return the stream name; required
     */
    String stream();

    /**
     * The consumer group; created from {@link #startId()} when Redis reports it missing.
     *
     * @return the group name; required
     */
    String group();

    /**
     * The consumer name within the group. Default: {@code <redstream.identity>-<redstream.listener.instance-id>}
     * (the application name and, unless configured, host name and process id).
     *
     * @return the consumer name, or empty for the default
     */
    String consumer() default "";

    /**
     * Handler threads, 1 to 256. Default 1.
     *
     * @return the thread count as text, or empty for the default
     */
    String concurrency() default "";

    /**
     * Entries held at once (reading pauses at the bound), 1 to 10000. Default 64.
     *
     * @return the bound as text, or empty for the default
     */
    String maxInFlight() default "";

    /**
     * Entries per read, 1 to 1000. Default 32.
     *
     * @return the batch size as text, or empty for the default
     */
    String batchSize() default "";

    /**
     * How long one read waits for new entries, 1 ms to 30 s. Default 1 s.
     *
     * @return the duration as text, or empty for the default
     */
    String block() default "";

    /**
     * Deliveries before an entry is dead-lettered, 1 to 1000. Default 5.
     *
     * @return the count as text, or empty for the default
     */
    String maxDeliveries() default "";

    /**
     * First retry delay, doubled per failure up to {@link #maxRetryDelay()}. Default 200 ms.
     *
     * @return the duration as text, or empty for the default
     */
    String retryDelay() default "";

    /**
     * Longest retry delay. Default 10 s.
     *
     * @return the duration as text, or empty for the default
     */
    String maxRetryDelay() default "";

    /**
     * How often entries idle in dead consumers are taken over. Default 30 s.
     *
     * @return the duration as text, or empty for the default
     */
    String claimInterval() default "";

    /**
     * How long an entry must be idle before it is taken over. Default 60 s.
     *
     * @return the duration as text, or empty for the default
     */
    String claimMinIdle() default "";

    /**
     * Where a group created by this consumer starts: {@code 0} (everything) or {@code $} (new entries). Default 0.
     *
     * @return {@code 0} or {@code $}, or empty for the default
     */
    String startId() default "";

    /**
     * How long closing waits for running handlers. Default 30 s.
     *
     * @return the duration as text, or empty for the default
     */
    String closeTimeout() default "";

    /**
     * Longest pause between reconnection attempts while Redis is unavailable. Default 5 s.
     *
     * @return the duration as text, or empty for the default
     */
    String maxBackoff() default "";
}
