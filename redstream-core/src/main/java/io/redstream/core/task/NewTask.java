package io.redstream.core.task;

import static java.util.Objects.requireNonNull;

import io.redstream.core.InvalidArgumentException;
import io.redstream.core.internal.CoordinationArguments;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task to create with {@link TaskBoard#create}. Immutable; build with {@link #builder(String)} or
 * {@link #of(String)}.
 *
 * <p>Defaults: no description, priority {@value #DEFAULT_PRIORITY}, no assignee (any agent may claim it), empty
 * payload, {@code maxAttempts} {@value #DEFAULT_MAX_ATTEMPTS}, a new trace id. Every setter checks its value and
 * throws {@link InvalidArgumentException} naming the parameter, the rule and the value.
 */
public final class NewTask {
    /** Priority of a task that sets none. */
    public static final int DEFAULT_PRIORITY = 0;
    /** Attempts of a task that sets none. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Highest {@code maxAttempts}. */
    public static final int MAX_ATTEMPTS_LIMIT = 100;
    /** Longest title. */
    public static final int MAX_TITLE_LENGTH = 512;
    /** Longest description. */
    public static final int MAX_DESCRIPTION_LENGTH = 16_384;
    /** Longest trace id. */
    public static final int MAX_TRACE_ID_LENGTH = 128;

    private final String title;
    private final String description;
    private final int priority;
    private final String assignee;
    private final Map<String, Object> payload;
    private final int maxAttempts;
    private final String traceId;

    private NewTask(Builder b) {
        this.title = b.title;
        this.description = b.description;
        this.priority = b.priority;
        this.assignee = b.assignee;
        this.payload = Collections.unmodifiableMap(new LinkedHashMap<>(b.payload));
        this.maxAttempts = b.maxAttempts;
        this.traceId = b.traceId;
    }

    /**
     * A task with only a title; every other value at its default.
     *
     * @param title 1 to {@value #MAX_TITLE_LENGTH} characters, not blank
     * @return the task
     * @throws InvalidArgumentException the title is blank or too long
     */
    public static NewTask of(String title) {
        return builder(title).build();
    }

    /**
     * A builder for a task titled {@code title} (1 to {@value #MAX_TITLE_LENGTH} characters, not blank).
     *
     * @param title the title
     * @return a builder with every other value at its default
     * @throws InvalidArgumentException the title is blank or too long
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /**
     * The title.
     *
     * @return the title, never {@code null}
     */
    public String title() {
        return title;
    }

    /**
     * The description, or {@code null}.
     *
     * @return the description, or {@code null} when none was set
     */
    public String description() {
        return description;
    }

    /**
     * The priority (informational).
     *
     * @return the priority, {@value #DEFAULT_PRIORITY} unless set
     */
    public int priority() {
        return priority;
    }

    /**
     * The only agent that may claim the task, or {@code null}.
     *
     * @return the assignee, or {@code null} for any agent
     */
    public String assignee() {
        return assignee;
    }

    /**
     * Unmodifiable; values are stored as JSON.
     *
     * @return the payload, empty when none was set
     */
    public Map<String, Object> payload() {
        return payload;
    }

    /**
     * The attempt after whose failure or expiry the task is dead.
     *
     * @return 1 to {@value #MAX_ATTEMPTS_LIMIT}
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The caller's trace id, or {@code null} for a new one.
     *
     * @return the trace id, or {@code null}
     */
    public String traceId() {
        return traceId;
    }

    @Override
    public String toString() {
        return "NewTask[maxAttempts=" + maxAttempts + ", assignee=" + assignee + ", payload=" + payload.keySet() + "]";
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private final String title;
        private String description;
        private int priority = DEFAULT_PRIORITY;
        private String assignee;
        private final Map<String, Object> payload = new LinkedHashMap<>();
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private String traceId;

        private Builder(String title) {
            this.title = CoordinationArguments.text("title", title, MAX_TITLE_LENGTH);
        }

        /**
         * At most {@value #MAX_DESCRIPTION_LENGTH} characters. Default none.
         *
         * @param description the description; not {@code null}
         * @return this builder
         * @throws InvalidArgumentException the description is too long
         */
        public Builder description(String description) {
            this.description = CoordinationArguments.optionalText("description", requireNonNull(description,
                    "description"), MAX_DESCRIPTION_LENGTH);
            return this;
        }

        /**
         * Informational priority, any int. Default {@value #DEFAULT_PRIORITY}.
         *
         * @param priority any value
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Only this agent may claim the task. Default none: any agent.
         *
         * @param assignee the agent name
         * @return this builder
         * @throws InvalidArgumentException the name is not a valid agent name
         */
        public Builder assignee(String assignee) {
            this.assignee = CoordinationArguments.agent("assignee", assignee);
            return this;
        }

        /**
         * Adds every entry of {@code payload} (names 1 to 256 characters; non-null values, stored as JSON). The
         * encoded task is bounded by {@code limits.maxMessageBytes}, checked at create.
         *
         * @param payload names and values to add; not {@code null}
         * @return this builder
         * @throws InvalidArgumentException a name is empty or too long, or a value is {@code null}
         */
        public Builder payload(Map<String, ?> payload) {
            requireNonNull(payload, "payload");
            for (Map.Entry<String, ?> e : payload.entrySet()) {
                String name = e.getKey();
                if (name == null || name.isEmpty() || name.length() > 256) {
                    throw new InvalidArgumentException("payload names must be 1 to 256 characters, but one was "
                            + (name == null ? "null" : name.length() + " characters"));
                }
                if (e.getValue() == null) {
                    throw new InvalidArgumentException("payload value of '" + name + "' must not be null; omit it"
                            + " instead");
                }
                this.payload.put(name, e.getValue());
            }
            return this;
        }

        /**
         * 1 to {@value #MAX_ATTEMPTS_LIMIT}. Default {@value #DEFAULT_MAX_ATTEMPTS}.
         *
         * @param maxAttempts the attempt after whose failure or expiry the task is dead
         * @return this builder
         * @throws InvalidArgumentException the value is out of range
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = CoordinationArguments.between("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS_LIMIT);
            return this;
        }

        /**
         * 1 to {@value #MAX_TRACE_ID_LENGTH} characters. Default a new random id.
         *
         * @param traceId the trace id to write on the task and its events
         * @return this builder
         * @throws InvalidArgumentException the trace id is empty or too long
         */
        public Builder traceId(String traceId) {
            requireNonNull(traceId, "traceId");
            if (traceId.isEmpty() || traceId.length() > MAX_TRACE_ID_LENGTH) {
                throw new InvalidArgumentException("traceId must be 1 to " + MAX_TRACE_ID_LENGTH
                        + " characters, but had " + traceId.length());
            }
            this.traceId = traceId;
            return this;
        }

        /**
         * The task, as set.
         *
         * @return the immutable task
         */
        public NewTask build() {
            return new NewTask(this);
        }
    }
}
