package io.redstream.mcp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.redstream.auth.ApiKeyGenerator;
import io.redstream.auth.GeneratedApiKey;

/**
 * {@code java -jar redstream-mcp.jar keygen --roles R[,R...] [--subject NAME] [--expires INSTANT |
 * --expires-in DURATION] [--append FILE]}: makes a new API key. The key goes to stdout, once (it is
 * never stored and cannot be shown again); the line to store in the {@code --api-keys-file} (only a
 * hash of the key) goes to stderr, or is appended to {@code --append FILE}.
 */
public final class KeygenCommand {

    static final String NAME = "keygen";

    private KeygenCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(help());
            return 0;
        }
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("--roles", null);
        declared.put("--subject", null);
        declared.put("--expires", null);
        declared.put("--expires-in", null);
        declared.put("--append", null);
        GeneratedApiKey generated;
        Path append;
        try {
            SubcommandOptions o = SubcommandOptions.parse(NAME, args, declared, env);
            Set<String> roles = SubcommandOptions.roles(NAME,
                    o.required(NAME, "--roles", "the roles the key grants, e.g. --roles task_read,task_write"));
            Instant expires = null;
            if (o.get("--expires") != null && o.get("--expires-in") != null) {
                throw new UsageException(NAME + ": give --expires or --expires-in, not both");
            }
            if (o.get("--expires") != null) {
                try {
                    expires = Instant.parse(o.get("--expires").strip());
                } catch (DateTimeParseException e) {
                    throw new UsageException(NAME + ": --expires must be an ISO-8601 instant such as"
                            + " 2030-01-01T00:00:00Z, but was '" + o.get("--expires") + "'");
                }
            } else if (o.get("--expires-in") != null) {
                Duration d = SubcommandOptions.duration("--expires-in", o.get("--expires-in"));
                if (d.isNegative() || d.isZero()) {
                    throw new UsageException(NAME + ": --expires-in must be positive");
                }
                expires = clock.instant().plus(d);
            }
            append = o.get("--append") == null ? null : Path.of(o.get("--append").strip());
            try {
                generated = new ApiKeyGenerator().generate(roles, o.get("--subject"), expires);
            } catch (IllegalArgumentException e) {
                throw new UsageException(NAME + ": " + e.getMessage());
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("Run 'keygen --help' for the options.");
            return 2;
        }
        if (append != null) {
            try {
                Files.writeString(append, generated.storeLine() + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                err.println(NAME + ": cannot append to " + append + ": " + e.getMessage());
                return 1;
            }
            err.println("Stored key " + generated.id() + " (roles " + String.join(",", generated.record().roles())
                    + ") in " + append + ".");
        } else {
            err.println("Store this line in the API keys file (--api-keys-file); it holds only a hash of the key:");
            err.println(generated.storeLine());
        }
        err.println("The API key (shown only now, it cannot be recovered; give it to the client as REDSTREAM_TOKEN):");
        out.println(generated.key());
        out.flush();
        return 0;
    }

    static String help() {
        return """
                Usage: java -jar redstream-mcp.jar keygen --roles ROLE[,ROLE...] [options]

                Makes a new API key (rsk_<id>_<secret>). The key is printed on stdout once; it is never stored.
                The line to store in the API keys file (id, SHA-256 of the key, roles, subject, expiry) is
                printed on stderr, or appended to --append FILE.

                Options:
                  --roles ROLE[,ROLE...]   Roles the key grants (required), e.g. task_read,task_write or admin
                  --subject NAME           The caller's subject (default apikey:<id>)
                  --expires INSTANT        Expiry as ISO-8601, e.g. 2030-01-01T00:00:00Z (default: never)
                  --expires-in DURATION    Expiry from now: 90s, 15m, 12h, 30d or ISO-8601 (PT12H)
                  --append FILE            Append the line to this API keys file (created if missing)
                  --help, -h               Print this help

                Example:
                  export REDSTREAM_TOKEN=$(java -jar redstream-mcp.jar keygen --roles task_write --append keys.txt)
                  java -jar redstream-mcp.jar --api-keys-file keys.txt
                """;
    }
}
