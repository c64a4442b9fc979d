package io.redstream.mcp.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

import io.redstream.core.Redaction;
import picocli.CommandLine;

/** The command line: the server command with its subcommands, exit codes 0 (ok), 1 (failure), 2 (usage). */
public final class Cli {

    private Cli() {
    }

    /**
     * @param console where {@code --help}, {@code --version} and the subcommands' results go (the real stdout)
     */
    public static int run(String[] args, Map<String, String> env, InputStream in, OutputStream protocolOut,
            PrintStream console, PrintStream err) {
        ServeCommand.IO io = new ServeCommand.IO(in, protocolOut, err, env);
        CommandLine cli = commandLine(io);
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, args2) -> {
            String message = Redaction.redact(e.getMessage()) + fromEnvironment(e);
            err.println("redstream-mcp: " + message);
            CommandLine.UnmatchedArgumentException.printSuggestions(e, new PrintWriter(err, true));
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for every option.");
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("redstream-mcp: " + Redaction.redact(String.valueOf(e.getMessage())));
            return CommandLine.ExitCode.SOFTWARE;
        });
        int code = cli.execute(args);
        return code == CommandLine.ExitCode.SOFTWARE ? 1 : code;
    }

    /** The command tree, its subcommands made with {@code io}. */
    static CommandLine commandLine(ServeCommand.IO io) {
        CommandLine cli = new CommandLine(new ServeCommand(io), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == KeygenCommand.class) {
                    return type.cast(new KeygenCommand(io));
                }
                if (type == TokenCommand.class) {
                    return type.cast(new TokenCommand(io));
                }
                if (type == EmbeddedRedisCommand.class) {
                    return type.cast(new EmbeddedRedisCommand(io));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setDefaultValueProvider(new EnvDefaults(io.env()));
        return cli;
    }

    /** Where a bad value came from when it was not on the command line: its environment variable. */
    private static String fromEnvironment(CommandLine.ParameterException e) {
        CommandLine.Model.ArgSpec arg = e.getArgSpec();
        if (arg instanceof CommandLine.Model.OptionSpec option && option.userObject() instanceof java.lang.reflect.Field f
                && f.getAnnotation(Env.class) != null) {
            CommandLine.ParseResult parsed = e.getCommandLine().getParseResult();
            if (parsed == null || !parsed.hasMatchedOption(option)) {
                return " (from the environment variable " + f.getAnnotation(Env.class).value() + ")";
            }
        }
        return "";
    }
}
