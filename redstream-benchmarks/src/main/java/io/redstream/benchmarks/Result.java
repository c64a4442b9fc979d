package io.redstream.benchmarks;

/**
 * One scenario's outcome: the raw-Jedis baseline and RedStream measured in the same run, and the target ratio.
 *
 * @param ratio median over rounds of (RedStream / baseline) measured back to back in the same round, which is
 *     robust against a machine whose speed drifts between rounds
 * @param higherIsBetter true for throughput (ratio must be at least target), false for latency (at most)
 */
record Result(String scenario, String unit, double baseline, double redstream, double ratio, double target,
        boolean higherIsBetter) {

    boolean meetsTarget() {
        return higherIsBetter ? ratio >= target : ratio <= target;
    }
}
