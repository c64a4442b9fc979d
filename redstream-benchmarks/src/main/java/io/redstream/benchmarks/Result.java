package io.redstream.benchmarks;

/**
 * One scenario's outcome: the raw-Jedis baseline and RedStream measured in the same run, and the target ratio.
 *
 * @param higherIsBetter true for throughput (ratio = RedStream / baseline must be at least target), false for
 *     latency (ratio = RedStream / baseline must be at most target)
 */
record Result(String scenario, String unit, double baseline, double redstream, double target,
        boolean higherIsBetter) {

    double ratio() {
        return redstream / baseline;
    }

    boolean meetsTarget() {
        return higherIsBetter ? ratio() >= target : ratio() <= target;
    }
}
