package io.redstream.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line for generating an API key:
 *
 * <pre>
 * java -cp redstream-auth.jar:... io.redstream.auth.ApiKeyCommand --roles task_read,task_write \
 *     [--subject svc-router] [--expires 2030-01-01T00:00:00Z] [--append keys.txt]
 * </pre>
 *
 * Prints the key once on stdout (the only time it is ever shown) and the line to store on stderr, or appends that
 * line to the {@code --append} file. Exit status 0 on success, 2 on bad arguments.
 */
public final class ApiKeyCommand {
    private ApiKeyCommand() {
    }

    /**
     * Runs the command and exits the JVM with its status.
     *
     * @param args the command-line arguments, as in the class description
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** The jar's {@code Implementation-Version}, or {@code dev} when run from classes. */
    static String version() {
        String version = ApiKeyCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Runs the command; returns the exit status. Separate from {@link #main} so it can be tested. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        Set<String> roles = null;
        String subject = null;
        Instant expires = null;
        Path append = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--help") || arg.equals("-h")) {
                    err.println(usage());
                    return 0;
                }
                if (arg.equals("--version") || arg.equals("-V")) {
                    out.println("redstream-auth " + version());
                    return 0;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args.get(++i);
                switch (arg) {
                    case "--roles" -> roles = new LinkedHashSet<>(List.of(value.split(",")));
                    case "--subject" -> subject = value;
                    case "--expires" -> expires = Instant.parse(value);
                    case "--append" -> append = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (roles == null) {
                throw new IllegalArgumentException("--roles is required");
            }
            GeneratedApiKey generated = new ApiKeyGenerator().generate(roles, subject, expires);
            if (append != null) {
                Files.writeString(append, generated.storeLine() + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                err.println("stored key " + generated.id() + " in " + append);
            } else {
                err.println("store this line in the API keys file:");
                err.println(generated.storeLine());
            }
            err.println("the key below is shown only now; it cannot be recovered:");
            out.println(generated.key());
            return 0;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot write the API keys file: " + e);
            return 1;
        }
    }

    private static String usage() {
        return "usage: ApiKeyCommand --roles r1[,r2...] [--subject NAME] [--expires ISO-8601] [--append FILE] | --version";
    }
}
