package io.redstream.benchmarks;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.redstream.auth.AuthMethod;
import io.redstream.auth.Policy;
import io.redstream.auth.Principal;
import io.redstream.core.Limits;
import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.internal.EncodedMessage;
import io.redstream.core.internal.MessageEncoder;
import io.redstream.core.internal.Operation;
import io.redstream.core.internal.OperationMetrics;
import io.redstream.core.internal.observation.PublishObservation;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import io.redstream.core.observation.RedStreamObservations;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import redis.clients.jedis.params.XAddParams;

/**
 * What each guarantee costs, measured alone so a regression shows where it came from: name validation,
 * enrichment (encoding plus the three meta fields), authorization, metrics and observation (off, on without a tracer, with a meter handler), each
 * per operation without Redis; and the client's own CPU time and allocation per message on the calling thread for
 * raw Jedis and RedStream, which stay stable on a loaded machine where wall-clock ratios do not.
 */
final class GuaranteeCosts {
    /** One measured cost. {@code nanos} per operation, or per message for the client rows; -1 when not measured. */
    record Cost(String what, double nanos, double bytes, String note) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final int rounds;

    GuaranteeCosts(int rounds) {
        this.rounds = rounds;
    }

    /** The guarantees in isolation, in-process. */
    List<Cost> isolated() {
        NamingPolicy naming = NamingPolicy.defaults();
        ResourceName stream = naming.stream(Workload.STREAM);
        MessageEncoder encoder = new MessageEncoder(Workload.IDENTITY, Clock.systemUTC(), Limits.DEFAULTS);
        Principal writer = new Principal("bench-writer", Set.of("task_write"), new AuthMethod.Local());
        AccessGuard guard = Policy.builtIn().guardFor(writer);
        OperationMetrics metrics = new OperationMetrics(new SimpleMeterRegistry());
        int n = 200_000;
        List<Cost> out = new ArrayList<>();
        out.add(perOp("validation: stream name", n, i -> naming.stream(Workload.STREAM).segments().size()));
        out.add(perOp("enrichment: encode 4 fields + 3 meta", n,
                i -> encoder.encode(Workload.STREAM, Workload.PAYLOAD, null).fieldCount()));
        out.add(perOp("authorization: built-in policy check", n, i -> {
            guard.check(Action.STREAM_PUBLISH, stream);
            return i;
        }));
        out.add(perOp("metrics: timer record (SimpleMeterRegistry)", n, i -> {
            metrics.record(Operation.STREAM_PUBLISH, 1000 + i, true);
            return i;
        }));
        EncodedMessage message = encoder.encode(Workload.STREAM, Workload.PAYLOAD, null);
        out.add(perOp("observation: off (the default)", n,
                i -> observePublish(RedStreamObservations.of(ObservationRegistry.NOOP), message)));
        out.add(perOp("observation: registry, no tracer", n,
                i -> observePublish(RedStreamObservations.of(ObservationRegistry.create()), message)));
        ObservationRegistry timed = ObservationRegistry.create();
        timed.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        RedStreamObservations metered = RedStreamObservations.of(timed);
        out.add(perOp("observation: meter handler, no tracer", n, i -> observePublish(metered, message)));
        return out;
    }

    /** What a publish does with its observation around the send: start, trace the message, stop with the id. */
    private static long observePublish(RedStreamObservations observations, EncodedMessage message) {
        Observation observation = PublishObservation.start(observations, Workload.STREAM);
        EncodedMessage sent = PublishObservation.traced(observation, message);
        PublishObservation.stop(observation, "1-0");
        return sent.fieldCount();
    }

    /**
     * Median CPU nanoseconds and bytes per call of {@code op} on this thread over the rounds: thread CPU time, not
     * wall-clock time, so other processes competing for the cores do not inflate it.
     */
    private Cost perOp(String what, int n, LongUnaryOperator op) {
        double[] nanos = new double[rounds];
        double[] bytes = new double[rounds];
        long sink = 0;
        for (int r = -1; r < rounds; r++) {
            long b0 = THREADS.getCurrentThreadAllocatedBytes();
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += op.applyAsLong(i);
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            long b1 = THREADS.getCurrentThreadAllocatedBytes();
            if (r >= 0) {
                nanos[r] = (t1 - t0) / (double) n;
                bytes[r] = (b1 - b0) / (double) n;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop from being optimised away
        }
        return new Cost(what, Stats.median(nanos), Stats.median(bytes), "CPU of the calling thread per operation");
    }

    /**
     * CPU time and bytes allocated by the calling thread per message, raw Jedis against RedStream, for a batch of
     * 100 and a single publish. Independent of how busy the machine is: it counts this process's work only.
     */
    List<Cost> perMessage(Target t) {
        List<Map<String, ?>> messages = new ArrayList<>(Collections.nCopies(PublishScenarios.BATCH,
                Workload.PAYLOAD));
        List<Map<String, String>> stored = Workload.storedFields(PublishScenarios.BATCH, 44);
        int batches = 200;
        int singles = 4_000;
        List<Cost> out = new ArrayList<>();
        out.add(client("batched: raw pipeline, same stored fields", batches, PublishScenarios.BATCH, t,
                () -> Workload.pipelinedXadd(t.raw, stored)));
        out.add(client("batched: RedStream publishBatch (guarded)", batches, PublishScenarios.BATCH, t,
                () -> t.secured.streams().publishBatch(Workload.STREAM, messages,
                        io.redstream.core.stream.PublishOptions.DEFAULT)));
        out.add(client("single: raw XADD, same stored fields", singles, 1, t,
                () -> t.raw.xadd(Workload.STREAM, XAddParams.xAddParams(), stored.get(0))));
        out.add(client("single: RedStream publish (guarded)", singles, 1, t,
                () -> t.secured.publish(Workload.STREAM, Workload.PAYLOAD)));
        t.raw.del(Workload.STREAM);
        return out;
    }

    private Cost client(String what, int calls, int perCall, Target t, Runnable call) {
        double[] cpu = new double[rounds];
        double[] bytes = new double[rounds];
        for (int r = -1; r < rounds; r++) {
            t.raw.del(Workload.STREAM);
            long b0 = THREADS.getCurrentThreadAllocatedBytes();
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            long c1 = THREADS.getCurrentThreadCpuTime();
            long b1 = THREADS.getCurrentThreadAllocatedBytes();
            if (r >= 0) {
                cpu[r] = (c1 - c0) / (double) calls / perCall;
                bytes[r] = (b1 - b0) / (double) calls / perCall;
            }
        }
        return new Cost(what, Stats.median(cpu), Stats.median(bytes), "client CPU and allocation per message");
    }
}
