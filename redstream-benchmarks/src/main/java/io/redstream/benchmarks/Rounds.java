package io.redstream.benchmarks;

import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Runs several sides (a baseline and its candidates) back to back for many short rounds, rotating which goes
 * first, and keeps every value. On a shared two-core VM the speed drifts by tens of percent between seconds; a
 * ratio taken within one round cancels most of that drift, and the median of the per-round ratios ignores
 * disturbed rounds.
 */
final class Rounds {
    private final double[][] values;

    private Rounds(double[][] values) {
        this.values = values;
    }

    static Rounds run(int rounds, DoubleSupplier... sides) {
        List<DoubleSupplier> all = List.of(sides);
        for (DoubleSupplier s : all) {
            s.getAsDouble(); // warm-up of every path
        }
        int n = all.size();
        double[][] values = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int side = (r + k) % n; // rotate the order so no side always runs first or last
                values[side][r] = all.get(side).getAsDouble();
            }
        }
        return new Rounds(values);
    }

    /** The median of one side over the rounds. */
    double median(int side) {
        return Stats.median(values[side]);
    }

    /** The median over rounds of {@code side / base}, both measured in the same round. */
    double ratio(int side, int base) {
        double[] perRound = new double[values[side].length];
        for (int r = 0; r < perRound.length; r++) {
            perRound[r] = values[side][r] / values[base][r];
        }
        return Stats.median(perRound);
    }

    /** A table row comparing {@code side} against {@code base}. */
    Row row(String scenario, String unit, int base, int side, double target, boolean higherIsBetter) {
        return new Row(scenario, unit, median(base), median(side), ratio(side, base), target, higherIsBetter);
    }

}
