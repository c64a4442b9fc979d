package io.redstream.mcp;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

import io.redstream.mcp.cli.Cli;

/**
 * {@code java -jar redstream-mcp.jar [options]} (or {@code bin/redstream-mcp}): the MCP server process, and its
 * {@code keygen}, {@code token} and {@code embedded-redis} subcommands.
 *
 * <p>stdout carries nothing but JSON-RPC: the real stdout is taken for the transport first, then {@code System.out}
 * is pointed at stderr, so a stray {@code println} anywhere (ours or a library's) lands in the log instead of
 * corrupting the protocol.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream console = new PrintStream(protocolOut, true);
        System.setOut(System.err);
        InputStream protocolIn = System.in;
        System.setIn(InputStream.nullInputStream());
        int code = Cli.run(args, System.getenv(), protocolIn, protocolOut, console, System.err);
        console.flush();
        System.exit(code);
    }

    /** Runs one invocation in-process (tests); returns the exit code. */
    public static int run(String[] args, Map<String, String> env, InputStream in, OutputStream protocolOut,
            PrintStream console, PrintStream err) {
        return Cli.run(args, env, in, protocolOut, console, err);
    }
}
