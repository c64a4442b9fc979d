package io.redstream.auth;

import static java.util.Objects.requireNonNull;

import io.redstream.auth.internal.ApiKeyFormat;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Makes new API keys {@code rsk_<id>_<secret>}: a random 12-character {@code [a-z0-9]} id and 32 random bytes of
 * secret, base64url without padding (43 characters), both from {@link SecureRandom}. Returns the key once, with
 * the record (hash, roles, expiry) to store; see {@link ApiKeyCommand} for the command-line form.
 *
 * <p>Thread-safe.
 */
public final class ApiKeyGenerator {
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random;

    /** A generator drawing from a new {@link SecureRandom}. */
    public ApiKeyGenerator() {
        this(new SecureRandom());
    }

    /**
     * A generator with an explicit source of randomness.
     *
     * @param random where ids and secrets come from; it must be a {@link SecureRandom}, because keys are secrets
     */
    public ApiKeyGenerator(SecureRandom random) {
        this.random = requireNonNull(random, "random");
    }

    /**
     * A new key. Thread-safe.
     *
     * @param roles     roles the key grants, at least one
     * @param subject   the principal's subject, or null for {@code apikey:<id>}
     * @param expiresAt when the key stops working, or null for never
     * @return the key and the record to store
     * @throws IllegalArgumentException when {@code roles} is empty or holds an invalid role name, or {@code subject}
     *                                  is not acceptable (see {@link ApiKeyRecord})
     */
    public GeneratedApiKey generate(Set<String> roles, String subject, Instant expiresAt) {
        requireNonNull(roles, "roles");
        StringBuilder id = new StringBuilder(ApiKeyFormat.ID_LENGTH);
        for (int i = 0; i < ApiKeyFormat.ID_LENGTH; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        byte[] secret = new byte[ApiKeyFormat.SECRET_BYTES];
        random.nextBytes(secret);
        String key = ApiKeyFormat.PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = ApiKeyFormat.hex(ApiKeyFormat.hash(key));
        return new GeneratedApiKey(key, new ApiKeyRecord(id.toString(), hash, roles, subject, expiresAt, false));
    }

    /**
     * A new key that never expires, with the default subject {@code apikey:<id>}.
     *
     * @param roles roles the key grants, at least one
     * @return the key and the record to store
     * @throws IllegalArgumentException when {@code roles} is empty or holds an invalid role name
     */
    public GeneratedApiKey generate(Set<String> roles) {
        return generate(roles, null, null);
    }
}
