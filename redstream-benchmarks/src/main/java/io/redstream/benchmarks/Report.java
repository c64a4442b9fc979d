package io.redstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the tables of one run and prints them as Markdown, ready to paste into {@code docs/benchmarks.md}. */
final class Report {
    private final List<String> sections = new ArrayList<>();

    void table(String title, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("### " + title + "\n\n");
        String fmt = "| %-56s | %-5s | %12s | %12s | %5s | %-6s | %-3s |%n";
        b.append(String.format(Locale.ROOT, fmt, "scenario", "unit", "baseline", "RedStream", "ratio", "target",
                "met"));
        b.append(String.format(Locale.ROOT, fmt, "-".repeat(56), "-".repeat(5), "-".repeat(11) + ":",
                "-".repeat(11) + ":", "-".repeat(4) + ":", "-".repeat(6), "-".repeat(3)));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, fmt, r.scenario(), r.unit(), num(r.baseline()), num(r.measured()),
                    String.format(Locale.ROOT, "%.2f", r.ratio()),
                    r.hasTarget() ? (r.higherIsBetter() ? "≥ " : "≤ ") + r.target() : "-",
                    r.hasTarget() ? (r.meetsTarget() ? "yes" : "NO") : "-"));
        }
        sections.add(b.toString());
    }

    void costs(String title, List<GuaranteeCosts.Cost> costs) {
        StringBuilder b = new StringBuilder("### " + title + "\n\n");
        String fmt = "| %-48s | %10s | %10s | %-40s |%n";
        b.append(String.format(Locale.ROOT, fmt, "what", "ns", "bytes", "note"));
        b.append(String.format(Locale.ROOT, fmt, "-".repeat(48), "-".repeat(9) + ":", "-".repeat(9) + ":",
                "-".repeat(40)));
        for (GuaranteeCosts.Cost c : costs) {
            b.append(String.format(Locale.ROOT, fmt, c.what(), c.nanos() < 0 ? "-" : num(c.nanos()),
                    c.bytes() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", c.bytes()), c.note()));
        }
        sections.add(b.toString());
    }

    void print(String machine) {
        for (String s : sections) {
            System.out.println(s);
        }
        System.out.println(machine);
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
