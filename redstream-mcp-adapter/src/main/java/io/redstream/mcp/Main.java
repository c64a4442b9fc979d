package io.redstream.mcp;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.mcp.cli.CliParser;
import io.redstream.mcp.cli.Invocation;
import io.redstream.mcp.cli.UsageException;
import io.redstream.mcp.tools.ToolSpec;

/**
 * {@code java -jar redstream-mcp.jar [options]}: the MCP server process (DESIGN §4).
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
        launch(args, config -> List.of());
    }

    /**
     * Guards stdout, runs, and exits the JVM with the exit code. {@code tools} supplies the tools for
     * a configuration (none in this build: the 18 tools of DESIGN §4 need redstream-core).
     */
    static void launch(String[] args, Function<ServerConfig, List<ToolSpec>> tools) {
        OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream console = System.out;
        System.setOut(System.err);
        InputStream protocolIn = System.in;
        System.setIn(InputStream.nullInputStream());
        int code = run(List.of(args), System.getenv(), protocolIn, protocolOut, console, System.err, tools);
        console.flush();
        System.exit(code);
    }

    /**
     * Runs one invocation and returns the exit code.
     *
     * @param console where {@code --help} goes (the real stdout)
     */
    static int run(List<String> args, Map<String, String> env, InputStream in, OutputStream protocolOut,
            PrintStream console, PrintStream err, Function<ServerConfig, List<ToolSpec>> tools) {
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
            case KEYGEN, TOKEN -> {
                err.println(PROGRAM + ": the '" + invocation.command().name().toLowerCase(java.util.Locale.ROOT)
                        + "' command is not available in this build: it needs redstream-auth, which is not integrated yet");
                return EXIT_FAILURE;
            }
            default -> {
                return serve(invocation.config(), tools, in, protocolOut, err);
            }
        }
    }

    private static int serve(ServerConfig config, Function<ServerConfig, List<ToolSpec>> tools, InputStream in,
            OutputStream out, PrintStream err) {
        if (config.httpPort().isPresent()) {
            err.println(PROGRAM + ": --http is not available in this build yet (the Streamable HTTP transport is pending);"
                    + " run without --http to serve stdio");
            return EXIT_FAILURE;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        try {
            RedStreamMcpServer server = RedStreamMcpServer.builder(config).tools(tools.apply(config)).build();
            log.info("RedStream MCP server {} on stdio: {}", RedStreamMcpServer.version(), config);
            if (server.catalog().size() == 0) {
                log.warn("this build registers no tools yet: redstream-core and redstream-auth are not integrated");
            }
            if (config.embeddedRedis()) {
                log.warn("no --redis or --cluster given: the embedded Redis is not integrated in this build yet");
            }
            if (!config.authenticationConfigured()) {
                log.warn("no authentication configured: stdio callers act as local admin of the namespace"
                        + (config.token().isPresent() ? " (REDSTREAM_TOKEN is ignored)" : ""));
            }
            ServerSession session = server.serveStdio(in, out);
            Thread hook = new Thread(session::close, "redstream-mcp-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            session.awaitEndOfInput();
            log.info("stdin closed; stopping");
            session.close();
            return EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILURE;
        } catch (RuntimeException e) {
            log.error("cannot start the MCP server: {}", io.redstream.mcp.internal.Redaction.describe(e));
            return EXIT_FAILURE;
        }
    }
}
