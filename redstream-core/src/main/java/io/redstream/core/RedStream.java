package io.redstream.core;

import static java.util.Objects.requireNonNull;

import io.redstream.core.access.AccessGuard;
import io.redstream.core.consumer.ConsumerSettings;
import io.redstream.core.consumer.MessageHandler;
import io.redstream.core.consumer.StreamConsumer;
import io.redstream.core.internal.consumer.DefaultStreamConsumer;
import io.redstream.core.internal.ClientContext;
import io.redstream.core.internal.ConnectionSettings;
import io.redstream.core.internal.DefaultConsumerGroupOperations;
import io.redstream.core.internal.DefaultLocks;
import io.redstream.core.internal.DefaultPresence;
import io.redstream.core.internal.task.DefaultTaskBoard;
import io.redstream.core.internal.task.StepHook;
import io.redstream.core.lock.Locks;
import io.redstream.core.presence.Presence;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.internal.DefaultPubSubOperations;
import io.redstream.core.internal.DefaultStateOperations;
import io.redstream.core.internal.DefaultStreamOperations;
import io.redstream.core.internal.DefaultTransaction;
import io.redstream.core.internal.HealthProbe;
import io.redstream.core.internal.MessageEncoder;
import io.redstream.core.internal.NamedThreadFactory;
import io.redstream.core.internal.OperationMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.redstream.core.internal.RedisGateway;
import io.redstream.core.internal.RedisUris;
import io.redstream.core.internal.Resources;
import io.redstream.core.internal.observation.ObservedHandler;
import io.redstream.core.observation.RedStreamObservations;
import io.redstream.core.health.HealthReport;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.pubsub.PubSubOperations;
import io.redstream.core.state.StateOperations;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.PublishOptions;
import io.redstream.core.stream.StreamOperations;
import io.redstream.core.tx.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The RedStream client: Redis Streams, consumer groups, state, pub/sub, transactions and agent coordination (task
 * boards, locks, presence) under one naming convention, on a standalone Redis or a Redis Cluster with the same
 * code.
 *
 * <pre>{@code
 * try (RedStream rs = RedStream.builder()
 *         .redisUri("redis://127.0.0.1:6379")
 *         .identity("task-router")
 *         .build()) {
 *     String id = rs.publish("nova:task:boomerang:tasks", Map.of("title", "New task"));
 * }
 * }</pre>
 *
 * <p><b>Thread-safety and lifecycle.</b> Expensive to create (it owns a connection pool and threads), thread-safe,
 * meant to be shared for the life of the application and closed once. {@link #close()} is idempotent. A view made
 * with {@link #withGuard(AccessGuard)} shares the connections and does not close them.
 */
public final class RedStream implements AutoCloseable {
    private final ClientContext ctx;
    private final boolean owner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final StreamOperations streams;
    private final ConsumerGroupOperations groups;
    private final StateOperations state;
    private final PubSubOperations pubsub;
    private final Locks locks;
    private final Presence presence;

    private RedStream(ClientContext ctx, boolean owner) {
        this.ctx = ctx;
        this.owner = owner;
        this.streams = new DefaultStreamOperations(ctx);
        this.groups = new DefaultConsumerGroupOperations(ctx);
        this.state = new DefaultStateOperations(ctx);
        this.pubsub = new DefaultPubSubOperations(ctx);
        this.locks = new DefaultLocks(ctx);
        this.presence = new DefaultPresence(ctx);
    }

    /**
     * A builder; see its Javadoc for every default.
     *
     * @return a new builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Publishes one message and returns its entry id. Adds {@code _timestamp}, {@code _source} (this client's
     * identity) and {@code _trace_id} (kept when given).
     *
     * @param stream the stream name, checked against the naming policy
     * @param fields field names and values; values are encoded as strings (JSON for maps and lists), within
     *     {@link Limits#maxFieldsPerMessage()} and {@link Limits#maxMessageBytes()}
     * @return the entry id Redis assigned, for example {@code 1718000000000-0}
     * @throws io.redstream.core.InvalidNameException {@code stream} breaks the naming policy
     * @throws InvalidArgumentException {@code fields} is empty, has a {@code null} value or a reserved name
     * @throws LimitExceededException too many fields or too many bytes
     * @throws AccessDeniedException this view may not publish to {@code stream}
     * @throws RedStreamConnectionException Redis could not be reached
     */
    public String publish(String stream, Map<String, ?> fields) {
        return streams.publish(stream, fields);
    }

    /**
     * Publishes one message with options (trimming, no-create, client id, trace id).
     *
     * @param stream the stream name, checked against the naming policy
     * @param fields field names and values, as for {@link #publish(String, Map)}
     * @param options trimming, no-create, client id and trace id; {@link PublishOptions#DEFAULT} for none
     * @return the entry id: the one Redis assigned, or the client-generated id of the options
     * @throws io.redstream.core.InvalidNameException {@code stream} breaks the naming policy
     * @throws InvalidArgumentException {@code fields} is empty, has a {@code null} value or a reserved name
     * @throws LimitExceededException too many fields or too many bytes
     * @throws NotFoundException {@code noCreate} was set and the stream does not exist
     * @throws AccessDeniedException this view may not publish to {@code stream}
     * @throws RedStreamConnectionException Redis could not be reached
     */
    public String publish(String stream, Map<String, ?> fields, PublishOptions options) {
        return streams.publish(stream, fields, options);
    }

    /**
     * Publishing, reading, info and trimming.
     *
     * @return the stream operations of this view; shared, thread-safe
     */
    public StreamOperations streams() {
        return streams;
    }

    /**
     * Consumer groups: admin, group reads, ack, claim, pending.
     *
     * @return the consumer group operations of this view; shared, thread-safe
     */
    public ConsumerGroupOperations groups() {
        return groups;
    }

    /**
     * Key-value state with TTL: get, set (TTL, NX/XX), delete, expire, ttl, increment, scan.
     *
     * @return the state operations of this view; shared, thread-safe
     */
    public StateOperations state() {
        return state;
    }

    /**
     * Publish/subscribe, pattern subscriptions and the bounded {@code collect} helper.
     *
     * @return the pub/sub operations of this view; shared, thread-safe
     */
    public PubSubOperations pubsub() {
        return pubsub;
    }

    /**
     * The task board {@code board}: tasks agents claim under a lease, at least once and each done at most once
     * (see {@link TaskBoard}). Cheap; sends nothing.
     *
     * @throws io.redstream.core.InvalidNameException {@code board} is not an entity segment
     *     ({@code [A-Za-z0-9_-]}, 1 to 128), or the naming policy has no {@code task} domain
     *
     * @param board the board's entity segment, for example {@code boomerang}
     * @return a thread-safe handle on the board, checked by this view's guard
     */
    public TaskBoard tasks(String board) {
        return new DefaultTaskBoard(ctx, board, StepHook.NONE);
    }

    /**
     * Locks with leases and fencing tokens (see {@link Locks}).
     *
     * @return the lock operations of this view; shared, thread-safe
     */
    public Locks locks() {
        return locks;
    }

    /**
     * Agent presence by heartbeat with a TTL (see {@link Presence}).
     *
     * @return the presence operations of this view; shared, thread-safe
     */
    public Presence presence() {
        return presence;
    }

    /**
     * A new atomic multi-operation ({@code MULTI}/{@code EXEC}, optional {@code WATCH}); use once.
     *
     * @return a new transaction, not thread-safe and good for one {@code execute()}
     */
    public Transaction transaction() {
        return DefaultTransaction.create(ctx);
    }

    /**
     * PING round trip, server version, topology and pool usage. Never throws: a failure is a DOWN report.
     *
     * @return the report: UP with latency and details, or DOWN with the redacted reason
     */
    public HealthReport health() {
        return new HealthProbe(ctx.gateway()).check();
    }

    /**
     * Starts a managed worker on {@code settings.stream()} for {@code settings.group()} as
     * {@code settings.consumer()}: it drains its own pending entries, then reads new ones; acknowledges after the
     * handler returns; retries failures with backoff up to {@code maxDeliveries}, then dead-letters them to
     * {@code <stream>:dlq}; takes over entries of dead consumers; recreates a lost group; and backs off while Redis
     * is down. Close the returned worker to stop it (closing this client does not stop it first).
     *
     * <p>The worker creates its group (from {@code settings.startId()}) only when Redis reports it missing, so a
     * caller with read rights alone can consume from an existing group.
     *
     * @throws io.redstream.core.InvalidNameException the stream name is invalid
     * @throws InvalidArgumentException the group or consumer name is invalid
     * @throws AccessDeniedException this view may not read the stream as a group member
     * @param settings stream, group, consumer, batch size, retry and claim settings
     * @param handler called once per entry on the worker's thread; returning acknowledges, throwing retries
     * @return the started worker; close it to stop consuming
     */
    public StreamConsumer consumer(ConsumerSettings settings, MessageHandler handler) {
        requireNonNull(settings, "settings");
        requireNonNull(handler, "handler");
        // Fail fast for a caller who may not consume at all, instead of starting a worker that only gets denials.
        ctx.authorize(io.redstream.core.access.Action.GROUP_READ, settings.stream());
        io.redstream.core.internal.Arguments.groupName("group", settings.group());
        io.redstream.core.internal.Arguments.groupName("consumer", settings.consumer());
        if (settings.batchSize() > ctx.limits().maxCount()) {
            throw new InvalidArgumentException("settings.batchSize must be at most limits.maxCount ("
                    + ctx.limits().maxCount() + "), but was " + settings.batchSize());
        }
        warnIfCannotDeadLetter(settings);
        MessageHandler observed = ObservedHandler.wrap(handler, ctx.observations(),
                ctx.stream(settings.stream()).redisName(), settings.group());
        return new DefaultStreamConsumer(groups, settings, observed, ctx.gateway().metrics().registry(),
                ctx.limits().maxCount(), ctx.resources()).start();
    }

    /**
     * Dead-lettering needs {@code stream.publish} on {@code <stream>:dlq}; say so at start rather than at the first
     * poison message. A worker on a dead-letter stream itself has no further dead-letter stream.
     */
    private void warnIfCannotDeadLetter(ConsumerSettings settings) {
        io.redstream.core.naming.ResourceName stream = ctx.stream(settings.stream());
        boolean isDeadLetterStream = stream.segments().size() == 5;
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RedStream.class);
        if (isDeadLetterStream) {
            log.info("consumer {}/{} reads a dead-letter stream: entries that exhaust maxDeliveries stay pending",
                    settings.group(), settings.consumer());
        } else if (!ctx.guard().permits(io.redstream.core.access.Action.STREAM_PUBLISH,
                ctx.naming().deadLetterStream(stream))) {
            log.warn("consumer {}/{}: this caller may not publish to the dead-letter stream {}:dlq; entries that"
                    + " exhaust maxDeliveries stay pending and are retried instead of dead-lettered", settings.group(),
                    settings.consumer(), settings.stream());
        }
    }

    /**
     * This client's Micrometer observations (publish, process), and the factory modules built on core use to
     * observe their own operations with the same registry and conventions.
     *
     * @return the observation factory of this client, shared by its views
     */
    public RedStreamObservations observations() {
        return ctx.observations();
    }

    /**
     * The naming rules every name is checked against.
     *
     * @return the naming policy this client was built with
     */
    public NamingPolicy naming() {
        return ctx.naming();
    }

    /**
     * The limits every call is checked against.
     *
     * @return the limits this client was built with
     */
    public Limits limits() {
        return ctx.limits();
    }

    /**
     * The guard this view checks every operation with ({@link AccessGuard#ALLOW_ALL} unless set).
     *
     * @return the guard of this view, never {@code null}
     */
    public AccessGuard guard() {
        return ctx.guard();
    }

    /**
     * A view of this client whose every operation is first checked by {@code guard} — before any Redis command is
     * sent. If this client is itself a guarded view, both guards must allow: a view can be narrowed, never
     * widened. The view shares this client's connections; closing it does nothing, closing this client ends both.
     *
     * @param guard the guard to add; not {@code null}
     * @return a new view allowing what both this view's guard and {@code guard} allow
     * @throws NullPointerException if {@code guard} is {@code null}
     */
    public RedStream withGuard(AccessGuard guard) {
        requireNonNull(guard, "guard");
        return new RedStream(ctx.withGuard(AccessGuard.both(ctx.guard(), guard)), false);
    }

    /**
     * Whether this client talks to a Redis Cluster.
     *
     * @return {@code true} for a client built with {@code clusterNodes}, {@code false} for a standalone Redis
     */
    public boolean isCluster() {
        return ctx.gateway().isCluster();
    }

    /**
     * Closes consumers, subscriptions and batchers started through this client or its views (each as by its own
     * {@code close()}), then connections and threads; idempotent. A guarded view closes nothing.
     */
    @Override
    public void close() {
        if (owner && closed.compareAndSet(false, true)) {
            // Consumers, subscriptions and batchers first: they still need the connections to finish cleanly.
            ctx.resources().closeAll();
            ctx.readExecutor().shutdownNow();
            ctx.gateway().close();
        }
    }

    @Override
    public String toString() {
        return "RedStream[" + ctx.gateway().settings().describe() + ", guard=" + ctx.guard() + "]";
    }

    /**
     * Configures a {@link RedStream}. Not thread-safe. Defaults:
     * <ul>
     *   <li>{@code redisUri}: {@code redis://127.0.0.1:6379} unless {@link #clusterNodes} is given;</li>
     *   <li>{@code identity}: {@value #DEFAULT_IDENTITY};</li>
     *   <li>{@code naming}: {@link NamingPolicy#defaults()} (namespace {@code nova}, seven reserved domains);</li>
     *   <li>{@code limits}: {@link Limits#DEFAULTS};</li>
     *   <li>{@code connectTimeout}: 2 s; {@code socketTimeout}: 2 s; blocking calls get
     *       {@code limits.maxBlock + socketTimeout} so a stalled server never hangs a thread;</li>
     *   <li>{@code poolSize}: {@value #DEFAULT_POOL_SIZE} connections (per node on a cluster);</li>
     *   <li>{@code validateAfterIdle}: 500 ms ({@link #DEFAULT_VALIDATE_AFTER_IDLE}): a pooled connection unused
     *       for that long is checked with {@code PING} before it is lent;</li>
     *   <li>{@code clock}: {@link Clock#systemUTC()};</li>
     *   <li>{@code ssl}: from the URI scheme ({@code rediss}), false for cluster nodes unless set; the JVM's
     *       default trust store unless {@code sslContext} is given; hostnames always verified;</li>
     *   <li>{@code meterRegistry}: none (no meters recorded);</li>
     *   <li>{@code observationRegistry}: {@link ObservationRegistry#NOOP} (nothing observed, nothing written into
     *       messages).</li>
     * </ul>
     *
     * <pre>{@code
     * RedStream cluster = RedStream.builder()
     *         .clusterNodes("redis-1:6379", "redis-2:6379", "redis-3:6379")
     *         .identity("task-router")
     *         .password(System.getenv("REDIS_PASSWORD"))
     *         .socketTimeout(Duration.ofSeconds(1))
     *         .meterRegistry(meterRegistry)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        /** The default {@code _source} identity written on messages when none is given. */
        public static final String DEFAULT_IDENTITY = "redstream";
        /** The URI used when neither {@code redisUri} nor {@code clusterNodes} is given: a local Redis. */
        public static final String DEFAULT_URI = "redis://127.0.0.1:6379";
        /** The default time to establish a connection: 2 seconds. */
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
        /** The default time to wait for a reply of a non-blocking command: 2 seconds. */
        public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(2);
        /** The default maximum number of pooled connections (per node on a cluster). */
        public static final int DEFAULT_POOL_SIZE = 16;
        /**
         * The default idle time after which a pooled connection is checked with {@code PING} before it is lent: 500 ms.
         */
        public static final Duration DEFAULT_VALIDATE_AFTER_IDLE = Duration.ofMillis(500);

        private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");
        private static final Pattern NODE = Pattern.compile("[^\\s:/]+:\\d{1,5}");

        private String redisUri;
        private final List<String> clusterNodes = new ArrayList<>();
        private String identity = DEFAULT_IDENTITY;
        private NamingPolicy naming = NamingPolicy.defaults();
        private Limits limits = Limits.DEFAULTS;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration validateAfterIdle = DEFAULT_VALIDATE_AFTER_IDLE;
        private Clock clock = Clock.systemUTC();
        private String user;
        private String password;
        private Boolean ssl;
        private MeterRegistry meterRegistry;
        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
        private javax.net.ssl.SSLContext sslContext;

        private Builder() {
        }

        /**
         * A standalone Redis: {@code redis://[user[:password]@]host[:port][/db]} or {@code rediss://...}.
         *
         * @param redisUri the URI; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException the URI is malformed or its scheme is not {@code redis} or {@code rediss}
         */
        public Builder redisUri(String redisUri) {
            requireNonNull(redisUri, "redisUri");
            RedisUris.parse(redisUri);
            this.redisUri = redisUri;
            return this;
        }

        /**
         * A Redis Cluster, by one or more seed nodes {@code "host:port"}.
         *
         * @param nodes seed nodes as {@code host:port}; at least one, surrounding blanks are trimmed
         * @return this builder
         * @throws IllegalArgumentException no node is given or one is not {@code host:port}
         */
        public Builder clusterNodes(String... nodes) {
            requireNonNull(nodes, "nodes");
            if (nodes.length == 0) {
                throw new IllegalArgumentException("clusterNodes must name at least one host:port");
            }
            List<String> checked = new ArrayList<>();
            for (String n : nodes) {
                requireNonNull(n, "node");
                if (!NODE.matcher(n.trim()).matches()) {
                    throw new IllegalArgumentException("clusterNodes entries must be host:port, but one was '" + n
                            + "'");
                }
                checked.add(n.trim());
            }
            this.clusterNodes.clear();
            this.clusterNodes.addAll(checked);
            return this;
        }

        /**
         * Written as {@code _source} on every message; 1 to 128 of {@code [A-Za-z0-9_.:@-]}.
         *
         * @param identity the client identity, for example {@code task-router}
         * @return this builder
         * @throws IllegalArgumentException the identity is empty, too long or has another character
         */
        public Builder identity(String identity) {
            requireNonNull(identity, "identity");
            if (!IDENTITY.matcher(identity).matches()) {
                throw new IllegalArgumentException("identity must be 1 to 128 characters of [A-Za-z0-9_.:@-], but"
                        + " was '" + identity + "'");
            }
            this.identity = identity;
            return this;
        }

        /**
         * The naming policy every stream, key and channel name is checked against.
         *
         * @param naming the policy; not {@code null}
         * @return this builder
         */
        public Builder naming(NamingPolicy naming) {
            this.naming = requireNonNull(naming, "naming");
            return this;
        }

        /**
         * The limits every call is checked against.
         *
         * @param limits the limits; not {@code null}
         * @return this builder
         */
        public Builder limits(Limits limits) {
            this.limits = requireNonNull(limits, "limits");
            return this;
        }

        /**
         * How long to wait for a connection to be established.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException the duration is zero or negative
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * How long to wait for the reply of a non-blocking command; blocking reads wait
         * {@code limits.maxBlock + socketTimeout}.
         *
         * @param socketTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException the duration is zero or negative
         */
        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = positive("socketTimeout", socketTimeout);
            return this;
        }

        /**
         * Maximum pooled connections (per node on a cluster); at least 1.
         *
         * @param poolSize between 1 and 1024
         * @return this builder
         * @throws IllegalArgumentException the size is out of range
         */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1 || poolSize > 1024) {
                throw new IllegalArgumentException("poolSize must be between 1 and 1024, but was " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * How long a pooled connection may sit unused before it is checked with {@code PING} when lent out
         * (standalone), so a connection made stale by a Redis restart or a dropped idle socket is replaced before a
         * caller's command runs; connections in steady use skip the check. {@link Duration#ZERO} checks on every
         * borrow (one extra round trip per call). Default 500 ms. On a cluster the client retries a command whose
         * connection failed on a fresh one instead.
         *
         * @param validateAfterIdle zero or a positive duration
         * @return this builder
         * @throws IllegalArgumentException the duration is negative
         */
        public Builder validateAfterIdle(Duration validateAfterIdle) {
            requireNonNull(validateAfterIdle, "validateAfterIdle");
            if (validateAfterIdle.isNegative()) {
                throw new IllegalArgumentException("validateAfterIdle must not be negative, but was "
                        + validateAfterIdle);
            }
            this.validateAfterIdle = validateAfterIdle;
            return this;
        }

        /**
         * The clock for {@code _timestamp} and time-based logic; inject one in tests.
         *
         * @param clock the clock; not {@code null}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * ACL user (overrides the URI's).
         *
         * @param user the ACL user name; not {@code null}
         * @return this builder
         */
        public Builder user(String user) {
            this.user = requireNonNull(user, "user");
            return this;
        }

        /**
         * Password (overrides the URI's). Never logged or shown in {@code toString}.
         *
         * @param password the password; not {@code null}
         * @return this builder
         */
        public Builder password(String password) {
            this.password = requireNonNull(password, "password");
            return this;
        }

        /**
         * Where operation meters go ({@code redstream.operation} timers per operation and outcome, with p50/p95/p99).
         * Default: none, and then no meter is recorded at all.
         *
         * @param meterRegistry the registry; not {@code null}
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /**
         * Where publish and process observations go ({@code redstream.publish}, {@code redstream.process}, with the
         * OpenTelemetry messaging keys; see {@link RedStreamObservations}). With a tracer among the registry's
         * handlers, publish writes the W3C {@code traceparent} into each message and consumers continue that trace.
         * Default: {@link ObservationRegistry#NOOP}.
         *
         * @param observationRegistry the registry; not {@code null}
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observationRegistry = requireNonNull(observationRegistry, "observationRegistry");
            return this;
        }

        /**
         * TLS with this context's trust (and, for mutual TLS, key) material instead of the JVM defaults; turns TLS
         * on. The server certificate must name the host dialled (hostname verification stays on).
         *
         * @param sslContext the TLS context; not {@code null}
         * @return this builder
         */
        public Builder sslContext(javax.net.ssl.SSLContext sslContext) {
            this.sslContext = requireNonNull(sslContext, "sslContext");
            this.ssl = true;
            return this;
        }

        /**
         * TLS on or off (overrides the URI scheme).
         *
         * @param ssl {@code true} for TLS
         * @return this builder
         */
        public Builder ssl(boolean ssl) {
            this.ssl = ssl;
            return this;
        }

        private static Duration positive(String name, Duration d) {
            requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, but was " + d);
            }
            return d;
        }

        /**
         * Creates the client. Standalone clients connect lazily; cluster clients read the slot map now.
         *
         * @throws IllegalArgumentException both {@code redisUri} and {@code clusterNodes} were given
         * @throws RedStreamConnectionException the cluster could not be reached
         * @return the new client; close it when the application stops
         */
        public RedStream build() {
            if (redisUri != null && !clusterNodes.isEmpty()) {
                throw new IllegalArgumentException("redisUri and clusterNodes are exclusive: configure either a"
                        + " standalone Redis or a cluster");
            }
            boolean cluster = !clusterNodes.isEmpty();
            List<String> nodes;
            String u = user;
            String p = password;
            int db = 0;
            boolean tls = ssl != null && ssl;
            if (cluster) {
                nodes = List.copyOf(clusterNodes);
            } else {
                RedisUris.Parsed parsed = RedisUris.parse(redisUri == null ? DEFAULT_URI : redisUri);
                nodes = List.of(parsed.host() + ":" + parsed.port());
                u = u != null ? u : parsed.user();
                p = p != null ? p : parsed.password();
                db = parsed.database();
                tls = ssl != null ? ssl : parsed.ssl();
            }
            Duration blocking = limits.maxBlock().plus(socketTimeout);
            ConnectionSettings settings = new ConnectionSettings(nodes, cluster, u, p, db, tls, connectTimeout,
                    socketTimeout, blocking, poolSize, poolSize, 0, "redstream-" + identity, sslContext,
                    validateAfterIdle);
            RedisGateway gateway;
            try {
                gateway = new RedisGateway(settings, new OperationMetrics(meterRegistry));
            } catch (RuntimeException e) {
                throw io.redstream.core.internal.ErrorTranslator.translate(
                        io.redstream.core.internal.Operation.CONNECT, settings.describe(), e);
            }
            ExecutorService readExecutor = Executors.newCachedThreadPool(new NamedThreadFactory("redstream-read"));
            ClientContext ctx = new ClientContext(gateway, naming, AccessGuard.ALLOW_ALL, limits, clock,
                    new MessageEncoder(identity, clock, limits), readExecutor, new Resources(),
                    RedStreamObservations.of(observationRegistry));
            return new RedStream(ctx, true);
        }
    }
}
