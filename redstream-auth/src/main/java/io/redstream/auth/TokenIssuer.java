package io.redstream.auth;

import static java.util.Objects.requireNonNull;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.redstream.auth.internal.Identifiers;
import io.redstream.auth.internal.JwtAlgorithms;
import java.security.Key;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mints JWTs for service identities, in exactly the shape {@link Authenticator} accepts: {@code sub},
 * {@code roles} (array of role names), {@code iat}, {@code exp} and, when configured, {@code iss}, {@code aud}
 * and the {@code kid} header. Signed HS256 with a secret of at least 32 bytes, or RS256/ES256 with an RSA
 * (≥ 2048 bits) or EC P-256 private key.
 *
 * <pre>{@code
 * TokenIssuer issuer = TokenIssuer.builder().hmacSecret(secret).issuer("redstream").build();
 * String token = issuer.issue("task-router", Set.of("task_read", "task_write"));
 * }</pre>
 *
 * <p>Immutable configuration; thread-safe.
 */
public final class TokenIssuer {
    /** Lifetime of a token issued without an explicit TTL, unless {@link Builder#defaultTtl} says otherwise: 1 hour. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /**
     * Default longest TTL {@link #issue(String, Set, Duration)} accepts: the verifier's default maximum lifetime
     * ({@link Authenticator#DEFAULT_MAX_TOKEN_LIFETIME}), so an issued token is never too long-lived to be accepted.
     */
    public static final Duration DEFAULT_MAX_LIFETIME = Authenticator.DEFAULT_MAX_TOKEN_LIFETIME;

    private final Key key;
    private final SecureDigestAlgorithm<Key, ?> algorithm;
    private final String keyId;
    private final String issuer;
    private final String audience;
    private final Duration defaultTtl;
    private final Duration maxLifetime;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    private TokenIssuer(Builder b) {
        this.key = b.key;
        this.algorithm = (SecureDigestAlgorithm<Key, ?>) JwtAlgorithms.of(b.algorithm);
        this.keyId = b.keyId;
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.defaultTtl = b.defaultTtl;
        this.maxLifetime = b.maxLifetime;
        this.clock = b.clock;
    }

    /**
     * Starts a token issuer; see {@link Builder} for the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A token for {@code subject} with {@code roles}, valid for the default TTL.
     *
     * @param subject the {@code sub} claim; the rules of {@link Principal#subject()} apply
     * @param roles   the {@code roles} claim; each a valid role name, possibly empty
     * @return the signed compact JWT
     * @throws IllegalArgumentException when the subject or a role is not acceptable
     */
    public String issue(String subject, Set<String> roles) {
        return issue(subject, roles, defaultTtl);
    }

    /**
     * A token for {@code subject} with {@code roles}, valid for {@code ttl} from now (whole seconds). The subject and
     * roles are validated as {@link Authenticator} will, so an issued token is never one it refuses for its claims.
     * Thread-safe.
     *
     * @param subject the {@code sub} claim; the rules of {@link Principal#subject()} apply
     * @param roles   the {@code roles} claim; each a valid role name, possibly empty
     * @param ttl     how long the token is valid: at least 1 second, at most the maximum lifetime
     * @return the signed compact JWT
     * @throws IllegalArgumentException when the subject or a role is not acceptable, or {@code ttl} is not positive
     *                                  or exceeds the maximum lifetime
     */
    public String issue(String subject, Set<String> roles, Duration ttl) {
        String problem = Identifiers.subjectProblem(subject);
        if (problem != null) {
            throw new IllegalArgumentException("subject " + problem);
        }
        requireNonNull(roles, "roles");
        requireNonNull(ttl, "ttl");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("ttl must be between 1 second and " + maxLifetime + ", but was "
                    + ttl);
        }
        // Validated exactly as the verifier will, so an issued token is never one the verifier refuses.
        Principal checked = new Principal(subject, roles, new AuthMethod.Jwt(keyId, issuer));
        // JWT times are whole seconds; truncating first keeps exp - iat exactly the ttl.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JwtBuilder jwt = Jwts.builder();
        if (keyId != null) {
            jwt.header().keyId(keyId).and();
        }
        jwt.subject(subject)
                .claim("roles", List.copyOf(new TreeSet<>(checked.roles())))
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl.truncatedTo(ChronoUnit.SECONDS))));
        if (issuer != null) {
            jwt.issuer(issuer);
        }
        if (audience != null) {
            jwt.audience().add(audience).and();
        }
        return jwt.signWith(key, algorithm).compact();
    }

    @Override
    public String toString() {
        return "TokenIssuer[alg=" + algorithm.getId() + (keyId == null ? "" : ", kid=" + keyId)
                + (issuer == null ? "" : ", iss=" + issuer) + "]";
    }

    /**
     * Builder; not thread-safe. A key is required ({@link #hmacSecret} or {@link #privateKey}). Defaults: no key
     * id, issuer or audience; TTL {@link #DEFAULT_TTL} (1 h); maximum lifetime {@link #DEFAULT_MAX_LIFETIME}
     * (24 h); {@link Clock#systemUTC()}.
     */
    public static final class Builder {
        private Key key;
        private String algorithm;
        private String keyId;
        private String issuer;
        private String audience;
        private Duration defaultTtl = DEFAULT_TTL;
        private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Signs HS256 with {@code secret}. Replaces an earlier {@link #privateKey}.
         *
         * @param secret the shared secret, at least 32 bytes (256 bits); copied
         * @return this builder
         * @throws IllegalArgumentException when the secret is shorter than 32 bytes
         */
        public Builder hmacSecret(byte[] secret) {
            requireNonNull(secret, "secret");
            this.key = JwtAlgorithms.hmacKey("hmacSecret", secret.clone());
            this.algorithm = JwtAlgorithms.HS256;
            return this;
        }

        /**
         * Signs RS256 with an RSA private key or ES256 with an EC P-256 private key. Replaces an earlier
         * {@link #hmacSecret}.
         *
         * @param key the signing key, RSA of at least 2048 bits or EC P-256 (see {@link KeyFiles#readPrivateKey})
         * @return this builder
         * @throws IllegalArgumentException when the key is neither
         */
        public Builder privateKey(PrivateKey key) {
            requireNonNull(key, "key");
            this.algorithm = JwtAlgorithms.forAsymmetricKey("privateKey", key);
            this.key = key;
            return this;
        }

        /**
         * The {@code kid} header, naming the verification key. Default none.
         *
         * @param keyId the key id the verifier knows the key by, not blank
         * @return this builder
         * @throws IllegalArgumentException when {@code keyId} is blank
         */
        public Builder keyId(String keyId) {
            requireNonNull(keyId, "keyId");
            if (keyId.isBlank()) {
                throw new IllegalArgumentException("keyId must not be blank");
            }
            this.keyId = keyId;
            return this;
        }

        /**
         * The {@code iss} claim. Default none.
         *
         * @param issuer the issuer the verifier expects
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * The {@code aud} claim (a single audience). Default none.
         *
         * @param audience the audience the verifier expects
         * @return this builder
         */
        public Builder audience(String audience) {
            this.audience = requireNonNull(audience, "audience");
            return this;
        }

        /**
         * Lifetime of tokens issued without an explicit TTL. Default 1 h; checked against the maximum lifetime in
         * {@link #build()}.
         *
         * @param defaultTtl at least 1 second, at most the maximum lifetime
         * @return this builder
         */
        public Builder defaultTtl(Duration defaultTtl) {
            this.defaultTtl = requireNonNull(defaultTtl, "defaultTtl");
            return this;
        }

        /**
         * Longest TTL {@link TokenIssuer#issue(String, Set, Duration)} accepts; keep it at or below the verifier's
         * maximum. Default 24 h.
         *
         * @param maxLifetime a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code maxLifetime} is zero or negative
         */
        public Builder maxLifetime(Duration maxLifetime) {
            requireNonNull(maxLifetime, "maxLifetime");
            if (maxLifetime.isNegative() || maxLifetime.isZero()) {
                throw new IllegalArgumentException("maxLifetime must be positive, but was " + maxLifetime);
            }
            this.maxLifetime = maxLifetime;
            return this;
        }

        /**
         * Source of {@code iat} (and so of {@code exp}). Default {@link Clock#systemUTC()}.
         *
         * @param clock the clock; tests pass a fixed one
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the issuer.
         *
         * @return the issuer; later changes to this builder do not affect it
         * @throws IllegalArgumentException when no key is set or the default TTL is shorter than 1 second or exceeds
         *                                  the maximum lifetime
         */
        public TokenIssuer build() {
            if (key == null) {
                throw new IllegalArgumentException("a signing key is required: call hmacSecret or privateKey");
            }
            if (defaultTtl.compareTo(Duration.ofSeconds(1)) < 0 || defaultTtl.compareTo(maxLifetime) > 0) {
                throw new IllegalArgumentException("defaultTtl must be between 1 second and maxLifetime "
                        + maxLifetime + ", but was " + defaultTtl);
            }
            return new TokenIssuer(this);
        }
    }
}
