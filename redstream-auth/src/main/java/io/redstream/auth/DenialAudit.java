package io.redstream.auth;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.redstream.auth.internal.DenialRateLimiter;
import io.redstream.auth.internal.Identifiers;
import io.redstream.core.access.Action;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records access denials: one structured WARN event per denial on the {@value #LOGGER_NAME} logger, with the
 * fields {@code time, principal, auth, action, resource, rule}, and a Micrometer counter
 * {@value #METER_NAME} tagged {@code action}.
 *
 * <pre>{@code
 * DenialAudit audit = DenialAudit.builder().meterRegistry(registry).maxEventsPerSecond(50).build();
 * Policy policy = Policy.builder().naming(naming).audit(audit).build();
 * }</pre>
 *
 * <p>The log is rate-limited (at most {@link Builder#maxEventsPerSecond} events per second); the first event after
 * a suppressed stretch is preceded by a {@code suppressed K denials} line. The counter counts every denial.
 * Events carry only the subject, the auth method description (key id, issuer), the action, the resource name and
 * the deciding rule: never a token, key, secret or message payload.
 *
 * <p>Immutable configuration; thread-safe.
 */
public final class DenialAudit {
    /** Name of the SLF4J logger denial events go to unless {@link Builder#logger} names another. */
    public static final String LOGGER_NAME = "redstream.audit";
    /** Name of the Micrometer counter of denials, tagged {@code action} with the action id. */
    public static final String METER_NAME = "redstream.auth.denials";
    /** Default limit of logged denial events per second; see {@link Builder#maxEventsPerSecond}. */
    public static final int DEFAULT_MAX_EVENTS_PER_SECOND = 20;

    private final Logger log;
    private final Clock clock;
    private final DenialRateLimiter limiter;
    private final Map<Action, Counter> counters;
    private final LongAdder total = new LongAdder();

    private DenialAudit(Builder b) {
        this.log = b.logger != null ? b.logger : LoggerFactory.getLogger(LOGGER_NAME);
        this.clock = b.clock;
        this.limiter = new DenialRateLimiter(b.clock, b.maxEventsPerSecond);
        this.counters = new EnumMap<>(Action.class);
        if (b.registry != null) {
            // Registered up front so the hot path is a map lookup, not a registry lookup.
            for (Action a : Action.values()) {
                counters.put(a, Counter.builder(METER_NAME)
                        .description("Operations refused by the RedStream access policy")
                        .tag("action", a.id())
                        .register(b.registry));
            }
        }
    }

    /**
     * Logs to {@value #LOGGER_NAME} with the system clock, no metrics, {@value #DEFAULT_MAX_EVENTS_PER_SECOND}/s.
     *
     * @return a new audit with the default settings (each call has its own rate limit and count)
     */
    public static DenialAudit defaults() {
        return builder().build();
    }

    /**
     * Starts an audit; see {@link Builder} for the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records one denial: counts it, and logs it unless the rate limit is reached. Thread-safe; called by the guards
     * of a {@link Policy}.
     *
     * @param principal who was denied
     * @param action    what was denied
     * @param resource  the name or pattern acted on (never a payload); made printable before logging
     * @param rule      what decided ({@code role#index}, {@code default-deny}, {@code outside-namespace})
     * @throws NullPointerException when an argument is null
     */
    public void record(Principal principal, Action action, String resource, String rule) {
        requireNonNull(principal, "principal");
        requireNonNull(action, "action");
        requireNonNull(resource, "resource");
        requireNonNull(rule, "rule");
        total.increment();
        Counter counter = counters.get(action);
        if (counter != null) {
            counter.increment();
        }
        DenialRateLimiter.Permit permit = limiter.acquire();
        if (!permit.log()) {
            return;
        }
        if (permit.suppressedBefore() > 0) {
            log.atWarn().addKeyValue("suppressed", permit.suppressedBefore())
                    .log("suppressed {} denials", permit.suppressedBefore());
        }
        log.atWarn()
                .addKeyValue("time", clock.instant())
                .addKeyValue("principal", Identifiers.printable(principal.subject()))
                .addKeyValue("auth", principal.method().describe())
                .addKeyValue("action", action.id())
                .addKeyValue("resource", Identifiers.printable(resource))
                .addKeyValue("rule", rule)
                .log("access denied");
    }

    /**
     * Denials recorded since this audit was built, suppressed ones included.
     *
     * @return the count, whether or not a meter registry is configured
     */
    public long denials() {
        return total.sum();
    }

    @Override
    public String toString() {
        return "DenialAudit[logger=" + log.getName() + ", metrics=" + !counters.isEmpty() + "]";
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private MeterRegistry registry;
        private int maxEventsPerSecond = DEFAULT_MAX_EVENTS_PER_SECOND;
        private Logger logger;

        private Builder() {
        }

        /**
         * Source of event times and of the rate-limit window. Default {@link Clock#systemUTC()}.
         *
         * @param clock the clock; tests pass a fixed one
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where the {@value #METER_NAME} counter is registered (one counter per action, registered at build).
         * Default none (no metric, denials still counted by {@link DenialAudit#denials()}).
         *
         * @param registry the registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Log at most this many denial events per wall-clock second; the rest are counted and reported by the next
         * logged event. Default {@value #DEFAULT_MAX_EVENTS_PER_SECOND}.
         *
         * @param maxEventsPerSecond at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code maxEventsPerSecond} is below 1
         */
        public Builder maxEventsPerSecond(int maxEventsPerSecond) {
            if (maxEventsPerSecond < 1) {
                throw new IllegalArgumentException("maxEventsPerSecond must be at least 1, but was "
                        + maxEventsPerSecond);
            }
            this.maxEventsPerSecond = maxEventsPerSecond;
            return this;
        }

        /**
         * The logger events go to. Default the {@value #LOGGER_NAME} logger.
         *
         * @param logger the logger
         * @return this builder
         */
        public Builder logger(Logger logger) {
            this.logger = requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Builds the audit, registering its counters when a meter registry is set.
         *
         * @return the audit; later changes to this builder do not affect it
         */
        public DenialAudit build() {
            return new DenialAudit(this);
        }
    }
}
