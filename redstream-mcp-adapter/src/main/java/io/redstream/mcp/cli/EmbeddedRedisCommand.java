package io.redstream.mcp.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import io.redstream.embedded.EmbeddedRedis;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code redstream-mcp embedded-redis}: runs the bundled Redis on its own with a random password, prints its URI
 * (password included: stdout's only reader is whoever started this process), and stops it when stdin closes, on
 * SIGTERM, or when this process is killed. For sharing one throwaway Redis between several servers or
 * clients; the data is temporary.
 */
@Command(name = "embedded-redis", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs the bundled Redis 7.0.15 on 127.0.0.1 (a free port unless --port is given), prints its"
                + " URI on stdout and keeps it running until stdin closes or the process gets SIGTERM. Its data is"
                + " temporary. Point servers at it with --redis URI or REDIS_URL."})
final class EmbeddedRedisCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port to listen on; 0 (default) takes a free one.")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ServeCommand.IO io;

    EmbeddedRedisCommand(ServeCommand.IO io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 (any free port) and"
                    + " 65535, but was " + port);
        }
        try (EmbeddedRedis redis = EmbeddedRedis.builder().port(port).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "redstream-embedded-redis-stop"));
            spec.commandLine().getOut().println(redis.uri());
            spec.commandLine().getOut().flush();
            io.err().println("Embedded Redis at " + redis.redactedUri() + " (pid " + redis.pid() + ", temporary data;"
                    + " the URI with its password is on stdout); close stdin (Ctrl-D) or send SIGTERM to stop it.");
            byte[] buffer = new byte[512];
            while (io.in().read(buffer) >= 0) {
                // input is ignored; its end means stop
            }
        }
        return 0;
    }
}
