package io.redstream.mcp.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import io.redstream.auth.KeyFiles;
import io.redstream.auth.TokenIssuer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code redstream-mcp token --subject NAME --roles R[,R...] (--jwt-secret-file F | --jwt-private-key-file F)}:
 * mints a JWT the server accepts. The key and claim options read the same environment variables as the server,
 * so a shell set up for the server mints matching tokens.
 */
@Command(name = "token", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Mints a JWT for a service identity, in the shape the server verifies (sub, roles, iat, exp,"
                + " and iss/aud/kid when given). The token is printed on stdout; give it to the server as"
                + " REDSTREAM_TOKEN."},
        footer = {"", "Example:",
            "  export REDSTREAM_TOKEN=$(redstream-mcp token --jwt-secret-file jwt.secret --subject planner \\",
            "      --roles task_read,task_write --ttl 8h)",
            "  redstream-mcp --jwt-secret-file jwt.secret"})
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--subject", required = true, paramLabel = "NAME", description = "Who the token identifies.")
    String subject;

    @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE",
            description = "Roles it grants, e.g. task_read,task_write or admin.")
    List<String> roles;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1h",
            description = "Lifetime: 90s, 15m, 12h, 30d or ISO-8601; default 1h, at most 24h.")
    Duration ttl;

    @Env("REDSTREAM_JWT_SECRET_FILE")
    @Option(names = "--jwt-secret-file", paramLabel = "FILE",
            description = "Signing key, HS256: the secret as text, at least 32 bytes. Env REDSTREAM_JWT_SECRET_FILE.")
    Path secretFile;

    @Env("REDSTREAM_JWT_PRIVATE_KEY_FILE")
    @Option(names = "--jwt-private-key-file", paramLabel = "FILE",
            description = "Signing key, RS256/ES256: an RSA (2048 bits or more) or EC P-256 private key, PKCS#8 PEM."
                    + " Env REDSTREAM_JWT_PRIVATE_KEY_FILE.")
    Path privateKeyFile;

    @Env("REDSTREAM_JWT_ISSUER")
    @Option(names = "--jwt-issuer", paramLabel = "ISSUER",
            description = "'iss' claim. Env REDSTREAM_JWT_ISSUER.")
    String issuer;

    @Env("REDSTREAM_JWT_AUDIENCE")
    @Option(names = "--jwt-audience", paramLabel = "AUDIENCE",
            description = "'aud' claim. Env REDSTREAM_JWT_AUDIENCE.")
    String audience;

    @Option(names = "--key-id", paramLabel = "KID", description = "'kid' header.")
    String keyId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ServeCommand.IO io;
    private final Clock clock = Clock.systemUTC();

    TokenCommand(ServeCommand.IO io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if ((secretFile == null) == (privateKeyFile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one signing key:"
                    + " --jwt-secret-file FILE (HS256) or --jwt-private-key-file FILE (PKCS#8 PEM, RS256/ES256)");
        }
        String token;
        try {
            TokenIssuer.Builder b = TokenIssuer.builder().clock(clock);
            if (secretFile != null) {
                b.hmacSecret(KeyFiles.readHmacSecret(secretFile));
            } else {
                b.privateKey(KeyFiles.readPrivateKey(privateKeyFile));
            }
            if (issuer != null) {
                b.issuer(issuer.strip());
            }
            if (audience != null) {
                b.audience(audience.strip());
            }
            if (keyId != null) {
                b.keyId(keyId.strip());
            }
            token = b.build().issue(subject, new LinkedHashSet<>(roles), ttl);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        io.err().println("JWT for subject '" + subject + "' with roles " + String.join(",", roles) + ", valid for "
                + ttl + " (until " + clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS) + "):");
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
