package io.redstream.mcp.cli;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.redstream.mcp.ServerConfig;

/**
 * Parses the command line and the environment into an {@link Invocation}. Flags win over environment
 * variables; an empty environment variable counts as unset. Accepted forms: {@code --flag value},
 * {@code --flag=value}, switches as {@code --switch} or {@code --switch=true|false}. A first argument
 * {@code keygen}, {@code token} or {@code embedded-redis} selects that subcommand; its arguments (including its own
 * {@code --help}) are passed on unparsed. Otherwise {@code --help} (or {@code -h}) anywhere wins over
 * everything else. Stateless and thread-safe.
 */
public final class CliParser {

    /** Environment variable with the caller's JWT or API key on stdio; never a flag (argv is visible to others). */
    public static final String TOKEN_ENV = "REDSTREAM_TOKEN";

    private CliParser() {
    }

    public static Invocation parse(List<String> args, Map<String, String> env) throws UsageException {
        requireNonNull(args, "args");
        requireNonNull(env, "env");
        if (!args.isEmpty()) {
            Command command = switch (args.get(0)) {
                case "keygen" -> Command.KEYGEN;
                case "token" -> Command.TOKEN;
                case "embedded-redis" -> Command.EMBEDDED_REDIS;
                default -> null;
            };
            if (command != null) {
                return new Invocation(command, null, args.subList(1, args.size()));
            }
        }
        if (args.contains("--help") || args.contains("-h")) {
            return new Invocation(Command.HELP, null, List.of());
        }
        CliOption.Settings settings = new CliOption.Settings();
        Set<CliOption> given = EnumSet.noneOf(CliOption.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': options start with --"
                        + (i == 0 ? "; subcommands are keygen, token and embedded-redis" : ""));
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            CliOption option = CliOption.byFlag(flag);
            if (option == null) {
                throw new UsageException(unknown(flag));
            }
            if (!given.add(option)) {
                throw new UsageException(flag + " is given more than once");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (option.isSwitch()) {
                value = "true";
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(flag + " needs a value: " + flag + " " + option.valueName);
            }
            apply(option, flag, value, settings);
        }
        for (CliOption option : CliOption.values()) {
            String value = env.get(option.env);
            if (!given.contains(option) && value != null && !value.isEmpty()) {
                apply(option, option.env + " (environment)", value, settings);
            }
        }
        String token = env.get(TOKEN_ENV);
        try {
            if (token != null && !token.isBlank()) {
                settings.config.token(token);
            }
            return new Invocation(Command.SERVE, settings.config.limits(settings.limits()).build(), List.of());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void apply(CliOption option, String source, String value, CliOption.Settings settings)
            throws UsageException {
        try {
            option.apply(settings, value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }

    private static String unknown(String flag) {
        if (flag.equals("--token")) {
            return "unknown option --token: pass the caller's token in the environment variable " + TOKEN_ENV
                    + " (command lines are visible to other users)";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : CliOption.flags()) {
            int d = distance(flag, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return "unknown option " + flag + (bestDistance <= 3 ? " (did you mean " + best + "?)" : "");
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The usage text: every flag with its environment variable and default, and the subcommands. */
    public static String help() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: java -jar redstream-mcp.jar [options]\n");
        b.append("       java -jar redstream-mcp.jar keygen|token|embedded-redis [options]   (each has --help)\n\n");
        b.append("RedStream MCP server: Redis Streams, key-value state with TTL, pub/sub and atomic multi-key updates\n");
        b.append("as 18 MCP tools. Serves MCP on stdio (JSON-RPC on stdout, logs on stderr) unless --http is given.\n");
        b.append("Without --redis, REDIS_URL or --cluster it starts an embedded Redis (temporary data) and stops it on exit.\n\n");
        b.append("Options (a flag wins over its environment variable):\n");
        for (CliOption o : CliOption.values()) {
            String left = "  " + o.flag + (o.isSwitch() ? "" : " " + o.valueName);
            b.append(left);
            b.append(" ".repeat(Math.max(1, 34 - left.length())));
            b.append(o.help).append('\n');
            b.append(" ".repeat(34)).append("env ").append(o.env);
            if (o.defaultValue != null) {
                b.append(", default ").append(o.defaultValue);
            }
            b.append('\n');
        }
        String left = "  --help, -h";
        b.append(left).append(" ".repeat(34 - left.length())).append("Print this help and exit.\n\n");
        b.append("Environment only:\n");
        left = "  " + TOKEN_ENV;
        b.append(left).append(" ".repeat(34 - left.length()))
                .append("The caller's JWT or API key (rsk_...) on stdio, checked on every call. Without\n")
                .append(" ".repeat(34)).append("--jwt-secret-file, --jwt-public-key-file or --api-keys-file the server runs\n")
                .append(" ".repeat(34)).append("as local admin of the namespace and warns; with one of them and no valid\n")
                .append(" ".repeat(34)).append("token every tool call fails with UNAUTHENTICATED.\n\n");
        b.append("Subcommands:\n");
        b.append("  keygen --roles R[,R...] [--subject NAME] [--expires INSTANT|--expires-in DURATION] [--append FILE]\n");
        b.append("      New API key: the key on stdout (once), the line for --api-keys-file on stderr (or appended).\n");
        b.append("  token --subject NAME --roles R[,R...] [--ttl DURATION] --jwt-secret-file F|--jwt-private-key-file F\n");
        b.append("        [--jwt-issuer S] [--jwt-audience S] [--key-id K]\n");
        b.append("      New JWT on stdout (default TTL 1h, at most 24h).\n");
        b.append("  embedded-redis [--port N]\n");
        b.append("      Runs the bundled Redis alone (URI on stdout) until stdin closes, e.g. to share one between servers.\n\n");
        b.append("Exit codes: 0 success, 1 failure at run time, 2 invalid command line, environment or key/policy file.\n");
        b.append("Default bind address: ").append(ServerConfig.DEFAULT_BIND_ADDRESS).append('\n');
        return b.toString();
    }
}
