package io.redstream.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every library scenario against raw Jedis and the peers on one embedded Redis, then the library rows again
 * on a real 3-node cluster, in rounds that alternate the sides so all see the same machine state, and prints every
 * table with the machine it ran on. Run:
 * {@code java -jar redstream-benchmarks/target/redstream-benchmarks.jar [--quick] [--only <word>] [--no-cluster]}.
 * See {@code docs/benchmarks.md}.
 */
public final class Benchmarks {
    private final boolean quick;
    private final int rounds;
    private final int scale;
    private final String only;
    private final boolean cluster;

    private Benchmarks(boolean quick, String only, boolean cluster) {
        this.quick = quick;
        this.rounds = quick ? 5 : 11;
        this.scale = quick ? 1 : 2;
        this.only = only;
        this.cluster = cluster;
    }

    /**
     * Arguments: {@code --quick} (fewer, shorter rounds), {@code --only <word>} (scenarios whose name contains it:
     * batch, single, concurrent, consumer, costs, auth), {@code --no-cluster} (skip the cluster table),
     * {@code --version}.
     */
    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean cluster = true;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-cluster" -> cluster = false;
                case "--version", "-V" -> {
                    String version = Benchmarks.class.getPackage().getImplementationVersion();
                    System.out.println("redstream-benchmarks " + (version == null ? "dev" : version));
                    return;
                }
                case "--only" -> {
                    if (i + 1 >= args.length) {
                        usage();
                    }
                    only = args[++i];
                }
                default -> usage();
            }
        }
        new Benchmarks(quick, only, cluster).run();
    }

    private static void usage() {
        System.err.println("usage: redstream-benchmarks [--quick] [--only <word>] [--no-cluster] | --version");
        System.exit(2);
    }

    private boolean wanted(String scenario) {
        return only.isEmpty() || scenario.contains(only);
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        Report report = new Report();
        String redisVersion;
        try (Target standalone = Target.standalone(); Peers peers = new Peers(standalone.server)) {
            redisVersion = standalone.redisVersion();
            List<GuaranteeCosts.Cost> cpu = new ArrayList<>();
            report.table("Library and peers, standalone", library(standalone, peers, cpu));
            List<GuaranteeCosts.Cost> perMessage = new ArrayList<>();
            if (wanted("costs")) {
                GuaranteeCosts costs = new GuaranteeCosts(rounds);
                report.costs("Cost of each guarantee, in isolation (calling thread, no Redis)", costs.isolated());
                perMessage.addAll(costs.perMessage(standalone));
            }
            perMessage.addAll(cpu);
            if (!perMessage.isEmpty()) {
                report.costs("Client work per message (standalone)", perMessage);
            }
        }
        if (wanted("auth")) {
            report.table("Authorization", List.of(Authorization.cachedJwtAndCheck(rounds)));
        }
        if (cluster && !only.equals("costs") && !only.equals("auth")) {
            try (Target c = Target.cluster()) {
                report.table("Library, Redis Cluster (3 masters, same machine)", library(c, null, new ArrayList<>()));
            }
        }
        report.print(Machine.describe(redisVersion, quick, rounds, loadBefore, Machine.loadAverage(),
                (System.nanoTime() - start) / 1e9));
    }

    private List<Row> library(Target t, Peers peers, List<GuaranteeCosts.Cost> cpu) {
        List<Row> rows = new ArrayList<>();
        PublishScenarios publish = new PublishScenarios(t, peers, rounds, scale);
        if (wanted("batch")) {
            rows.addAll(publish.batched());
        }
        if (wanted("single")) {
            rows.addAll(publish.single());
        }
        if (wanted("concurrent")) {
            rows.addAll(publish.concurrent());
            cpu.addAll(publish.clientCpu);
        }
        if (wanted("consumer")) {
            ConsumerScenarios consumers = new ConsumerScenarios(t, peers, rounds, scale);
            rows.addAll(consumers.endToEnd());
            cpu.addAll(consumers.clientCpu);
        }
        return rows;
    }
}
