package io.redstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Wraps a timed side to also record this JVM's CPU time per message (every thread: publishers, the batcher's
 * sender, handler threads, Jedis). Redis runs in its own process and is not counted, so the figure is the client's
 * own work, which competing load on the machine does not change much.
 */
final class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<Double> perMessage = new ArrayList<>();

    DoubleSupplier measure(long messages, DoubleSupplier side) {
        return () -> {
            long c0 = OS.getProcessCpuTime();
            double v = side.getAsDouble();
            perMessage.add((OS.getProcessCpuTime() - c0) / (double) messages);
            return v;
        };
    }

    /** Median CPU nanoseconds per message over the calls so far (warm-up included: one of many). */
    double median() {
        double[] d = perMessage.stream().mapToDouble(Double::doubleValue).toArray();
        return d.length == 0 ? -1 : Stats.median(d);
    }
}
