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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import io.redstream.auth.ApiKeyGenerator;
import io.redstream.auth.GeneratedApiKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code redstream-mcp keygen --roles R[,R...]}: makes an API key. The key goes to stdout, once (it is never
 * stored and cannot be shown again); the line to store in the {@code --api-keys-file} (only a hash of the key)
 * goes to stderr, or is appended to {@code --append FILE}.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Makes a new API key (rsk_<id>_<secret>). The key is printed on stdout once; it is never"
                + " stored. The line to store in the API keys file (id, SHA-256 of the key, roles, subject, expiry)"
                + " is printed on stderr, or appended to --append FILE."},
        footer = {"", "Example:",
            "  export REDSTREAM_TOKEN=$(redstream-mcp keygen --roles task_write --append keys.txt)",
            "  redstream-mcp --api-keys-file keys.txt"})
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE",
            description = "Roles the key grants, e.g. task_read,task_write or admin.")
    List<String> roles;

    @Option(names = "--subject", paramLabel = "NAME", description = "The caller's subject (default apikey:<id>).")
    String subject;

    @Option(names = "--expires", paramLabel = "INSTANT",
            description = "Expiry as ISO-8601, e.g. 2030-01-01T00:00:00Z (default: never).")
    Instant expires;

    @Option(names = "--expires-in", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Expiry from now: 90s, 15m, 12h, 30d or ISO-8601 (PT12H).")
    Duration expiresIn;

    @Option(names = "--append", paramLabel = "FILE", description = "Append the line to this API keys file"
            + " (created if missing).")
    Path append;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ServeCommand.IO io;
    private final Clock clock = Clock.systemUTC();

    KeygenCommand(ServeCommand.IO io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (expires != null && expiresIn != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --expires or --expires-in, not both");
        }
        Instant expiry = expiresIn != null ? clock.instant().plus(expiresIn) : expires;
        GeneratedApiKey generated;
        try {
            generated = new ApiKeyGenerator().generate(new LinkedHashSet<>(roles), subject, expiry);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream err = io.err();
        if (append != null) {
            try {
                Files.writeString(append, generated.storeLine() + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                err.println("keygen: cannot append to " + append + ": " + e.getMessage());
                return 1;
            }
            err.println("Stored key " + generated.id() + " (roles " + String.join(",", generated.record().roles())
                    + ") in " + append + ".");
        } else {
            err.println("Store this line in the API keys file (--api-keys-file); it holds only a hash of the key:");
            err.println(generated.storeLine());
        }
        err.println("The API key (shown only now, it cannot be recovered; give it to the client as REDSTREAM_TOKEN):");
        spec.commandLine().getOut().println(generated.key());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
