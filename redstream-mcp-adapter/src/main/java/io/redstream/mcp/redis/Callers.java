package io.redstream.mcp.redis;

import static java.util.Objects.requireNonNull;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.auth.ApiKeys;
import io.redstream.auth.Authenticator;
import io.redstream.auth.KeyFiles;
import io.redstream.auth.Policy;
import io.redstream.auth.Principal;
import io.redstream.core.AuthenticationException;
import io.redstream.core.RedStream;
import io.redstream.mcp.ServerConfig;
import io.redstream.mcp.StartupException;
import io.redstream.mcp.internal.Redaction;
import io.redstream.mcp.tools.CallerResolver;
import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.ToolContext;
import io.redstream.mcp.tools.ToolException;

/**
 * Who calls, and the RedStream view they may use.
 *
 * <p>On stdio the caller is whoever {@code REDSTREAM_TOKEN} (a JWT or an {@code rsk_} API key) proves,
 * checked on every call with the configured {@link Authenticator}s (verified JWTs are cached until they
 * expire, so an expired token starts failing mid-session as it should). With no authentication
 * configured the caller is {@link Principal#localAdmin()}. Every tool then works on
 * {@code rs.withGuard(policy.guardFor(principal))}: core checks each operation against the role policy
 * before it sends a command. Views are cached per principal.
 *
 * <p>Thread-safe.
 */
final class Callers implements CallerResolver {

    private static final Logger log = LoggerFactory.getLogger(Callers.class);
    private static final int MAX_CACHED_VIEWS = 256;

    private record ViewKey(RedStream base, Principal principal) {
    }

    private final CredentialVerifier authenticator;
    private final Policy policy;
    private final String token;
    private final RedisBackend backend;
    private final Map<ViewKey, RedStream> views = new ConcurrentHashMap<>();

    private Callers(CredentialVerifier authenticator, Policy policy, String token, RedisBackend backend) {
        this.authenticator = authenticator;
        this.policy = policy;
        this.token = token;
        this.backend = backend;
    }

    /**
     * Reads the key files and the policy.
     *
     * @throws StartupException when a file cannot be used
     */
    static Identity configure(ServerConfig config) {
        Policy policy;
        try {
            Policy.Builder b = Policy.builder();
            config.policyFile().ifPresent(b::policyFile);
            policy = b.build();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new StartupException("--policy-file: " + e.getMessage());
        }
        if (!config.authenticationConfigured()) {
            return new Identity(null, policy, config.token().orElse(null));
        }
        ApiKeys[] apiKeys = new ApiKeys[1];
        config.apiKeysFile().ifPresent(f -> load("--api-keys-file", f, () -> apiKeys[0] = ApiKeys.load(f)));
        Authenticator secret = null;
        Authenticator publicKey = null;
        if (config.jwtSecretFile().isPresent()) {
            Authenticator.Builder b = jwt(config, apiKeys[0]);
            Path f = config.jwtSecretFile().get();
            load("--jwt-secret-file", f, () -> b.hmacSecret(KeyFiles.readHmacSecret(f)));
            secret = b.build();
        }
        if (config.jwtPublicKeyFile().isPresent()) {
            Authenticator.Builder b = jwt(config, secret == null ? apiKeys[0] : null);
            Path f = config.jwtPublicKeyFile().get();
            load("--jwt-public-key-file", f, () -> b.publicKey(KeyFiles.readPublicKey(f)));
            publicKey = b.build();
        }
        if (secret == null && publicKey == null) {
            secret = Authenticator.builder().apiKeys(apiKeys[0]).build();
        }
        return new Identity(new CredentialVerifier(secret, publicKey), policy, config.token().orElse(null));
    }

    private static Authenticator.Builder jwt(ServerConfig config, ApiKeys apiKeys) {
        Authenticator.Builder b = Authenticator.builder();
        config.jwtIssuer().ifPresent(b::issuer);
        config.jwtAudience().ifPresent(b::audience);
        if (apiKeys != null) {
            b.apiKeys(apiKeys);
        }
        return b;
    }

    private static void load(String flag, Path file, Runnable loader) {
        try {
            loader.run();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new StartupException(flag + " " + file + ": " + Redaction.redact(e.getMessage()));
        }
    }

    /** The authentication set-up, before Redis is known. */
    record Identity(CredentialVerifier authenticator, Policy policy, String token) {

        /** Who the token proves right now (for the startup log and the publisher identity), or null. */
        Principal startupPrincipal() {
            if (authenticator == null) {
                log.warn("no authentication configured (--jwt-secret-file, --jwt-public-key-file, --api-keys-file):"
                        + " stdio callers act as local admin of the namespace '{}'{}", policy.naming().namespace(),
                        token != null ? "; REDSTREAM_TOKEN is ignored" : "");
                return Principal.localAdmin();
            }
            if (token == null) {
                log.warn("authentication is configured but REDSTREAM_TOKEN is not set: every tool call will be"
                        + " refused with UNAUTHENTICATED");
                return null;
            }
            try {
                Principal p = authenticator.authenticate(token);
                log.info("caller: {}", p);
                return p;
            } catch (AuthenticationException e) {
                log.warn("REDSTREAM_TOKEN was refused ({}): every tool call will be refused with UNAUTHENTICATED",
                        Redaction.redact(e.getMessage()));
                return null;
            }
        }

        Callers bind(RedisBackend backend) {
            return new Callers(authenticator, policy, token, requireNonNull(backend, "backend"));
        }
    }

    @Override
    public Object resolve(ToolContext context) {
        if (authenticator == null) {
            return Principal.localAdmin();
        }
        if (token == null) {
            throw new ToolException(ErrorCode.UNAUTHENTICATED, "this server requires authentication: set"
                    + " REDSTREAM_TOKEN in the server's environment to a JWT or an API key (rsk_...)");
        }
        try {
            return authenticator.authenticate(token);
        } catch (AuthenticationException e) {
            throw new ToolException(ErrorCode.UNAUTHENTICATED, "REDSTREAM_TOKEN was refused: "
                    + Redaction.redact(e.getMessage()) + "; restart the server with a valid token");
        }
    }

    /** The caller's guarded view of Redis. */
    RedStream view(ToolContext context) {
        Principal principal = context.caller(Principal.class).orElseThrow(
                () -> new ToolException(ErrorCode.UNAUTHENTICATED, "no caller was authenticated for this call"));
        RedStream base = backend.client();
        ViewKey key = new ViewKey(base, principal);
        RedStream view = views.get(key);
        if (view == null) {
            if (views.size() >= MAX_CACHED_VIEWS) {
                views.clear();
            }
            view = base.withGuard(policy.guardFor(principal));
            views.putIfAbsent(key, view);
        }
        return view;
    }

    RedisBackend backend() {
        return backend;
    }
}
