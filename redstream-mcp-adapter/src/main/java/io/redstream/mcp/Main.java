package io.redstream.mcp;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.mcp.cli.CliParser;
import io.redstream.mcp.cli.EmbeddedRedisCommand;
import io.redstream.mcp.cli.Invocation;
import io.redstream.mcp.cli.KeygenCommand;
import io.redstream.mcp.cli.TokenCommand;
import io.redstream.mcp.cli.UsageException;
import io.redstream.mcp.internal.Redaction;
import io.redstream.mcp.redis.RedisApplication;

/**
 * {@code java -jar redstream-mcp.jar [options]}: the MCP server process (DESIGN §4), and the
 * {@code keygen}, {@code token} and {@code embedded-redis} subcommands.
 *
 * <p>On stdio, stdout carries nothing but JSON-RPC: the real stdout is captured for the transport
 * first, then {@code System.out} is pointed at stderr, so a stray {@code println} anywhere (ours or a
 * library's) lands in the log instead of corrupting the protocol. Logs go to stderr.
 */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    static final String PROGRAM = "redstream-mcp";

    private Main() {
    }

    public static void main(String[] args) {
        launch(args, RedisApplication::start);
    }

    /**
     * Guards stdout, runs, and exits the JVM with the exit code. {@code application} makes what is served
     * from the configuration (the Redis tools in production, test tools in tests).
     */
    public static void launch(String[] args, Function<ServerConfig, ? extends Application> application) {
        OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream console = System.out;
        System.setOut(System.err);
        InputStream protocolIn = System.in;
        System.setIn(InputStream.nullInputStream());
        int code = run(List.of(args), System.getenv(), protocolIn, protocolOut, console, System.err, application);
        console.flush();
        System.exit(code);
    }

    /**
     * Runs one invocation and returns the exit code.
     *
     * @param console where {@code --help} and the subcommands' results go (the real stdout)
     */
    static int run(List<String> args, Map<String, String> env, InputStream in, OutputStream protocolOut,
            PrintStream console, PrintStream err, Function<ServerConfig, ? extends Application> application) {
        Invocation invocation;
        try {
            invocation = CliParser.parse(args, env);
        } catch (UsageException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            err.println("Run with --help to see every option.");
            return EXIT_USAGE;
        }
        switch (invocation.command()) {
            case HELP -> {
                console.print(CliParser.help());
                console.flush();
                return EXIT_OK;
            }
            case KEYGEN -> {
                return KeygenCommand.run(invocation.subcommandArguments(), env, console, err, Clock.systemUTC());
            }
            case TOKEN -> {
                return TokenCommand.run(invocation.subcommandArguments(), env, console, err, Clock.systemUTC());
            }
            case EMBEDDED_REDIS -> {
                return EmbeddedRedisCommand.run(invocation.subcommandArguments(), env, in, console, err);
            }
            default -> {
                return serve(invocation.config(), application, in, protocolOut, err);
            }
        }
    }

    private static int serve(ServerConfig config, Function<ServerConfig, ? extends Application> factory, InputStream in,
            OutputStream out, PrintStream err) {
        if (config.httpPort().isPresent()) {
            err.println(PROGRAM + ": --http is not available in this build yet (the Streamable HTTP transport is pending);"
                    + " run without --http to serve stdio");
            return EXIT_FAILURE;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        log.info("RedStream MCP server {} on stdio: {}", RedStreamMcpServer.version(), config);
        Application application;
        try {
            application = factory.apply(config);
        } catch (StartupException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            log.error("cannot start the MCP server: {}", Redaction.describe(e));
            return EXIT_FAILURE;
        }
        try (Application app = application) {
            RedStreamMcpServer.Builder builder = RedStreamMcpServer.builder(config);
            app.configure(builder);
            RedStreamMcpServer server = builder.build();
            ServerSession session = server.serveStdio(in, out);
            app.serving();
            Thread hook = new Thread(() -> {
                session.close();
                app.close();
            }, "redstream-mcp-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            session.awaitEndOfInput();
            log.info("stdin closed; stopping");
            session.close();
            return EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILURE;
        } catch (RuntimeException e) {
            log.error("cannot start the MCP server: {}", Redaction.describe(e));
            return EXIT_FAILURE;
        }
    }
}
