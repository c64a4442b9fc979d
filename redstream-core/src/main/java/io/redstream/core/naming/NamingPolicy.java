package io.redstream.core.naming;

import static java.util.Objects.requireNonNull;

import io.redstream.core.InvalidNameException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ADAPT naming convention: {@code nova:{domain}:{entity}:{function}}.
 *
 * <ul>
 *   <li>segments match {@code [A-Za-z0-9_-]+};</li>
 *   <li>the first segment is the namespace ({@link #DEFAULT_NAMESPACE} unless configured);</li>
 *   <li>the second is one of the configured domains ({@link #DEFAULT_DOMAINS} unless configured);</li>
 *   <li>streams have exactly four segments, or five when the fifth is {@code dlq} (a dead-letter stream);</li>
 *   <li>keys and channels have four or more segments ({@code nova:agent:alpha:session:42});</li>
 *   <li>names are at most {@link #MAX_NAME_LENGTH} characters;</li>
 *   <li>the legacy stream form {@code domain.name.direct} is accepted only when
 *       {@link Builder#legacyNames(boolean)} is on (default off); it is authorized as
 *       {@code nova:domain:name:direct}.</li>
 * </ul>
 *
 * <p>Every check throws {@link InvalidNameException} with the name and the rule it broke. Immutable and
 * thread-safe.
 */
public final class NamingPolicy {
    /** The default first segment of every name. */
    public static final String DEFAULT_NAMESPACE = "nova";
    /** The seven reserved domains allowed by default as the second segment. */
    public static final Set<String> DEFAULT_DOMAINS =
            Set.of("system", "task", "agent", "user", "memory", "devops", "broadcast");
    /** The longest name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 512;
    /** The fifth segment that marks a dead-letter stream. */
    public static final String DEAD_LETTER_SUFFIX = "dlq";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PATTERN_SEGMENT = Pattern.compile("[A-Za-z0-9_*-]+");
    private static final Pattern LEGACY = Pattern.compile("([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.direct");
    private static final NamingPolicy DEFAULTS = builder().build();

    private final String namespace;
    private final Set<String> domains;
    private final boolean legacyNames;
    private final String domainList;
    /**
     * Names already validated, per kind: validation is a pure function of the policy and the name, and a service
     * uses the same few streams and keys over and over. Bounded: once {@link #MEMO_LIMIT} names of a kind are
     * remembered, further names are validated every time (no eviction needed for correctness).
     */
    private final List<java.util.concurrent.ConcurrentHashMap<String, ResourceName>> memo =
            java.util.stream.Stream.generate(java.util.concurrent.ConcurrentHashMap<String, ResourceName>::new)
                    .limit(NameKind.values().length).toList();
    static final int MEMO_LIMIT = 1024;

    private NamingPolicy(Builder b) {
        this.namespace = b.namespace;
        this.domains = Set.copyOf(b.domains);
        this.legacyNames = b.legacyNames;
        this.domainList = String.join(", ", b.domains.stream().sorted().toList());
    }

    /**
     * The default policy: namespace {@code nova}, the seven reserved domains, legacy names off.
     *
     * @return the shared default policy
     */
    public static NamingPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first segment every name must have.
     *
     * @return the namespace, for example {@code nova}
     */
    public String namespace() {
        return namespace;
    }

    /**
     * The domains allowed as the second segment.
     *
     * @return an immutable set of domains
     */
    public Set<String> domains() {
        return domains;
    }

    /**
     * Whether the legacy stream form {@code domain.name.direct} is accepted.
     *
     * @return {@code true} when legacy names are accepted
     */
    public boolean legacyNames() {
        return legacyNames;
    }

    /**
     * Validates a stream name.
     *
     * @param name the stream name, for example {@code nova:task:boomerang:tasks}
     * @return the parsed name with its segments
     * @throws InvalidNameException the name breaks a rule; the message names the rule
     */
    public ResourceName stream(String name) {
        return parse(NameKind.STREAM, name);
    }

    /**
     * Validates a key name.
     *
     * @param name the key name, at least four segments
     * @return the parsed name with its segments
     * @throws InvalidNameException the name breaks a rule; the message names the rule
     */
    public ResourceName key(String name) {
        return parse(NameKind.KEY, name);
    }

    /**
     * Validates a pub/sub channel name.
     *
     * @param name the channel name, at least four segments
     * @return the parsed name with its segments
     * @throws InvalidNameException the name breaks a rule; the message names the rule
     */
    public ResourceName channel(String name) {
        return parse(NameKind.CHANNEL, name);
    }

    /**
     * Validates a name of the given kind.
     *
     * @param kind stream, key or channel; not {@code null}
     * @param name the name to check
     * @return the parsed name with its segments
     * @throws InvalidNameException the name is {@code null} or breaks a rule of its kind
     */
    public ResourceName parse(NameKind kind, String name) {
        requireNonNull(kind, "kind");
        if (name != null) {
            java.util.concurrent.ConcurrentHashMap<String, ResourceName> known = memo.get(kind.ordinal());
            ResourceName hit = known.get(name);
            if (hit != null) {
                return hit;
            }
            ResourceName parsed = validate(kind, name);
            if (known.size() < MEMO_LIMIT) {
                known.putIfAbsent(name, parsed);
            }
            return parsed;
        }
        return validate(kind, name);
    }

    private ResourceName validate(NameKind kind, String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidNameException(kind.label() + " name must not be empty; expected " + shape(kind));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw invalid(kind, abbreviate(name), "must be at most " + MAX_NAME_LENGTH + " characters, but was "
                    + name.length());
        }
        if (kind == NameKind.STREAM && legacyNames && name.indexOf(':') < 0) {
            var m = LEGACY.matcher(name);
            if (m.matches()) {
                checkDomain(kind, name, m.group(1));
                return new ResourceName(kind, name, List.of(namespace, m.group(1), m.group(2), "direct"));
            }
        }
        String[] parts = name.split(":", -1);
        if (!parts[0].equals(namespace)) {
            throw invalid(kind, name, "must start with the namespace '" + namespace + ":'");
        }
        for (String part : parts) {
            if (!isSegment(part)) {
                throw invalid(kind, name, "every segment must match [A-Za-z0-9_-]+, but segment '" + part
                        + "' does not");
            }
        }
        if (parts.length < 4) {
            throw invalid(kind, name, "must have at least 4 segments, but has " + parts.length);
        }
        if (kind == NameKind.STREAM && parts.length > 4
                && !(parts.length == 5 && parts[4].equals(DEAD_LETTER_SUFFIX))) {
            throw invalid(kind, name, "must have exactly 4 segments (or a 5th segment '" + DEAD_LETTER_SUFFIX
                    + "' for a dead-letter stream), but has " + parts.length);
        }
        checkDomain(kind, name, parts[1]);
        return new ResourceName(kind, name, Arrays.asList(parts));
    }

    /**
     * Validates a glob pattern over names of the given kind. The namespace segment must be literal; the domain
     * segment, when literal, must be a configured domain; only {@code *} is allowed as a wildcard.
     *
     * @param kind the kind of names the pattern matches; not {@code null}
     * @param pattern the glob pattern, for example {@code nova:task:*}
     * @return the parsed pattern with its literal leading segments
     * @throws InvalidNameException the pattern breaks a rule
     */
    public NamePattern pattern(NameKind kind, String pattern) {
        requireNonNull(kind, "kind");
        String what = kind.label() + " pattern";
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidNameException(what + " must not be empty; expected " + namespace + ":... with * as the"
                    + " only wildcard");
        }
        if (pattern.length() > MAX_NAME_LENGTH) {
            throw new InvalidNameException(what + " '" + abbreviate(pattern) + "' is invalid: must be at most "
                    + MAX_NAME_LENGTH + " characters");
        }
        String[] parts = pattern.split(":", -1);
        if (!parts[0].equals(namespace)) {
            throw new InvalidNameException(what + " '" + pattern + "' is invalid: must start with the literal"
                    + " namespace '" + namespace + ":' (patterns never reach outside the namespace)");
        }
        List<String> literal = new ArrayList<>();
        boolean wild = false;
        for (String part : parts) {
            if (!PATTERN_SEGMENT.matcher(part).matches()) {
                throw new InvalidNameException(what + " '" + pattern + "' is invalid: every segment must match"
                        + " [A-Za-z0-9_*-]+ (only * is a wildcard), but segment '" + part + "' does not");
            }
            wild |= part.indexOf('*') >= 0;
            if (!wild) {
                literal.add(part);
            }
        }
        if (literal.size() >= 2 && !domains.contains(literal.get(1))) {
            throw new InvalidNameException(what + " '" + pattern + "' is invalid: domain '" + literal.get(1)
                    + "' is not one of [" + domainList + "]");
        }
        if (!wild && parts.length < 4) {
            throw new InvalidNameException(what + " '" + pattern + "' is invalid: a pattern without * must be a"
                    + " full name of at least 4 segments");
        }
        return new NamePattern(kind, pattern, literal);
    }

    /**
     * The dead-letter stream of {@code stream}: {@code <stream>:dlq}.
     *
     * @param stream a valid stream name
     * @return the stream {@code <stream>:dlq}
     * @throws InvalidNameException {@code stream} is itself a dead-letter stream
     */
    public ResourceName deadLetterStream(ResourceName stream) {
        return stream(stream.redisName() + ":" + DEAD_LETTER_SUFFIX);
    }

    /**
     * Whether {@code s} is one segment of a name: {@code [A-Za-z0-9_-]+}. Hand-written: every operation checks every
     * segment of every name.
     *
     * @param s the text to check; may be {@code null}
     * @return {@code true} when {@code s} is a non-empty run of {@code [A-Za-z0-9_-]}
     */
    public static boolean isSegment(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private void checkDomain(NameKind kind, String name, String domain) {
        if (!domains.contains(domain)) {
            throw invalid(kind, name, "domain '" + domain + "' is not one of [" + domainList + "]");
        }
    }

    private InvalidNameException invalid(NameKind kind, String name, String rule) {
        return new InvalidNameException(kind.label() + " name '" + name + "' is invalid: " + rule + "; expected "
                + shape(kind));
    }

    private String shape(NameKind kind) {
        String base = namespace + ":{domain}:{entity}:{function}";
        return switch (kind) {
            case STREAM -> base + (legacyNames ? " (or legacy {domain}.{name}.direct)" : "");
            case KEY, CHANNEL -> base + "[:more]";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    @Override
    public String toString() {
        return "NamingPolicy[namespace=" + namespace + ", domains=[" + domainList + "], legacyNames=" + legacyNames
                + "]";
    }

    /** Builder; not thread-safe. Defaults: namespace {@code nova}, {@link #DEFAULT_DOMAINS}, legacy names off. */
    public static final class Builder {
        private String namespace = DEFAULT_NAMESPACE;
        private final Set<String> domains = new LinkedHashSet<>(DEFAULT_DOMAINS);
        private boolean legacyNames;

        private Builder() {
        }

        /**
         * The first segment of every name. Default {@value #DEFAULT_NAMESPACE}.
         *
         * @param namespace one segment, {@code [A-Za-z0-9_-]+}
         * @return this builder
         * @throws IllegalArgumentException the namespace is not one segment
         */
        public Builder namespace(String namespace) {
            requireNonNull(namespace, "namespace");
            if (!SEGMENT.matcher(namespace).matches()) {
                throw new IllegalArgumentException("namespace must match [A-Za-z0-9_-]+, but was '" + namespace
                        + "'");
            }
            this.namespace = namespace;
            return this;
        }

        /**
         * Replaces the allowed domains. Default {@link #DEFAULT_DOMAINS}.
         *
         * @param domains at least one segment, {@code [A-Za-z0-9_-]+} each
         * @return this builder
         * @throws IllegalArgumentException the collection is empty or holds something that is not a segment
         */
        public Builder domains(Collection<String> domains) {
            requireNonNull(domains, "domains");
            if (domains.isEmpty()) {
                throw new IllegalArgumentException("domains must not be empty");
            }
            for (String d : domains) {
                requireNonNull(d, "domain");
                if (!SEGMENT.matcher(d).matches()) {
                    throw new IllegalArgumentException("every domain must match [A-Za-z0-9_-]+, but was '" + d
                            + "'");
                }
            }
            this.domains.clear();
            this.domains.addAll(domains);
            return this;
        }

        /**
         * Adds domains to the allowed set.
         *
         * @param domains segments to add, {@code [A-Za-z0-9_-]+} each
         * @return this builder
         * @throws IllegalArgumentException an entry is not a segment
         */
        public Builder addDomains(String... domains) {
            List<String> all = new ArrayList<>(this.domains);
            all.addAll(Arrays.asList(domains));
            return domains(all);
        }

        /**
         * Whether the legacy stream form {@code domain.name.direct} is accepted. Default off.
         *
         * @param legacyNames {@code true} to accept {@code domain.name.direct}
         * @return this builder
         */
        public Builder legacyNames(boolean legacyNames) {
            this.legacyNames = legacyNames;
            return this;
        }

        /**
         * Creates the policy.
         *
         * @return the immutable policy
         */
        public NamingPolicy build() {
            return new NamingPolicy(this);
        }
    }
}
