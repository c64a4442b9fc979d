package io.redstream.mcp.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a subcommand ({@code keygen}, {@code token}): {@code --name value} or
 * {@code --name=value}, each at most once, only the declared names; an environment variable may stand in
 * for an option. Immutable once parsed.
 */
final class SubcommandOptions {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

    private final Map<String, String> values;

    private SubcommandOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param declared option names (with {@code --}) to the environment variable that may stand in (or null)
     */
    static SubcommandOptions parse(String command, List<String> args, Map<String, String> declared, Map<String, String> env)
            throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (!declared.containsKey(name)) {
                throw new UsageException(command + ": unknown " + (arg.startsWith("--") ? "option " : "argument ") + name
                        + " (accepted: " + String.join(", ", declared.keySet()) + ", --help)");
            }
            String value;
            if (eq > 0 && arg.startsWith("--")) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(command + ": " + name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException(command + ": " + name + " is given more than once");
            }
        }
        declared.forEach((name, variable) -> {
            String fromEnv = variable == null ? null : env.get(variable);
            if (!values.containsKey(name) && fromEnv != null && !fromEnv.isBlank()) {
                values.put(name, fromEnv);
            }
        });
        return new SubcommandOptions(values);
    }

    String get(String name) {
        return values.get(name);
    }

    String required(String command, String name, String what) throws UsageException {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException(command + ": " + name + " is required (" + what + ")");
        }
        return v.strip();
    }

    /** A comma-separated list of roles, at least one. */
    static Set<String> roles(String command, String value) throws UsageException {
        Set<String> roles = new LinkedHashSet<>();
        for (String r : value.split(",", -1)) {
            if (!r.isBlank()) {
                roles.add(r.strip());
            }
        }
        if (roles.isEmpty()) {
            throw new UsageException(command + ": --roles must name at least one role, e.g. task_read,task_write");
        }
        return roles;
    }

    /** {@code 90s}, {@code 15m}, {@code 12h}, {@code 30d}, plain seconds, or ISO-8601 ({@code PT1H}, {@code P30D}). */
    static Duration duration(String option, String value) throws UsageException {
        String v = value.strip();
        Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " must be a duration such as 90s, 15m, 12h, 30d or PT1H, but was '"
                    + value + "'");
        }
    }
}
