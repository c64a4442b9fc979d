package io.redstream.mcp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.redstream.embedded.EmbeddedRedis;

/**
 * {@code java -jar redstream-mcp.jar embedded-redis [--port N]}: runs the bundled Redis (the one the
 * server starts when given no {@code --redis}) on its own, with a random password, prints its URI —
 * password included, stdout's only reader is whoever started this process — and stops it when stdin
 * closes, on SIGTERM, or when this process is killed. For sharing one throwaway Redis between several MCP
 * servers or clients (e.g. {@code .ci/interop/run.sh}); data is temporary.
 */
public final class EmbeddedRedisCommand {

    static final String NAME = "embedded-redis";

    private EmbeddedRedisCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(help());
            return 0;
        }
        int port;
        try {
            Map<String, String> declared = new LinkedHashMap<>();
            declared.put("--port", null);
            SubcommandOptions o = SubcommandOptions.parse(NAME, args, declared, env);
            port = o.get("--port") == null ? 0 : parsePort(o.get("--port"));
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        }
        EmbeddedRedis redis;
        try {
            redis = EmbeddedRedis.builder().port(port).start();
        } catch (RuntimeException e) {
            err.println(NAME + ": cannot start Redis: " + e.getMessage());
            return 1;
        }
        try (redis) {
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "redstream-embedded-redis-stop"));
            out.println(redis.uri());
            out.flush();
            err.println("Embedded Redis at " + redis.redactedUri() + " (pid " + redis.pid() + ", temporary data; the URI"
                    + " with its password is on stdout); close stdin (Ctrl-D) or send SIGTERM to stop it.");
            byte[] buffer = new byte[512];
            while (in.read(buffer) >= 0) {
                // input is ignored; its end means stop
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static int parsePort(String value) throws UsageException {
        try {
            int p = Integer.parseInt(value.strip());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException(NAME + ": --port must be between 0 (any free port) and 65535, but was '" + value + "'");
        }
    }

    static String help() {
        return """
                Usage: java -jar redstream-mcp.jar embedded-redis [--port N]

                Runs the bundled Redis 7.0.15 on 127.0.0.1 (a free port unless --port is given) with a random
                password, prints its URI (redis://:PASSWORD@127.0.0.1:PORT) on stdout and keeps it running until
                stdin closes or the process gets SIGTERM; it also stops if this process is killed. Its data is
                temporary. Point servers at it with --redis URI or REDIS_URL.
                """;
    }
}
