package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redstream.auth.Callers.Role;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import io.redstream.core.lock.LockLease;
import io.redstream.core.lock.LockResult;
import io.redstream.core.presence.AgentPresence;
import io.redstream.core.task.NewTask;
import io.redstream.core.task.Task;
import io.redstream.core.task.TaskBoard;
import io.redstream.core.task.TaskStatus;
import io.redstream.testkit.RedisServerExtension;
import io.redstream.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The acting agent of a coordination operation (claimer, task updater, lock owner, heartbeating agent) is the
 * caller's own subject: acting as anyone else is denied before any command is sent — MONITOR sees nothing — and
 * audited once with the rule {@code actor-is-not-subject}, and nothing changes; an admin may act for any agent.
 */
@ExtendWith(RedisServerExtension.class)
class CoordinationEnforcementIT {
    static final String BOARD = "enforce";
    static final String LOCK = "nova:task:enforce:lock:deploy";
    static final String VICTIM = "victim";
    static final Duration LEASE = Duration.ofSeconds(60);

    private final RedisServerProcess redis;
    private RedStream client;
    private RedisMonitor monitor;
    private SimpleMeterRegistry registry;
    private CapturingLogger log;
    private DenialAudit audit;
    private Policy policy;
    private Callers callers;
    private String heldTask;
    private LockLease victimLock;

    CoordinationEnforcementIT(RedisServerProcess redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        client = RedStream.builder().redisUri(redis.uri()).identity("coordination-it").build();
        monitor = new RedisMonitor(redis);
        registry = new SimpleMeterRegistry();
        log = new CapturingLogger();
        audit = DenialAudit.builder().meterRegistry(registry).logger(log).build();
        policy = Policy.builder().audit(audit).build();
        callers = Callers.create();
    }

    @AfterEach
    void stop() {
        monitor.close();
        client.close();
    }

    /** The victim holds a task and a lock and is present; another task is open. */
    private void seed() {
        redis.flushAll();
        TaskBoard board = client.tasks(BOARD);
        heldTask = board.create(NewTask.of("held by the victim")).taskId();
        board.claim(VICTIM, LEASE).orElseThrow();
        board.create(NewTask.of("open"));
        victimLock = client.locks().acquire(LOCK, VICTIM, LEASE).lease();
        client.presence().heartbeat(VICTIM, "busy", LEASE, Map.of("task", heldTask));
    }

    /** What the seed wrote, as a snapshot to compare after a denied call. */
    private List<Object> snapshot() {
        TaskBoard board = client.tasks(BOARD);
        return List.of(board.get(heldTask), board.list(null, "0", 100), client.streams().length(board.eventsStream()),
                client.locks().acquire(LOCK, VICTIM, LEASE).holder(), client.presence().list());
    }

    @FunctionalInterface
    interface Call {
        Object call(RedStream view);
    }

    record Impersonation(String name, Role role, String action, Call call) {
    }

    private List<Impersonation> impersonations() {
        return List.of(
                new Impersonation("tasks().claim", Role.TASK_WRITE, "group.claim",
                        v -> v.tasks(BOARD).claim(VICTIM, LEASE)),
                new Impersonation("tasks().progress", Role.TASK_WRITE, "key.set",
                        v -> v.tasks(BOARD).progress(VICTIM, heldTask, "mine now")),
                new Impersonation("tasks().complete", Role.TASK_WRITE, "key.set",
                        v -> v.tasks(BOARD).complete(VICTIM, heldTask, Map.of("forged", true), null)),
                new Impersonation("tasks().fail", Role.TASK_WRITE, "key.set",
                        v -> v.tasks(BOARD).fail(VICTIM, heldTask, "sabotage")),
                new Impersonation("tasks().fail(retryDelay)", Role.TASK_WRITE, "key.set",
                        v -> v.tasks(BOARD).fail(VICTIM, heldTask, "sabotage", Duration.ofHours(1))),
                new Impersonation("tasks().update", Role.TASK_WRITE, "key.set",
                        v -> v.tasks(BOARD).update(VICTIM, heldTask, TaskStatus.DONE, null, null)),
                new Impersonation("locks().acquire", Role.TASK_WRITE, "key.set",
                        v -> v.locks().acquire("nova:task:enforce:lock:other", VICTIM, LEASE)),
                new Impersonation("locks().release", Role.TASK_WRITE, "key.set", v -> v.locks().release(victimLock)),
                new Impersonation("locks().extend", Role.TASK_WRITE, "key.set",
                        v -> v.locks().extend(victimLock, LEASE)),
                new Impersonation("locks().release(key, owner, token)", Role.TASK_WRITE, "key.set",
                        v -> v.locks().release(LOCK, VICTIM, victimLock.token())),
                new Impersonation("locks().extend(key, owner, token)", Role.TASK_WRITE, "key.set",
                        v -> v.locks().extend(LOCK, VICTIM, victimLock.token(), LEASE)),
                new Impersonation("presence().heartbeat", Role.AGENT_WRITE, "key.set",
                        v -> v.presence().heartbeat(VICTIM, "idle", LEASE, null)),
                new Impersonation("presence().leave", Role.AGENT_WRITE, "key.delete",
                        v -> v.presence().leave(VICTIM)));
    }

    @TestFactory
    Stream<DynamicTest> actingAsAnotherAgent_isDeniedBeforeAnyCommandAndAudited() {
        return impersonations().stream().map(i -> dynamicTest(i.name() + " as " + i.role().id, () -> {
            seed();
            List<Object> before = snapshot();
            Callers.Caller caller = callers.caller(i.role());
            RedStream view = policy.secure(client, caller.principal());
            long denials = audit.denials();
            log.lines.clear();

            RedisMonitor.Window w = monitor.observe(() -> i.call().call(view));

            assertThat(w.thrown()).as(i.name()).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("principal '" + caller.principal().subject() + "'")
                    .hasMessageContaining("may act only as itself, not as '" + VICTIM + "' (action '" + i.action()
                            + "'");
            caller.assertNoSecretIn(w.thrown().getMessage());
            monitor.assertNothingSent(w);
            assertThat(audit.denials() - denials).as("audited denials").isEqualTo(1);
            assertThat(log.lines).singleElement().asString().contains("action=" + i.action(),
                    "rule=actor-is-not-subject");
            assertThat(registry.find(DenialAudit.METER_NAME).tag("action", i.action()).counter().count())
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(snapshot()).as("state after the denied call").isEqualTo(before);
        }));
    }

    @Test
    void admin_mayActForAnotherAgent() {
        seed();
        RedStream admin = policy.secure(client, callers.caller(Role.ADMIN).principal());
        TaskBoard board = admin.tasks(BOARD);

        assertThat(board.progress(VICTIM, heldTask, "taken over by ops").status()).isEqualTo(TaskStatus.IN_PROGRESS);
        Optional<Task> claimed = board.claim(VICTIM, LEASE);
        assertThat(claimed).map(Task::owner).hasValue(VICTIM);
        assertThat(admin.locks().release(victimLock)).isTrue();
        LockResult relocked = admin.locks().acquire(LOCK, VICTIM, LEASE);
        assertThat(relocked.lease().token()).isEqualTo(2);
        AgentPresence p = admin.presence().heartbeat(VICTIM, "paused", LEASE, null);
        assertThat(p.status()).isEqualTo("paused");
        assertThat(admin.presence().leave(VICTIM)).isTrue();
        assertThat(audit.denials()).isZero();
    }

    @Test
    void ownSubject_isAllowedForEveryActingOperation() {
        seed();
        Callers.Caller writer = callers.caller(Role.TASK_WRITE);
        String me = writer.principal().subject();
        RedStream view = policy.secure(client, writer.principal());
        Task mine = view.tasks(BOARD).claim(me, LEASE).orElseThrow();
        assertThat(view.tasks(BOARD).complete(me, mine.taskId(), null, null).status()).isEqualTo(TaskStatus.DONE);
        LockLease lease = view.locks().acquire("nova:task:enforce:lock:mine", me, LEASE).lease();
        assertThat(view.locks().release(lease)).isTrue();

        Callers.Caller agent = callers.caller(Role.AGENT_WRITE);
        RedStream agentView = policy.secure(client, agent.principal());
        agentView.presence().heartbeat(agent.principal().subject(), "idle", LEASE, null);
        assertThat(agentView.presence().leave(agent.principal().subject())).isTrue();
        assertThat(audit.denials()).isZero();
    }
}
