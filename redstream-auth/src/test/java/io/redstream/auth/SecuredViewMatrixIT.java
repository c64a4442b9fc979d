package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redstream.auth.Callers.Caller;
import io.redstream.auth.Callers.Role;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.NotFoundException;
import io.redstream.core.RedStream;
import io.redstream.core.ScanPage;
import io.redstream.core.health.HealthReport;
import io.redstream.core.lock.LockLease;
import io.redstream.core.lock.LockResult;
import io.redstream.core.lock.Locks;
import io.redstream.core.presence.AgentPresence;
import io.redstream.core.presence.Presence;
import io.redstream.core.task.CreatedTask;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.SweepReport;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskChange;
import io.redstream.core.task.TaskPage;
import io.redstream.core.task.TaskStatus;
import io.redstream.core.task.TaskSummary;
import io.redstream.core.pubsub.CollectedMessages;
import io.redstream.core.pubsub.PubSubOperations;
import io.redstream.core.pubsub.Subscription;
import io.redstream.core.state.KeyState;
import io.redstream.core.state.SetOptions;
import io.redstream.core.state.StateOperations;
import io.redstream.core.state.Ttl;
import io.redstream.core.stream.AutoClaimResult;
import io.redstream.core.stream.BatcherSettings;
import io.redstream.core.stream.ConsumerGroupOperations;
import io.redstream.core.stream.GroupInfo;
import io.redstream.core.stream.PendingEntry;
import io.redstream.core.stream.PendingQuery;
import io.redstream.core.stream.PendingSummary;
import io.redstream.core.stream.PublishBatcher;
import io.redstream.core.stream.PublishOptions;
import io.redstream.core.stream.StreamEntry;
import io.redstream.core.stream.StreamInfo;
import io.redstream.core.stream.StreamOperations;
import io.redstream.core.tx.Transaction;
import io.redstream.core.tx.TransactionResult;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

/**
 * Every public operation of the client, through a view secured for each built-in role kind (task_read, task_write,
 * admin, and agent_write / agent_read as roles of another domain), on a real Redis. Coordination operations act as
 * the caller's own subject here; acting as another agent is {@link CoordinationEnforcementIT}'s subject.
 *
 * <p>For each (role, operation) the expected outcome comes from the built-in role definitions (docs/security.md, "Roles and policy", written out in
 * {@link Callers.Role}) and the checks the operation makes ({@link Check}, in the order core makes them). A
 * denied call must throw {@link AccessDeniedException} naming the principal, the action and the resource, without
 * the credential; Redis must execute nothing while it runs (MONITOR and the server's command counter, see
 * {@link RedisMonitor}); and exactly one denial must be audited and counted. An allowed call must succeed with a
 * plausible result (or fail for the non-authorization reason stated), Redis must have executed its command, and
 * nothing is audited.
 */
@ExtendWith(RedisServerExtension.class)
class SecuredViewMatrixIT {
    static final String S = "nova:task:boomerang:tasks";
    static final String S2 = "nova:task:boomerang:events";
    static final String DLQ = S + ":dlq";
    static final String MISSING = "nova:task:boomerang:missing";
    static final String A = "nova:agent:alpha:inbox";
    static final String K = "nova:task:boomerang:counter";
    static final String K2 = "nova:task:boomerang:session";
    static final String AK = "nova:agent:alpha:state";
    static final String C = "nova:task:boomerang:alerts";
    static final String BOARD = "matrix";
    static final String TASKS = "nova:task:matrix:tasks";
    static final String EVENTS = "nova:task:matrix:events";
    static final String TASKS_DLQ = TASKS + ":dlq";
    static final String RECORDS = "nova:task:matrix:task:*";
    static final String LOCK = "nova:task:matrix:lock:deploy";
    static final String LOCK2 = "nova:task:matrix:lock:release";
    static final String PRESENCES = "nova:agent:*:presence";
    static final Duration LEASE = Duration.ofSeconds(60);
    /** The hash of the seed's held task and the caller's presence key; see {@link Check#target(Seed)}. */
    static final String HELD_RECORD = "nova:task:matrix:task:{held}";
    static final String OWN_PRESENCE = "nova:agent:{subject}:presence";
    static final String G = "workers";
    static final Map<String, Object> FIELDS = Map.of("title", "New task");
    static final String ID = "\\d+-\\d+";

    /** Streams and keys the seed writes in the namespace; a listing may show a name only if the role may read it. */
    static final List<String> SEEDED_STREAMS = List.of(S, S2, A);
    static final List<String> SEEDED_NAMES = List.of(S, S2, A, K, AK);

    private final RedisServerProcess redis;
    private RedStream client;
    private RedisMonitor monitor;
    private SimpleMeterRegistry registry;
    private DenialAudit audit;
    private Policy policy;
    private Callers callers;

    SecuredViewMatrixIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        client = RedStream.builder().redisUri(redis.uri()).identity("enforcement-it").build();
        monitor = new RedisMonitor(redis);
        registry = new SimpleMeterRegistry();
        audit = DenialAudit.builder().meterRegistry(registry).build();
        policy = Policy.builder().audit(audit).build();
        callers = Callers.create();
    }

    @AfterEach
    void stop() {
        monitor.close();
        client.close();
    }

    // ------------------------------------------------------------------------------------------------- the matrix

    @TestFactory
    Stream<DynamicNode> everyOperation_underEveryBuiltInRole() {
        List<Op> ops = operations();
        return Arrays.stream(Role.values()).map(role -> dynamicContainer(role.id,
                ops.stream().map(op -> dynamicTest(role.id + " " + op.name + " -> " + expectation(role, op),
                        () -> run(callers.caller(role), op)))));
    }

    private static String expectation(Role role, Op op) {
        return op.firstDenied(role).map(c -> "denied (" + c.action + ")").orElse(
                op.nonAuthFailure != null ? "allowed, " + op.nonAuthFailure.getSimpleName() : "allowed");
    }

    private void run(Caller caller, Op op) {
        try {
            check(caller, op);
        } catch (AssertionError e) {
            // dynamic tests are reported by index: say which cell failed
            throw new AssertionError(caller.role().id + " x " + op.name + ": " + e.getMessage(), e);
        }
    }

    private void check(Caller caller, Op op) {
        Seed seed = seed(caller.principal().subject());
        RedStream view = policy.secure(client, caller.principal());
        long denialsBefore = audit.denials();
        Map<String, Double> countersBefore = counters();

        RedisMonitor.Window w = monitor.observe(() -> op.call.call(view, seed));

        Optional<Check> denied = op.firstDenied(caller.role());
        if (denied.isPresent()) {
            Check c = denied.get();
            assertThat(w.thrown()).as("%s as %s", op.name, caller.role().id)
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("principal '" + caller.principal().subject() + "'")
                    .hasMessageContaining("lacks action '" + c.action + "' on " + c.target(seed));
            caller.assertNoSecretIn(w.thrown().getMessage());
            monitor.assertNothingSent(w);
            assertThat(audit.denials() - denialsBefore).as("audited denials").isEqualTo(1);
            Map<String, Double> countersAfter = counters();
            assertThat(countersAfter.get(c.action) - countersBefore.get(c.action)).as("counter of " + c.action)
                    .isEqualTo(1.0);
        } else {
            if (op.nonAuthFailure != null) {
                assertThat(w.thrown()).as("%s as %s", op.name, caller.role().id).isInstanceOf(op.nonAuthFailure)
                        .isNotInstanceOf(AccessDeniedException.class);
            } else {
                if (w.thrown() != null) {
                    throw new AssertionError(op.name + " as " + caller.role().id + " should be allowed", w.thrown());
                }
                op.verify.verify(caller.role(), w.result(), seed);
            }
            monitor.assertSomethingSent(w);
            assertThat(w.commands()).as("commands of %s", op.name)
                    .anySatisfy(cmd -> assertThat(cmd).startsWithIgnoringCase("\"" + op.command + "\""));
            assertThat(audit.denials()).as("audited denials").isEqualTo(denialsBefore);
        }
    }

    private Map<String, Double> counters() {
        return registry.find(DenialAudit.METER_NAME).counters().stream()
                .collect(Collectors.toMap(c -> c.getId().getTag("action"), c -> c.count()));
    }

    // ------------------------------------------------------------------------------------------------- coverage

    /** Public methods that are not operations on a resource, with the reason. */
    static final Map<String, String> NOT_RESOURCE_OPERATIONS = Map.ofEntries(
            Map.entry("RedStream.builder()", "factory"),
            Map.entry("RedStream.streams()", "accessor; its operations are in the matrix"),
            Map.entry("RedStream.groups()", "accessor; its operations are in the matrix"),
            Map.entry("RedStream.state()", "accessor; its operations are in the matrix"),
            Map.entry("RedStream.pubsub()", "accessor; its operations are in the matrix"),
            Map.entry("RedStream.transaction()", "creates a builder; execute() is in the matrix"),
            Map.entry("RedStream.naming()", "configuration, no Redis"),
            Map.entry("RedStream.limits()", "configuration, no Redis"),
            Map.entry("RedStream.guard()", "configuration, no Redis"),
            Map.entry("RedStream.isCluster()", "configuration, no Redis"),
            Map.entry("RedStream.observations()", "configuration, no Redis"),
            Map.entry("RedStream.withGuard(AccessGuard)", "makes a view; what Policy.secure uses"),
            Map.entry("RedStream.close()", "lifecycle; a view closes nothing (PolicySecureTest)"),
            Map.entry("RedStream.toString()", "no Redis"),
            Map.entry("RedStream.consumer(ConsumerSettings,MessageHandler)", "asynchronous: ConsumerEnforcementIT"),
            Map.entry("RedStream.tasks(String)", "accessor (validates the board name); its operations are in the matrix"),
            Map.entry("RedStream.locks()", "accessor; its operations are in the matrix"),
            Map.entry("RedStream.presence()", "accessor; its operations are in the matrix"),
            Map.entry("TaskBoard.board()", "a name, no Redis"),
            Map.entry("TaskBoard.tasksStream()", "a name, no Redis"),
            Map.entry("TaskBoard.eventsStream()", "a name, no Redis"),
            Map.entry("TaskBoard.deadLetterStream()", "a name, no Redis"),
            Map.entry("Presence.key(String)", "a name, no Redis"));

    @Test
    void matrix_coversEveryPublicOperation() {
        Set<String> declared = new TreeSet<>();
        for (Class<?> type : List.of(RedStream.class, StreamOperations.class, ConsumerGroupOperations.class,
                StateOperations.class, PubSubOperations.class, Transaction.class, PublishBatcher.class,
                TaskBoard.class, Locks.class, Presence.class)) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    declared.add(signature(type, m));
                }
            }
        }
        Set<String> covered = new TreeSet<>(NOT_RESOURCE_OPERATIONS.keySet());
        operations().forEach(op -> covered.addAll(op.covers));
        assertThat(covered).as("operations named by the matrix that do not exist").isSubsetOf(declared);
        assertThat(declared).as("public operations missing from the matrix").isSubsetOf(covered);
    }

    private static String signature(Class<?> type, Method m) {
        return type.getSimpleName() + "." + m.getName() + "(" + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    // ------------------------------------------------------------------------------------------------- data

    /**
     * What the seed wrote: entries of {@link #S} (the first two pending for consumer w1 in group {@link #G}); on the
     * board {@link #BOARD}, {@code heldTask} and a second task claimed by the caller's {@code subject} and a third
     * one open; the lock {@link #LOCK} held by the subject under {@code lock}; the subject's presence.
     */
    record Seed(List<String> ids, StreamEntry firstPending, String subject, String heldTask, String openTask,
            LockLease lock, List<String> coordinationNames) {
    }

    private Seed seed(String subject) {
        redis.flushAll();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.publish(S, Map.of("n", i)));
        }
        client.groups().create(S, G, "0");
        client.groups().read(S, G, "w1", 2, Duration.ZERO);
        client.publish(S2, FIELDS);
        client.publish(A, FIELDS);
        client.state().set(K, 1);
        client.state().set(AK, "agent state");
        try (Jedis raw = redis.connect()) {
            // business data sharing the Redis, and a name in the namespace no domain of the policy covers
            raw.set("billing:invoice:1", "not for RedStream callers");
            raw.xadd("billing:orders:events", StreamEntryID.NEW_ENTRY, Map.of("a", "b"));
            raw.xadd("nova:billing:x:y", StreamEntryID.NEW_ENTRY, Map.of("a", "b"));
        }
        StreamEntry firstPending = client.groups().readPending(S, G, "w1", 10).get(0);
        TaskBoard board = client.tasks(BOARD);
        String held = board.create(NewTask.of("held")).taskId();
        board.claim(subject, LEASE).orElseThrow();
        String alsoHeld = board.create(NewTask.of("also held")).taskId();
        board.claim(subject, LEASE).orElseThrow();
        String open = board.create(NewTask.of("open")).taskId();
        LockLease lock = client.locks().acquire(LOCK, subject, LEASE).lease();
        client.presence().heartbeat(subject, "idle", LEASE, Map.of("seeded", true));
        List<String> names = List.of(TASKS, EVENTS, "nova:task:matrix:task:" + held,
                "nova:task:matrix:task:" + alsoHeld, "nova:task:matrix:task:" + open, LOCK,
                client.presence().key(subject));
        return new Seed(ids, firstPending, subject, held, open, lock, names);
    }

    // ------------------------------------------------------------------------------------------------- operations

    record Check(String action, String resource, boolean pattern) {
        static Check on(String action, String name) {
            return new Check(action, name, false);
        }

        static Check pattern(String action, String pattern) {
            return new Check(action, pattern, true);
        }

        boolean grantedTo(Role role) {
            return pattern ? role.grantsPattern(action, resource) : role.grants(action, resource);
        }

        /** As the denial names it; {@code {held}} and {@code {subject}} stand for what the seed created. */
        String target(Seed seed) {
            String name = resource.replace("{held}", seed.heldTask()).replace("{subject}", seed.subject());
            return pattern ? "every name matching '" + name + "'" : "'" + name + "'";
        }
    }

    @FunctionalInterface
    interface Call {
        Object call(RedStream view, Seed seed) throws Exception;
    }

    @FunctionalInterface
    interface Verify {
        void verify(Role role, Object result, Seed seed);
    }

    static final class Op {
        final String name;
        final Call call;
        final List<String> covers = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        String command;
        Verify verify = (role, result, seed) -> { };
        Class<? extends RuntimeException> nonAuthFailure;

        Op(String name, Call call) {
            this.name = name;
            this.call = call;
        }

        Op covers(String... signatures) {
            covers.addAll(List.of(signatures));
            return this;
        }

        Op checks(Check... c) {
            checks.addAll(List.of(c));
            return this;
        }

        /** The Redis command an allowed call must be seen to send. */
        Op sends(String redisCommand) {
            this.command = redisCommand;
            return this;
        }

        Op verify(Verify v) {
            this.verify = v;
            return this;
        }

        Op failsWhenAllowed(Class<? extends RuntimeException> failure) {
            this.nonAuthFailure = failure;
            return this;
        }

        Optional<Check> firstDenied(Role role) {
            return checks.stream().filter(c -> !c.grantedTo(role)).findFirst();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Op op(String name, Call call) {
        return new Op(name, call);
    }

    @SuppressWarnings("unchecked")
    static <T> T as(Object o) {
        return (T) o;
    }

    static List<String> idsOf(Object entries) {
        return SecuredViewMatrixIT.<List<StreamEntry>>as(entries).stream().map(StreamEntry::id).toList();
    }

    private static Check on(String action, String name) {
        return Check.on(action, name);
    }

    static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        ops.addAll(streamOperations());
        ops.addAll(groupOperations());
        ops.addAll(stateOperations());
        ops.addAll(pubsubOperations());
        ops.addAll(transactionOperations());
        ops.addAll(taskOperations());
        ops.addAll(lockOperations());
        ops.addAll(presenceOperations());
        ops.add(op("health()", (v, s) -> v.health()).covers("RedStream.health()").sends("PING")
                .verify((r, res, s) -> assertThat(((HealthReport) res).up()).isTrue()));
        return ops;
    }

    static List<Op> streamOperations() {
        PublishOptions options = PublishOptions.builder().maxLen(1000).traceId("trace-enforce-1").build();
        return List.of(
                op("publish(stream, fields)", (v, s) -> v.publish(S, FIELDS))
                        .covers("RedStream.publish(String,Map)").checks(on("stream.publish", S)).sends("XADD")
                        .verify((r, res, s) -> assertThat((String) res).matches(ID)),
                op("publish(stream, fields, options)", (v, s) -> v.publish(S, FIELDS, options))
                        .covers("RedStream.publish(String,Map,PublishOptions)").checks(on("stream.publish", S))
                        .sends("XADD").verify((r, res, s) -> assertThat((String) res).matches(ID)),
                op("streams().publish(stream, fields)", (v, s) -> v.streams().publish(S, FIELDS))
                        .covers("StreamOperations.publish(String,Map)").checks(on("stream.publish", S)).sends("XADD")
                        .verify((r, res, s) -> assertThat((String) res).matches(ID)),
                op("streams().publish(stream, fields, options)", (v, s) -> v.streams().publish(S, FIELDS, options))
                        .covers("StreamOperations.publish(String,Map,PublishOptions)")
                        .checks(on("stream.publish", S)).sends("XADD")
                        .verify((r, res, s) -> assertThat((String) res).matches(ID)),
                op("streams().publishBatch", (v, s) -> v.streams().publishBatch(S, List.of(FIELDS, FIELDS),
                        PublishOptions.DEFAULT))
                        .covers("StreamOperations.publishBatch(String,List,PublishOptions)")
                        .checks(on("stream.publish", S)).sends("XADD")
                        .verify((r, res, s) -> assertThat((List<?>) res).hasSize(2)),
                op("streams().batcher().publish", (v, s) -> {
                    try (PublishBatcher b = v.streams().batcher(BatcherSettings.DEFAULTS)) {
                        var future = b.publish(S, FIELDS);
                        b.flush();
                        return future.get(5, TimeUnit.SECONDS);
                    }
                })
                        .covers("StreamOperations.batcher(BatcherSettings)", "PublishBatcher.publish(String,Map)",
                                "PublishBatcher.flush()", "PublishBatcher.close()")
                        .checks(on("stream.publish", S)).sends("XADD")
                        .verify((r, res, s) -> assertThat((String) res).matches(ID)),
                op("streams().range", (v, s) -> v.streams().range(S, "-", "+", 10))
                        .covers("StreamOperations.range(String,String,String,int)").checks(on("stream.read", S))
                        .sends("XRANGE").verify((r, res, s) -> assertThat(idsOf(res)).isEqualTo(s.ids())),
                op("streams().reverseRange", (v, s) -> v.streams().reverseRange(S, "+", "-", 10))
                        .covers("StreamOperations.reverseRange(String,String,String,int)")
                        .checks(on("stream.read", S)).sends("XREVRANGE")
                        .verify((r, res, s) -> assertThat(idsOf(res)).containsExactly(s.ids().get(2), s.ids().get(1),
                                s.ids().get(0))),
                op("streams().latest", (v, s) -> v.streams().latest(S, 1))
                        .covers("StreamOperations.latest(String,int)").checks(on("stream.read", S)).sends("XREVRANGE")
                        .verify((r, res, s) -> assertThat(idsOf(res)).containsExactly(s.ids().get(2))),
                op("streams().read(two task streams)", (v, s) -> v.streams().read(offsets(S, S2), 10, Duration.ZERO))
                        .covers("StreamOperations.read(Map,int,Duration)")
                        .checks(on("stream.read", S), on("stream.read", S2)).sends("XREAD")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<Map<String, ?>>as(res))
                                .containsOnlyKeys(S, S2)),
                op("streams().read(task and agent stream)", (v, s) -> v.streams().read(offsets(S, A), 10,
                        Duration.ZERO))
                        .checks(on("stream.read", S), on("stream.read", A)).sends("XREAD")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<Map<String, ?>>as(res))
                                .containsOnlyKeys(S, A)),
                op("streams().length", (v, s) -> v.streams().length(S))
                        .covers("StreamOperations.length(String)").checks(on("stream.info", S)).sends("XLEN")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(3L)),
                op("streams().info", (v, s) -> v.streams().info(S))
                        .covers("StreamOperations.info(String)").checks(on("stream.info", S)).sends("XINFO")
                        .verify((r, res, s) -> {
                            StreamInfo info = (StreamInfo) res;
                            assertThat(info.length()).isEqualTo(3);
                            assertThat(info.groups()).extracting(GroupInfo::name).containsExactly(G);
                        }),
                op("streams().info(missing stream)", (v, s) -> v.streams().info(MISSING))
                        .checks(on("stream.info", MISSING)).sends("XINFO").failsWhenAllowed(NotFoundException.class),
                op("streams().list(nova:*)", (v, s) -> listAll(v))
                        .covers("StreamOperations.list(String,String,int)").sends("SCAN")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<List<String>>as(res))
                                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                                        SEEDED_STREAMS.stream(), Stream.of(TASKS, EVENTS))
                                        .filter(n -> r.grants("stream.list", n)).toList())),
                op("streams().trimToLength", (v, s) -> v.streams().trimToLength(S, 1000))
                        .covers("StreamOperations.trimToLength(String,long)").checks(on("stream.publish", S))
                        .sends("XTRIM").verify((r, res, s) -> assertThat(res).isEqualTo(0L)),
                op("streams().trimBefore", (v, s) -> v.streams().trimBefore(S, s.ids().get(0)))
                        .covers("StreamOperations.trimBefore(String,String)").checks(on("stream.publish", S))
                        .sends("XTRIM").verify((r, res, s) -> assertThat((Long) res).isZero()));
    }

    static Map<String, String> offsets(String... streams) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String st : streams) {
            m.put(st, "0");
        }
        return m;
    }

    static List<String> listAll(RedStream v) {
        List<String> all = new ArrayList<>();
        String cursor = "0";
        do {
            ScanPage page = v.streams().list("nova:*", cursor, 1000);
            all.addAll(page.names());
            cursor = page.cursor();
        } while (!cursor.equals("0"));
        return all;
    }

    static List<String> scanAll(RedStream v) {
        List<String> all = new ArrayList<>();
        String cursor = "0";
        do {
            ScanPage page = v.state().scan("nova:*", cursor, 1000);
            all.addAll(page.names());
            cursor = page.cursor();
        } while (!cursor.equals("0"));
        return all;
    }

    static List<Op> groupOperations() {
        return List.of(
                op("groups().create", (v, s) -> v.groups().create(S, "fresh", "$"))
                        .covers("ConsumerGroupOperations.create(String,String,String)")
                        .checks(on("group.create", S)).sends("XGROUP")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("groups().destroy", (v, s) -> v.groups().destroy(S, G))
                        .covers("ConsumerGroupOperations.destroy(String,String)")
                        .checks(on("group.destroy", S)).sends("XGROUP")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("groups().setId", (v, s) -> {
                    v.groups().setId(S, G, "0");
                    return null;
                })
                        .covers("ConsumerGroupOperations.setId(String,String,String)")
                        .checks(on("group.setid", S)).sends("XGROUP"),
                op("groups().list", (v, s) -> v.groups().list(S))
                        .covers("ConsumerGroupOperations.list(String)").checks(on("stream.info", S)).sends("XINFO")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<List<GroupInfo>>as(res))
                                .extracting(GroupInfo::name).containsExactly(G)),
                op("groups().read", (v, s) -> v.groups().read(S, G, "w2", 10, Duration.ZERO))
                        .covers("ConsumerGroupOperations.read(String,String,String,int,Duration)")
                        .checks(on("group.read", S)).sends("XREADGROUP")
                        .verify((r, res, s) -> assertThat(idsOf(res)).containsExactly(s.ids().get(2))),
                op("groups().read(missing group)", (v, s) -> v.groups().read(S, "nogroup", "w2", 10, Duration.ZERO))
                        .checks(on("group.read", S)).sends("XREADGROUP").failsWhenAllowed(NotFoundException.class),
                op("groups().readPending", (v, s) -> v.groups().readPending(S, G, "w1", 10))
                        .covers("ConsumerGroupOperations.readPending(String,String,String,int)")
                        .checks(on("group.read", S)).sends("XREADGROUP")
                        .verify((r, res, s) -> assertThat(idsOf(res)).containsExactly(s.ids().get(0), s.ids().get(1))),
                op("groups().readPending(afterId)", (v, s) -> v.groups().readPending(S, G, "w1", s.ids().get(0), 10))
                        .covers("ConsumerGroupOperations.readPending(String,String,String,String,int)")
                        .checks(on("group.read", S)).sends("XREADGROUP")
                        .verify((r, res, s) -> assertThat(idsOf(res)).containsExactly(s.ids().get(1))),
                op("groups().ack", (v, s) -> v.groups().ack(S, G, List.of(s.ids().get(0))))
                        .covers("ConsumerGroupOperations.ack(String,String,Collection)")
                        .checks(on("group.ack", S)).sends("XACK")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(1L)),
                op("groups().claim", (v, s) -> v.groups().claim(S, G, "w2", Duration.ZERO, List.of(s.ids().get(0))))
                        .covers("ConsumerGroupOperations.claim(String,String,String,Duration,Collection)")
                        .checks(on("group.claim", S)).sends("XCLAIM")
                        .verify((r, res, s) -> assertThat(idsOf(res)).containsExactly(s.ids().get(0))),
                op("groups().autoClaim", (v, s) -> v.groups().autoClaim(S, G, "w2", Duration.ZERO, "0-0", 10))
                        .covers("ConsumerGroupOperations.autoClaim(String,String,String,Duration,String,int)")
                        .checks(on("group.claim", S)).sends("XAUTOCLAIM")
                        .verify((r, res, s) -> assertThat(idsOf(((AutoClaimResult) res).entries())).hasSize(2)),
                op("groups().autoClaimAll", (v, s) -> v.groups().autoClaimAll(S, G, "w2", Duration.ZERO, 10))
                        .covers("ConsumerGroupOperations.autoClaimAll(String,String,String,Duration,int)")
                        .checks(on("group.claim", S)).sends("XAUTOCLAIM")
                        .verify((r, res, s) -> assertThat(idsOf(((AutoClaimResult) res).entries())).hasSize(2)),
                op("groups().pending", (v, s) -> v.groups().pending(S, G))
                        .covers("ConsumerGroupOperations.pending(String,String)")
                        .checks(on("group.pending", S)).sends("XPENDING")
                        .verify((r, res, s) -> assertThat(((PendingSummary) res).count()).isEqualTo(2)),
                op("groups().pendingEntries", (v, s) -> v.groups().pendingEntries(S, G, PendingQuery.first(10)))
                        .covers("ConsumerGroupOperations.pendingEntries(String,String,PendingQuery)")
                        .checks(on("group.pending", S)).sends("XPENDING")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<List<PendingEntry>>as(res))
                                .extracting(PendingEntry::consumer).containsExactly("w1", "w1")),
                op("groups().touch", (v, s) -> v.groups().touch(S, G, "w1", List.of(s.ids().get(0))))
                        .covers("ConsumerGroupOperations.touch(String,String,String,Collection)")
                        .checks(on("group.claim", S)).sends("XCLAIM")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<List<String>>as(res))
                                .containsExactly(s.ids().get(0))),
                op("groups().deadLetter", (v, s) -> v.groups().deadLetter(S, G, "w1", s.firstPending(), "poison", 3))
                        .covers("ConsumerGroupOperations.deadLetter(String,String,String,StreamEntry,String,long)")
                        .checks(on("group.ack", S), on("stream.publish", DLQ)).sends("XADD")
                        .verify((r, res, s) -> assertThat((String) res).matches(ID)));
    }

    static List<Op> stateOperations() {
        return List.of(
                op("state().get", (v, s) -> v.state().get(K))
                        .covers("StateOperations.get(String)").checks(on("key.get", K)).sends("GET")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(Optional.of("1"))),
                op("state().get(type)", (v, s) -> v.state().get(K, Integer.class))
                        .covers("StateOperations.get(String,Class)").checks(on("key.get", K)).sends("GET")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(Optional.of(1))),
                op("state().inspect", (v, s) -> v.state().inspect(K))
                        .covers("StateOperations.inspect(String)").checks(on("key.get", K)).sends("GET")
                        .verify((r, res, s) -> assertThat(((KeyState) res).value()).isEqualTo("1")),
                op("state().set", (v, s) -> v.state().set(K2, "v"))
                        .covers("StateOperations.set(String,Object)").checks(on("key.set", K2)).sends("SET")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("state().set(options)", (v, s) -> v.state().set(K2, Map.of("step", 2),
                        SetOptions.ttl(Duration.ofSeconds(30)).ifAbsent()))
                        .covers("StateOperations.set(String,Object,SetOptions)").checks(on("key.set", K2)).sends("SET")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("state().delete", (v, s) -> v.state().delete(List.of(K)))
                        .covers("StateOperations.delete(Collection)").checks(on("key.delete", K)).sends("DEL")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(1L)),
                op("state().delete(task and agent key)", (v, s) -> v.state().delete(List.of(K, AK)))
                        .checks(on("key.delete", K), on("key.delete", AK)).sends("DEL")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(2L)),
                op("state().expire", (v, s) -> v.state().expire(K, Duration.ofSeconds(30)))
                        .covers("StateOperations.expire(String,Duration)").checks(on("key.expire", K))
                        .sends("PEXPIRE").verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("state().ttl", (v, s) -> v.state().ttl(K))
                        .covers("StateOperations.ttl(String)").checks(on("key.get", K)).sends("PTTL")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(new Ttl(true, null))),
                op("state().increment", (v, s) -> v.state().increment(K, 2))
                        .covers("StateOperations.increment(String,long)").checks(on("key.set", K)).sends("INCRBY")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(3L)),
                op("state().scan(nova:*)", (v, s) -> scanAll(v))
                        .covers("StateOperations.scan(String,String,int)").sends("SCAN")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<List<String>>as(res))
                                .containsExactlyInAnyOrderElementsOf(Stream.concat(SEEDED_NAMES.stream(),
                                        s.coordinationNames().stream())
                                        .filter(n -> r.grants("key.scan", n)).toList())));
    }

    static List<Op> pubsubOperations() {
        return List.of(
                op("pubsub().publish", (v, s) -> v.pubsub().publish(C, "hello"))
                        .covers("PubSubOperations.publish(String,String)").checks(on("channel.publish", C))
                        .sends("PUBLISH").verify((r, res, s) -> assertThat(res).isEqualTo(0L)),
                op("pubsub().subscribe(channel)", (v, s) -> awaitAndClose(v.pubsub().subscribe(List.of(C), List.of(),
                        m -> { })))
                        .covers("PubSubOperations.subscribe(Collection,Collection,MessageListener)")
                        .checks(on("channel.subscribe", C)).sends("SUBSCRIBE")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("pubsub().subscribe(pattern nova:task:*)", (v, s) -> awaitAndClose(v.pubsub().subscribe(List.of(),
                        List.of("nova:task:*"), m -> { })))
                        .checks(Check.pattern("channel.subscribe", "nova:task:*")).sends("PSUBSCRIBE")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("pubsub().subscribe(pattern nova:*)", (v, s) -> awaitAndClose(v.pubsub().subscribe(List.of(),
                        List.of("nova:*"), m -> { })))
                        .checks(Check.pattern("channel.subscribe", "nova:*")).sends("PSUBSCRIBE")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("pubsub().collect(channel)", (v, s) -> v.pubsub().collect(List.of(C), List.of(),
                        Duration.ofMillis(50), 1))
                        .covers("PubSubOperations.collect(Collection,Collection,Duration,int)")
                        .checks(on("channel.subscribe", C)).sends("SUBSCRIBE")
                        .verify((r, res, s) -> assertThat(((CollectedMessages) res).timedOut()).isTrue()),
                op("pubsub().collect(pattern nova:task:*)", (v, s) -> v.pubsub().collect(List.of(),
                        List.of("nova:task:*"), Duration.ofMillis(50), 1))
                        .checks(Check.pattern("channel.subscribe", "nova:task:*")).sends("PSUBSCRIBE")
                        .verify((r, res, s) -> assertThat(((CollectedMessages) res).timedOut()).isTrue()));
    }

    static boolean awaitAndClose(Subscription sub) {
        try (sub) {
            return sub.awaitSubscribed(Duration.ofSeconds(5));
        }
    }

    static List<Op> transactionOperations() {
        Duration ttl = Duration.ofSeconds(30);
        return List.of(
                op("transaction().get", (v, s) -> v.transaction().get(K).execute())
                        .covers("Transaction.get(String)", "Transaction.execute()").checks(on("key.get", K))
                        .sends("EXEC").verify((r, res, s) -> assertThat(((TransactionResult) res).results())
                                .containsExactly("1")),
                op("transaction().set", (v, s) -> v.transaction().set(K2, "v", ttl).execute())
                        .covers("Transaction.set(String,Object,Duration)").checks(on("key.set", K2)).sends("EXEC")
                        .verify((r, res, s) -> assertThat(((TransactionResult) res).results()).containsExactly(true)),
                op("transaction().delete", (v, s) -> v.transaction().delete(K).execute())
                        .covers("Transaction.delete(String)").checks(on("key.delete", K)).sends("EXEC")
                        .verify((r, res, s) -> assertThat(((TransactionResult) res).results()).containsExactly(1L)),
                op("transaction().expire", (v, s) -> v.transaction().expire(K, ttl).execute())
                        .covers("Transaction.expire(String,Duration)").checks(on("key.expire", K)).sends("EXEC")
                        .verify((r, res, s) -> assertThat(((TransactionResult) res).results()).containsExactly(true)),
                op("transaction().increment", (v, s) -> v.transaction().increment(K, 1, ttl).execute())
                        .covers("Transaction.increment(String,long,Duration)").checks(on("key.set", K)).sends("EXEC")
                        .verify((r, res, s) -> assertThat(((TransactionResult) res).results()).containsExactly(2L)),
                op("transaction().watch(k).set(k2)", (v, s) -> v.transaction().watch(K).set(K2, "v", null).execute())
                        .covers("Transaction.watch(String[])")
                        // operations are checked first, then the watched keys (as reads)
                        .checks(on("key.set", K2), on("key.get", K)).sends("WATCH")
                        .verify((r, res, s) -> assertThat(((TransactionResult) res).committed()).isTrue()),
                op("transaction() task and agent key", (v, s) -> v.transaction().set(K2, "v", ttl)
                        .increment(AK + ":n", 1, ttl).execute())
                        .checks(on("key.set", K2), on("key.set", AK + ":n")).sends("EXEC")
                        .verify((r, res, s) -> assertThat(((TransactionResult) res).results())
                                .containsExactly(true, 1L)));
    }

    static TaskBoard board(RedStream v) {
        return v.tasks(BOARD);
    }

    /** Every task board operation, acting as the caller's own subject. */
    static List<Op> taskOperations() {
        Check[] claimChecks = {on("group.create", TASKS), Check.pattern("key.set", RECORDS),
                on("stream.publish", EVENTS), on("stream.publish", TASKS_DLQ)};
        return List.of(
                op("tasks().create", (v, s) -> board(v).create(NewTask.builder("new").payload(Map.of("n", 1))
                        .build()))
                        .covers("TaskBoard.create(NewTask)")
                        .checks(on("stream.publish", TASKS), Check.pattern("key.set", RECORDS),
                                on("stream.publish", EVENTS)).sends("XADD")
                        .verify((r, res, s) -> assertThat(((CreatedTask) res).status()).isEqualTo(TaskStatus.OPEN)),
                op("tasks().claim", (v, s) -> board(v).claim(s.subject(), LEASE))
                        .covers("TaskBoard.claim(String,Duration)").checks(claimChecks).sends("XPENDING")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<Optional<Task>>as(res))
                                .hasValueSatisfying(t -> {
                                    assertThat(t.taskId()).isEqualTo(s.openTask());
                                    assertThat(t.owner()).isEqualTo(s.subject());
                                })),
                op("tasks().sweep", (v, s) -> board(v).sweep())
                        .covers("TaskBoard.sweep()")
                        .checks(Check.pattern("key.set", RECORDS), on("stream.publish", EVENTS),
                                on("stream.publish", TASKS_DLQ)).sends("XPENDING")
                        .verify((r, res, s) -> assertThat(((SweepReport) res).scanned()).isEqualTo(2)),
                taskUpdate("tasks().progress", (v, s) -> board(v).progress(s.subject(), s.heldTask(), "halfway"),
                        false, TaskStatus.IN_PROGRESS).covers("TaskBoard.progress(String,String,String)"),
                taskUpdate("tasks().complete", (v, s) -> board(v).complete(s.subject(), s.heldTask(),
                        Map.of("ok", true), "done"), false, TaskStatus.DONE)
                        .covers("TaskBoard.complete(String,String,Map,String)"),
                taskUpdate("tasks().fail", (v, s) -> board(v).fail(s.subject(), s.heldTask(), "flaky"), true,
                        TaskStatus.FAILED).covers("TaskBoard.fail(String,String,String)"),
                taskUpdate("tasks().fail(retryDelay)", (v, s) -> board(v).fail(s.subject(), s.heldTask(), "flaky",
                        Duration.ofSeconds(5)), true, TaskStatus.FAILED)
                        .covers("TaskBoard.fail(String,String,String,Duration)"),
                taskUpdate("tasks().update(done)", (v, s) -> board(v).update(s.subject(), s.heldTask(),
                        TaskStatus.DONE, null, Map.of("ok", true)), false, TaskStatus.DONE)
                        .covers("TaskBoard.update(String,String,TaskStatus,String,Map)"),
                op("tasks().get", (v, s) -> board(v).get(s.heldTask()))
                        .covers("TaskBoard.get(String)").checks(on("key.get", HELD_RECORD),
                                on("stream.read", TASKS)).sends("HGETALL")
                        .verify((r, res, s) -> assertThat(((Task) res).owner()).isEqualTo(s.subject())),
                op("tasks().list", (v, s) -> board(v).list(null, "0", 10))
                        .covers("TaskBoard.list(TaskStatus,String,int)")
                        .checks(on("stream.read", TASKS), Check.pattern("key.get", RECORDS)).sends("XRANGE")
                        .verify((r, res, s) -> assertThat(((TaskPage) res).tasks()).extracting(TaskSummary::status)
                                .containsExactly(TaskStatus.CLAIMED, TaskStatus.CLAIMED, TaskStatus.OPEN)));
    }

    private static Op taskUpdate(String name, Call call, boolean deadLetters, TaskStatus expected) {
        Op op = op(name, call).sends("EVALSHA").verify((r, res, s) ->
                assertThat(((TaskChange) res).status()).isEqualTo(expected));
        op.checks(on("key.set", HELD_RECORD));
        op.checks(on("stream.publish", EVENTS));
        if (deadLetters) {
            op.checks(on("stream.publish", TASKS_DLQ));
        }
        return op;
    }


    static List<Op> lockOperations() {
        return List.of(
                op("locks().acquire", (v, s) -> v.locks().acquire(LOCK2, s.subject(), LEASE))
                        .covers("Locks.acquire(String,String,Duration)").checks(on("key.set", LOCK2)).sends("EVALSHA")
                        .verify((r, res, s) -> {
                            LockResult lr = (LockResult) res;
                            assertThat(lr.acquired()).isTrue();
                            assertThat(lr.lease().token()).isEqualTo(1);
                        }),
                op("locks().acquire(held)", (v, s) -> v.locks().acquire(LOCK, s.subject(), LEASE))
                        .checks(on("key.set", LOCK)).sends("EVALSHA")
                        .verify((r, res, s) -> assertThat(((LockResult) res).holder()).isEqualTo(s.subject())),
                op("locks().release", (v, s) -> v.locks().release(s.lock()))
                        .covers("Locks.release(LockLease)").checks(on("key.set", LOCK)).sends("EVALSHA")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("locks().release(key, owner, token)", (v, s) -> v.locks().release(LOCK, s.subject(),
                        s.lock().token()))
                        .covers("Locks.release(String,String,long)").checks(on("key.set", LOCK)).sends("EVALSHA")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("locks().extend(key, owner, token)", (v, s) -> v.locks().extend(LOCK, s.subject(),
                        s.lock().token(), LEASE))
                        .covers("Locks.extend(String,String,long,Duration)").checks(on("key.set", LOCK))
                        .sends("EVALSHA")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<Optional<LockLease>>as(res))
                                .isPresent()),
                op("locks().extend", (v, s) -> v.locks().extend(s.lock(), LEASE))
                        .covers("Locks.extend(LockLease,Duration)").checks(on("key.set", LOCK)).sends("EVALSHA")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<Optional<LockLease>>as(res))
                                .hasValueSatisfying(l -> assertThat(l.token()).isEqualTo(s.lock().token()))));
    }

    static List<Op> presenceOperations() {
        return List.of(
                op("presence().heartbeat", (v, s) -> v.presence().heartbeat(s.subject(), "busy", LEASE,
                        Map.of("task", "1-0")))
                        .covers("Presence.heartbeat(String,String,Duration,Map)")
                        .checks(on("key.set", OWN_PRESENCE)).sends("SET")
                        .verify((r, res, s) -> assertThat(((AgentPresence) res).status()).isEqualTo("busy")),
                op("presence().leave", (v, s) -> v.presence().leave(s.subject()))
                        .covers("Presence.leave(String)")
                        .checks(on("key.delete", OWN_PRESENCE)).sends("DEL")
                        .verify((r, res, s) -> assertThat(res).isEqualTo(true)),
                op("presence().list", (v, s) -> v.presence().list())
                        .covers("Presence.list()")
                        .checks(Check.pattern("key.scan", PRESENCES), Check.pattern("key.get", PRESENCES))
                        .sends("SCAN")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<List<AgentPresence>>as(res))
                                .extracting(AgentPresence::agent).containsExactly(s.subject())),
                op("presence().list(status)", (v, s) -> v.presence().list("idle"))
                        .covers("Presence.list(String)")
                        .checks(Check.pattern("key.scan", PRESENCES), Check.pattern("key.get", PRESENCES))
                        .sends("SCAN")
                        .verify((r, res, s) -> assertThat(SecuredViewMatrixIT.<List<AgentPresence>>as(res))
                                .extracting(AgentPresence::agent).containsExactly(s.subject())));
    }
}
