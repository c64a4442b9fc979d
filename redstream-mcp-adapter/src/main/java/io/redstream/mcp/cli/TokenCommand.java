package io.redstream.mcp.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.redstream.auth.KeyFiles;
import io.redstream.auth.TokenIssuer;

/**
 * {@code java -jar redstream-mcp.jar token --subject NAME --roles R[,R...] [--ttl DURATION]
 * (--jwt-secret-file F | --jwt-private-key-file F) [--jwt-issuer S] [--jwt-audience S] [--key-id K]}:
 * mints a JWT the server accepts. The token goes to stdout. The key and claim options take the same
 * environment variables as the server, so a shell set up for the server mints matching tokens.
 */
public final class TokenCommand {

    static final String NAME = "token";
    static final Duration DEFAULT_TTL = TokenIssuer.DEFAULT_TTL;

    private TokenCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(help());
            return 0;
        }
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("--subject", null);
        declared.put("--roles", null);
        declared.put("--ttl", null);
        declared.put("--jwt-secret-file", "REDSTREAM_JWT_SECRET_FILE");
        declared.put("--jwt-private-key-file", "REDSTREAM_JWT_PRIVATE_KEY_FILE");
        declared.put("--jwt-issuer", "REDSTREAM_JWT_ISSUER");
        declared.put("--jwt-audience", "REDSTREAM_JWT_AUDIENCE");
        declared.put("--key-id", null);
        String token;
        String subject;
        Set<String> roles;
        Duration ttl;
        try {
            SubcommandOptions o = SubcommandOptions.parse(NAME, args, declared, env);
            subject = o.required(NAME, "--subject", "who the token identifies, e.g. --subject task-router");
            roles = SubcommandOptions.roles(NAME, o.required(NAME, "--roles",
                    "the roles the token grants, e.g. --roles task_read,task_write"));
            ttl = o.get("--ttl") == null ? DEFAULT_TTL : SubcommandOptions.duration("--ttl", o.get("--ttl"));
            String secretFile = o.get("--jwt-secret-file");
            String privateKeyFile = o.get("--jwt-private-key-file");
            if ((secretFile == null) == (privateKeyFile == null)) {
                throw new UsageException(NAME + ": give exactly one signing key: --jwt-secret-file FILE (HS256) or"
                        + " --jwt-private-key-file FILE (PKCS#8 PEM, RS256/ES256)");
            }
            TokenIssuer.Builder issuer = TokenIssuer.builder().clock(clock);
            try {
                if (secretFile != null) {
                    issuer.hmacSecret(KeyFiles.readHmacSecret(Path.of(secretFile.strip())));
                } else {
                    issuer.privateKey(KeyFiles.readPrivateKey(Path.of(privateKeyFile.strip())));
                }
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new UsageException(NAME + ": " + (secretFile != null ? "--jwt-secret-file" : "--jwt-private-key-file")
                        + ": " + e.getMessage());
            }
            if (o.get("--jwt-issuer") != null) {
                issuer.issuer(o.get("--jwt-issuer").strip());
            }
            if (o.get("--jwt-audience") != null) {
                issuer.audience(o.get("--jwt-audience").strip());
            }
            if (o.get("--key-id") != null) {
                issuer.keyId(o.get("--key-id").strip());
            }
            try {
                token = issuer.build().issue(subject, roles, ttl);
            } catch (IllegalArgumentException e) {
                throw new UsageException(NAME + ": " + e.getMessage());
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("Run 'token --help' for the options.");
            return 2;
        }
        err.println("JWT for subject '" + subject + "' with roles " + String.join(",", roles) + ", valid for " + ttl
                + " (until " + clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "):");
        out.println(token);
        out.flush();
        return 0;
    }

    static String help() {
        return """
                Usage: java -jar redstream-mcp.jar token --subject NAME --roles ROLE[,ROLE...] [options]

                Mints a JWT for a service identity, in the shape the server verifies (sub, roles, iat, exp, and
                iss/aud/kid when given). The token is printed on stdout; pass it to the server as REDSTREAM_TOKEN.

                Options:
                  --subject NAME               Who the token identifies (required)
                  --roles ROLE[,ROLE...]       Roles it grants (required), e.g. task_read,task_write or admin
                  --ttl DURATION               Lifetime: 90s, 15m, 12h, 30d or ISO-8601; default 1h, at most 24h
                  --jwt-secret-file FILE       HS256 secret as text, at least 32 bytes   env REDSTREAM_JWT_SECRET_FILE
                  --jwt-private-key-file FILE  RSA (>= 2048 bit) or EC P-256 private key, PKCS#8 PEM (RS256/ES256)
                                                                                        env REDSTREAM_JWT_PRIVATE_KEY_FILE
                  --jwt-issuer ISSUER          'iss' claim                               env REDSTREAM_JWT_ISSUER
                  --jwt-audience AUDIENCE      'aud' claim                               env REDSTREAM_JWT_AUDIENCE
                  --key-id KID                 'kid' header
                  --help, -h                   Print this help

                Example:
                  export REDSTREAM_TOKEN=$(java -jar redstream-mcp.jar token --jwt-secret-file jwt.secret \\
                      --subject planner --roles task_read,task_write --ttl 8h)
                  java -jar redstream-mcp.jar --jwt-secret-file jwt.secret
                """;
    }
}
