package io.redstream.auth;

import static java.util.Objects.requireNonNull;

import io.redstream.auth.internal.ApiKeyFormat;
import io.redstream.auth.internal.ApiKeysFile;
import io.redstream.auth.internal.JwtAlgorithms;
import io.redstream.auth.internal.JwtKey;
import io.redstream.auth.internal.JwtVerifier;
import io.redstream.auth.internal.TokenCache;
import io.redstream.core.AuthenticationException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns a credential into a {@link Principal}: the entry point of the auth module.
 *
 * <pre>{@code
 * Authenticator auth = Authenticator.builder()
 *         .hmacSecret(secretBytes)                 // HS256, at least 32 bytes
 *         .issuer("https://id.example").audience("redstream")
 *         .apiKeys(ApiKeys.load(Path.of("keys.txt")))
 *         .build();
 * Principal p = auth.authenticate(credential);     // JWT or rsk_ API key
 * AccessGuard guard = policy.guardFor(p);
 * }</pre>
 *
 * <p>A credential starting with {@code rsk_} is an API key ({@link ApiKeys}); anything else is a JWT, verified
 * with the key named by its {@code kid} header (or the only key) and only with the algorithm that key allows:
 * HS256 for a secret, RS256 for an RSA public key, ES256 for an EC P-256 public key. {@code exp} is required,
 * the lifetime is bounded, {@code iss}/{@code aud} are required when configured, {@code nbf} and a future
 * {@code iat} are rejected (with clock skew), {@code sub} and {@code roles} (an array of role names) are required.
 * Every rejection is an {@link AuthenticationException} whose message says what was wrong without echoing the
 * credential. See {@code docs/security.md}.
 *
 * <p>Verified JWTs are cached per token until they expire (bounded by the maximum lifetime and
 * {@link Builder#tokenCacheSize}), so a token presented on every call is verified once.
 *
 * <p>Immutable configuration; thread-safe. Holds no resources, so there is nothing to close.
 */
public final class Authenticator {
    /** Default longest accepted JWT lifetime ({@code exp - iat}): 24 hours; see {@link Builder#maxTokenLifetime}. */
    public static final Duration DEFAULT_MAX_TOKEN_LIFETIME = Duration.ofHours(24);
    /** Default tolerance of the time claims against the clock: 60 seconds; see {@link Builder#clockSkew}. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** Default number of verified tokens remembered; see {@link Builder#tokenCacheSize}. */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    /** Credentials longer than this are refused before any parsing. */
    public static final int MAX_CREDENTIAL_LENGTH = 8192;

    /** How often an API-keys file given to {@link Builder#apiKeysFile} is looked at for changes. */
    public static final Duration DEFAULT_API_KEYS_RELOAD_INTERVAL = Duration.ofSeconds(1);

    private final JwtVerifier jwt;
    private final ApiKeys apiKeys;
    private final ApiKeysFile apiKeysFile;
    private final TokenCache cache;
    private final Clock clock;

    private Authenticator(Builder b) {
        this.clock = b.clock;
        this.apiKeys = b.apiKeys;
        this.apiKeysFile = b.apiKeysFile == null ? null
                : new ApiKeysFile(b.apiKeysFile, b.clock, DEFAULT_API_KEYS_RELOAD_INTERVAL);
        this.cache = new TokenCache(b.tokenCacheSize);
        if (b.keys.isEmpty()) {
            this.jwt = null;
        } else {
            java.util.List<JwtKey> keys = new java.util.ArrayList<>();
            b.keys.forEach(k -> keys.add(k.spec() instanceof PublicKey pk
                    ? JwtKey.publicKey(k.keyId(), pk, b.clock, b.clockSkew)
                    : JwtKey.hmac(k.keyId(), JwtAlgorithms.hmacKey("hmacSecret", (byte[]) k.spec()), b.clock,
                            b.clockSkew)));
            this.jwt = new JwtVerifier(keys, b.issuer, b.audience, b.maxTokenLifetime, b.clockSkew, b.clock);
        }
    }

    /**
     * Starts an authenticator; see {@link Builder} for the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The principal {@code credential} (a JWT or an {@code rsk_} API key) proves. A JWT verified before and not yet
     * expired is answered from the cache. Thread-safe.
     *
     * @param credential the credential as presented (without a {@code Bearer } prefix), at most
     *                   {@value #MAX_CREDENTIAL_LENGTH} characters
     * @return the authenticated principal, with the roles the credential grants
     * @throws AuthenticationException when the credential is missing, malformed, expired or not valid, or its kind
     *                                 (JWT or API key) is not configured; the message says which and never echoes
     *                                 the credential
     */
    public Principal authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            throw new AuthenticationException("no credential given: present a JWT or an API key");
        }
        if (credential.length() > MAX_CREDENTIAL_LENGTH) {
            throw new AuthenticationException("credential is too long: " + credential.length()
                    + " characters, at most " + MAX_CREDENTIAL_LENGTH);
        }
        if (credential.startsWith(ApiKeyFormat.PREFIX)) {
            ApiKeys keys = apiKeysFile != null ? apiKeysFile.current() : apiKeys;
            if (keys == null) {
                throw new AuthenticationException("API key authentication is not configured");
            }
            return keys.authenticate(credential, clock.instant());
        }
        if (jwt == null) {
            throw new AuthenticationException("JWT authentication is not configured");
        }
        long now = clock.millis();
        Principal cached = cache.get(credential, now);
        if (cached != null) {
            return cached;
        }
        JwtVerifier.Verified verified = jwt.verify(credential);
        cache.put(credential, verified.principal(), verified.expiresAt().toEpochMilli(), now);
        return verified.principal();
    }

    /**
     * Whether JWTs are accepted.
     *
     * @return {@code true} when at least one JWT key is configured
     */
    public boolean acceptsJwt() {
        return jwt != null;
    }

    /**
     * Whether API keys are accepted.
     *
     * @return {@code true} when an {@link ApiKeys} store or an API-keys file is configured
     */
    public boolean acceptsApiKeys() {
        return apiKeys != null || apiKeysFile != null;
    }

    /** Forgets every cached token verification, for example after rotating keys. */
    public void clearTokenCache() {
        cache.clear();
    }

    @Override
    public String toString() {
        return "Authenticator[jwt=" + (jwt != null) + ", apiKeys=" + (apiKeysFile != null ? "file"
                : apiKeys == null ? "off" : String.valueOf(apiKeys.size())) + "]";
    }

    /**
     * Builder; not thread-safe. Defaults: no JWT keys, no API keys, no issuer or audience requirement, maximum token
     * lifetime {@link #DEFAULT_MAX_TOKEN_LIFETIME} (24 h), clock skew {@link #DEFAULT_CLOCK_SKEW} (60 s), token
     * cache {@value #DEFAULT_TOKEN_CACHE_SIZE} entries, {@link Clock#systemUTC()}. At least one JWT key or an
     * {@link ApiKeys} store is required.
     */
    public static final class Builder {
        /** A key id (null for a key tokens choose by algorithm) and a {@code byte[]} HMAC secret or {@link PublicKey}. */
        private record KeySpec(String keyId, Object spec) {
        }

        private final java.util.List<KeySpec> keys = new java.util.ArrayList<>();
        private String issuer;
        private String audience;
        private Duration maxTokenLifetime = DEFAULT_MAX_TOKEN_LIFETIME;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private int tokenCacheSize = DEFAULT_TOKEN_CACHE_SIZE;
        private ApiKeys apiKeys;
        private java.nio.file.Path apiKeysFile;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Accepts HS256 tokens signed with {@code secret}, with no {@code kid} header.
         *
         * @param secret the shared secret, at least 32 bytes; copied
         * @return this builder
         * @throws IllegalArgumentException when the secret is shorter than 32 bytes, or another key without key id
         *                                  already uses HS256
         */
        public Builder hmacSecret(byte[] secret) {
            return hmacSecret(null, secret);
        }

        /**
         * Accepts HS256 tokens whose {@code kid} header is {@code keyId}, signed with {@code secret}.
         *
         * @param keyId  the key id tokens name in their {@code kid} header, not blank and unique; null for none
         * @param secret the shared secret, at least 32 bytes; copied
         * @return this builder
         * @throws IllegalArgumentException when the secret is too short, {@code keyId} is blank or already configured,
         *                                  or {@code keyId} is null and another key without key id uses HS256
         */
        public Builder hmacSecret(String keyId, byte[] secret) {
            requireNonNull(secret, "secret");
            JwtAlgorithms.hmacKey("hmacSecret", secret);
            return addKey(keyId, secret.clone());
        }

        /**
         * Accepts tokens signed by the private half of {@code key}, with no {@code kid}: RS256 for an RSA key of at
         * least 2048 bits, ES256 for an EC P-256 key.
         *
         * @param key the verification key (see {@link KeyFiles#readPublicKey} to read one from PEM)
         * @return this builder
         * @throws IllegalArgumentException when the key is neither an RSA key of at least 2048 bits nor an EC P-256
         *                                  key, or another key without key id uses the same algorithm
         */
        public Builder publicKey(PublicKey key) {
            return publicKey(null, key);
        }

        /**
         * As {@link #publicKey(PublicKey)}, for tokens whose {@code kid} header is {@code keyId}.
         *
         * @param keyId the key id tokens name in their {@code kid} header, not blank and unique; null for none
         * @param key   the verification key, RSA (at least 2048 bits) or EC P-256
         * @return this builder
         * @throws IllegalArgumentException when the key is not acceptable, {@code keyId} is blank or already
         *                                  configured, or {@code keyId} is null and another key without key id uses
         *                                  the same algorithm
         */
        public Builder publicKey(String keyId, PublicKey key) {
            requireNonNull(key, "key");
            JwtAlgorithms.forAsymmetricKey("publicKey", key);
            return addKey(keyId, key);
        }

        private Builder addKey(String keyId, Object key) {
            if (keyId != null && keyId.isBlank()) {
                throw new IllegalArgumentException("keyId must not be blank");
            }
            String algorithm = key instanceof PublicKey pk ? JwtAlgorithms.forAsymmetricKey("publicKey", pk) : "HS256";
            for (KeySpec k : keys) {
                if (keyId != null && keyId.equals(k.keyId())) {
                    throw new IllegalArgumentException("keyId must be unique, but '" + keyId + "' is configured twice");
                }
                if (keyId == null && k.keyId() == null && algorithm.equals(k.spec() instanceof PublicKey pk
                        ? JwtAlgorithms.forAsymmetricKey("publicKey", pk) : "HS256")) {
                    throw new IllegalArgumentException("two keys without keyId use " + algorithm + ": tokens without"
                            + " a 'kid' header could not tell them apart; give each a keyId");
                }
            }
            keys.add(new KeySpec(keyId, key));
            return this;
        }

        /**
         * Requires {@code iss} to equal {@code issuer}. Default: {@code iss} not checked.
         *
         * @param issuer the expected issuer, not blank
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = requireNonBlank(issuer, "issuer");
            return this;
        }

        /**
         * Requires {@code aud} to contain {@code audience}. Default: {@code aud} not checked.
         *
         * @param audience the expected audience, not blank
         * @return this builder
         */
        public Builder audience(String audience) {
            this.audience = requireNonBlank(audience, "audience");
            return this;
        }

        /**
         * Longest accepted token lifetime ({@code exp - iat}); also bounds how long a verified token stays cached.
         * Default 24 h.
         *
         * @param maxTokenLifetime a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code maxTokenLifetime} is zero or negative
         */
        public Builder maxTokenLifetime(Duration maxTokenLifetime) {
            requireNonNull(maxTokenLifetime, "maxTokenLifetime");
            if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
                throw new IllegalArgumentException("maxTokenLifetime must be positive, but was " + maxTokenLifetime);
            }
            this.maxTokenLifetime = maxTokenLifetime;
            return this;
        }

        /**
         * Tolerance for {@code exp}, {@code nbf} and {@code iat} against the clock. Default 60 s.
         *
         * @param clockSkew between zero and 10 minutes
         * @return this builder
         * @throws IllegalArgumentException when {@code clockSkew} is negative or longer than 10 minutes
         */
        public Builder clockSkew(Duration clockSkew) {
            requireNonNull(clockSkew, "clockSkew");
            if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("clockSkew must be between 0 and 10 minutes, but was "
                        + clockSkew);
            }
            this.clockSkew = clockSkew;
            return this;
        }

        /**
         * How many verified tokens to remember. Default {@value #DEFAULT_TOKEN_CACHE_SIZE}.
         *
         * @param tokenCacheSize between 0 (cache off: every call verifies the signature) and 1,000,000
         * @return this builder
         * @throws IllegalArgumentException when {@code tokenCacheSize} is out of range
         */
        public Builder tokenCacheSize(int tokenCacheSize) {
            if (tokenCacheSize < 0 || tokenCacheSize > 1_000_000) {
                throw new IllegalArgumentException("tokenCacheSize must be between 0 and 1000000, but was "
                        + tokenCacheSize);
            }
            this.tokenCacheSize = tokenCacheSize;
            return this;
        }

        /**
         * Accepts the API keys in {@code apiKeys}, a fixed set. Default: API keys are refused. Replaces an earlier
         * {@link #apiKeysFile}.
         *
         * @param apiKeys the stored keys
         * @return this builder
         */
        public Builder apiKeys(ApiKeys apiKeys) {
            this.apiKeys = requireNonNull(apiKeys, "apiKeys");
            this.apiKeysFile = null;
            return this;
        }

        /**
         * Accepts the API keys in {@code file}, read at {@link #build()} and read again whenever it changes (looked at
         * at most every {@link Authenticator#DEFAULT_API_KEYS_RELOAD_INTERVAL}): a key removed or revoked there stops
         * working without a restart. While the file is unreadable or invalid every API key is refused. Replaces an
         * earlier {@link #apiKeys}.
         *
         * @param file an API-keys file (format in {@link ApiKeyRecord})
         * @return this builder
         */
        public Builder apiKeysFile(java.nio.file.Path file) {
            this.apiKeysFile = requireNonNull(file, "file");
            this.apiKeys = null;
            return this;
        }

        /**
         * The time source for expiry checks and the cache. Default {@link Clock#systemUTC()}.
         *
         * @param clock the clock; tests pass a fixed one
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the authenticator; with an API-keys file, reads it once now.
         *
         * @return the authenticator; later changes to this builder do not affect it
         * @throws IllegalArgumentException when nothing is configured or the API-keys file is invalid
         * @throws java.io.UncheckedIOException when the API-keys file cannot be read
         */
        public Authenticator build() {
            if (keys.isEmpty() && apiKeys == null && apiKeysFile == null) {
                throw new IllegalArgumentException("configure at least one JWT key (hmacSecret/publicKey) or"
                        + " apiKeys; an authenticator that accepts nothing is a configuration mistake");
            }
            return new Authenticator(this);
        }

        private static String requireNonBlank(String value, String name) {
            requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
