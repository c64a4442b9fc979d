package io.redstream.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on, printed under the tables: ratios only make sense next to it. */
final class Machine {
    private Machine() {
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    static String describe(String redisVersion, boolean quick, int rounds, String loadBefore, String loadAfter,
            double seconds) {
        return String.format(Locale.ROOT, "machine: %s, %d cpus, %s; %s %s (%s); Java %s (%s); Redis %s on loopback"
                        + "%nmode: %s, %d paired rounds per scenario (median of per-round ratios); load average"
                        + " (1/5/15 min) before %s, after %s; took %.0f s",
                cpuModel(), Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), redisVersion, quick ? "quick" : "full", rounds, loadBefore,
                loadAfter, seconds);
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    private static String memory() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(v.replaceAll("\\D", "")) / 1048576.0))
                .orElse("? GiB");
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return java.util.Optional.of(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to what the JVM knows
        }
        return java.util.Optional.empty();
    }
}
