package io.redstream.benchmarks;

import java.util.function.DoubleSupplier;

/**
 * Runs a baseline and a candidate back to back for many short rounds, alternating which goes first, and keeps
 * per-round ratios. On a shared two-core VM the speed drifts by tens of percent between seconds; a ratio taken
 * within one round cancels most of that drift, and the median of the ratios ignores disturbed rounds.
 */
final class Paired {
    final double baselineMedian;
    final double candidateMedian;
    final double ratioMedian;

    private Paired(double b, double c, double r) {
        this.baselineMedian = b;
        this.candidateMedian = c;
        this.ratioMedian = r;
    }

    static Paired run(int rounds, DoubleSupplier baseline, DoubleSupplier candidate) {
        baseline.getAsDouble(); // warm-up of both paths
        candidate.getAsDouble();
        double[] b = new double[rounds];
        double[] c = new double[rounds];
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                b[i] = baseline.getAsDouble();
                c[i] = candidate.getAsDouble();
            } else {
                c[i] = candidate.getAsDouble();
                b[i] = baseline.getAsDouble();
            }
            r[i] = c[i] / b[i];
        }
        return new Paired(Stats.median(b), Stats.median(c), Stats.median(r));
    }
}
