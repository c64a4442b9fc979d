package io.redstream.benchmarks;

/**
 * One line of a table: a baseline, the measured side, their median per-round ratio and the target.
 *
 * @param target 0 when the row is a diagnostic without a target
 * @param higherIsBetter true for throughput (ratio must be at least target), false for latency (at most)
 */
record Row(String scenario, String unit, double baseline, double measured, double ratio, double target,
        boolean higherIsBetter) {

    boolean hasTarget() {
        return target != 0;
    }

    boolean meetsTarget() {
        return higherIsBetter ? ratio >= target : ratio <= target;
    }
}
