package io.redstream.core.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Micrometer meters per {@link Operation}: {@code redstream.operation} timers tagged with {@code operation} and
 * {@code outcome} (success/error), publishing p50/p95/p99. Without a registry every method is a no-op, so the hot
 * path pays nothing. Timers are resolved once per operation and outcome and then found by the enum's ordinal.
 */
public final class OperationMetrics {
    private static final Operation[] OPERATIONS = Operation.values();

    private final MeterRegistry registry;
    /** Index {@code 2 * ordinal} for success, {@code 2 * ordinal + 1} for error. */
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(2 * OPERATIONS.length);

    /**
     * Metrics recorded in {@code registry}, or none when it is {@code null}.
     *
     * @param registry the registry, or {@code null} to record nothing
     */
    public OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Whether calls are timed.
     *
     * @return {@code true} when a registry was given
     */
    public boolean enabled() {
        return registry != null;
    }

    /**
     * Records one call in the {@code redstream.operation} timer of its operation and outcome; nothing without a
     * registry. Thread-safe.
     *
     * @param operation the kind of call
     * @param nanos how long it took
     * @param success {@code true} when it succeeded
     */
    public void record(Operation operation, long nanos, boolean success) {
        if (registry == null) {
            return;
        }
        int slot = 2 * operation.ordinal() + (success ? 0 : 1);
        Timer timer = timers.get(slot);
        if (timer == null) {
            // A race registers the same meter twice; Micrometer returns the one it has, so both callers agree.
            timer = Timer.builder("redstream.operation")
                    .description("RedStream operations against Redis")
                    .tag("operation", operation.id())
                    .tag("outcome", success ? "success" : "error")
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry);
            timers.set(slot, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The registry calls are timed in.
     *
     * @return the registry, or {@code null} when metrics are off
     */
    public MeterRegistry registry() {
        return registry;
    }
}
