package io.redstream.mcp.server;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.common.McpTransportContext;
import io.redstream.auth.Authenticator;
import io.redstream.auth.KeyFiles;
import io.redstream.auth.Policy;
import io.redstream.auth.Principal;
import io.redstream.core.AuthenticationException;
import io.redstream.core.Redaction;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.tool.CallerResolver;

/**
 * Who may call and what they may do: the authenticator made from the key flags, the role policy, and — on stdio —
 * the caller proven by {@code REDSTREAM_TOKEN}, checked on every call (verified JWTs are cached until they
 * expire, and an API-keys file is re-read when it changes, so expiry and revocation take effect mid-session).
 * With no authentication configured the caller is the local admin of the namespace. Immutable; thread-safe.
 */
public final class Identity {

    private static final Logger log = LoggerFactory.getLogger(Identity.class);

    /** One instance, so that views of the local admin are found by identity. */
    private static final Principal LOCAL_ADMIN = Principal.localAdmin();

    private final Authenticator authenticator;
    private final Policy policy;
    private final String token;

    private Identity(Authenticator authenticator, Policy policy, String token) {
        this.authenticator = authenticator;
        this.policy = policy;
        this.token = token;
    }

    /**
     * Reads the key files and the policy.
     *
     * @throws StartupException naming the flag whose file cannot be used
     */
    public static Identity of(ServerConfig config) {
        Policy policy;
        try {
            Policy.Builder b = Policy.builder();
            config.policyFile().ifPresent(b::policyFile);
            policy = b.build();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new StartupException("--policy-file: " + Redaction.redact(e.getMessage()));
        }
        if (!config.authenticationConfigured()) {
            return new Identity(null, policy, config.token().orElse(null));
        }
        Authenticator.Builder b = Authenticator.builder();
        config.jwtIssuer().ifPresent(b::issuer);
        config.jwtAudience().ifPresent(b::audience);
        config.jwtSecretFile().ifPresent(f -> load("--jwt-secret-file", f, () -> b.hmacSecret(KeyFiles.readHmacSecret(f))));
        config.jwtPublicKeyFile().ifPresent(f -> load("--jwt-public-key-file", f,
                () -> b.publicKey(KeyFiles.readPublicKey(f))));
        config.apiKeysFile().ifPresent(b::apiKeysFile);
        Authenticator authenticator;
        try {
            authenticator = b.build();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new StartupException("--api-keys-file " + config.apiKeysFile().map(Path::toString).orElse("")
                    + ": " + Redaction.redact(e.getMessage()));
        }
        return new Identity(authenticator, policy, config.token().orElse(null));
    }

    private static void load(String flag, Path file, Runnable loader) {
        try {
            loader.run();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new StartupException(flag + " " + file + ": " + Redaction.redact(e.getMessage()));
        }
    }

    public Policy policy() {
        return policy;
    }

    /** Null when the server runs without authentication. */
    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * The stdio caller as the server starts, for the start-up log and the identity written as {@code _source};
     * null when the token is missing or refused (every call then fails with {@code UNAUTHENTICATED}).
     */
    public Principal startupCaller(Consumer<String> warn) {
        if (authenticator == null) {
            warn.accept("no authentication configured (--jwt-secret-file, --jwt-public-key-file, --api-keys-file):"
                    + " stdio callers act as local admin of the namespace '" + policy.naming().namespace() + "'"
                    + (token != null ? "; REDSTREAM_TOKEN is ignored" : ""));
            return LOCAL_ADMIN;
        }
        if (token == null) {
            warn.accept("authentication is configured but REDSTREAM_TOKEN is not set: every tool call will be refused"
                    + " with UNAUTHENTICATED");
            return null;
        }
        try {
            Principal p = authenticator.authenticate(token);
            log.info("caller: {}", p);
            return p;
        } catch (AuthenticationException e) {
            warn.accept("REDSTREAM_TOKEN was refused (" + Redaction.redact(e.getMessage()) + "): every tool call will"
                    + " be refused with UNAUTHENTICATED");
            return null;
        }
    }

    /** The caller of every stdio call: whoever {@code REDSTREAM_TOKEN} proves right now. */
    public CallerResolver stdioCallers() {
        return (McpTransportContext context) -> {
            if (authenticator == null) {
                return LOCAL_ADMIN;
            }
            if (token == null) {
                throw new AuthenticationException("this server requires authentication: set REDSTREAM_TOKEN in the"
                        + " server's environment to a JWT or an API key (rsk_...)");
            }
            try {
                return authenticator.authenticate(token);
            } catch (AuthenticationException e) {
                throw new AuthenticationException("REDSTREAM_TOKEN was refused: " + e.getMessage()
                        + "; restart the server with a valid token");
            }
        };
    }
}
