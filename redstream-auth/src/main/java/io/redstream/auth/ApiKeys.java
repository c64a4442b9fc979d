package io.redstream.auth;

import static java.util.Objects.requireNonNull;

import io.redstream.auth.internal.ApiKeyFileParser;
import io.redstream.auth.internal.ApiKeyFormat;
import io.redstream.core.AuthenticationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored API keys: for each key id, the SHA-256 of the key, its roles, optional expiry and revoked flag
 * (see {@link ApiKeyRecord} for the file format). Keys themselves are never stored.
 *
 * <pre>{@code
 * GeneratedApiKey generated = new ApiKeyGenerator().generate(Set.of("task_read"));
 * Files.writeString(file, generated.storeLine() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
 * ApiKeys keys = ApiKeys.load(file);
 * Principal p = keys.authenticate(generated.key(), Instant.now());   // usually via Authenticator
 * }</pre>
 *
 * <p>Checking a key hashes it once and compares the hash in constant time ({@link MessageDigest#isEqual}). An
 * unknown id is compared against a random dummy hash, so it costs the same as a wrong secret, and both fail with
 * the same message: a caller cannot learn which ids exist. Revocation and expiry are reported distinctly, but only
 * to a caller who presented the correct key.
 *
 * <p>Immutable and thread-safe. To change the keys (revoke, add), edit the file and load a new instance, or give
 * {@link Authenticator.Builder#apiKeysFile} the file to have it reloaded on change.
 */
public final class ApiKeys {
    /** API-keys files larger than this are refused. */
    public static final int MAX_FILE_BYTES = 4 << 20;

    private record Stored(ApiKeyRecord record, byte[] hash, Principal principal) {
    }

    private static final ApiKeys EMPTY = new ApiKeys(List.of());

    private final Map<String, Stored> byId;
    private final byte[] dummyHash = new byte[32];

    private ApiKeys(Collection<ApiKeyRecord> records) {
        Map<String, Stored> map = new LinkedHashMap<>();
        for (ApiKeyRecord r : records) {
            requireNonNull(r, "record");
            Principal principal = new Principal(r.effectiveSubject(), r.roles(), new AuthMethod.ApiKey(r.id()));
            if (map.put(r.id(), new Stored(r, ApiKeyFormat.parseSha256Hex(r.sha256Hex()), principal)) != null) {
                throw new IllegalArgumentException("API key id '" + r.id() + "' is defined twice");
            }
        }
        this.byId = Map.copyOf(map);
        new SecureRandom().nextBytes(dummyHash);
    }

    /**
     * A store with no keys: every API key is refused as not valid.
     *
     * @return the shared empty store
     */
    public static ApiKeys empty() {
        return EMPTY;
    }

    /**
     * A store of {@code records}, for keys kept somewhere other than a file.
     *
     * @param records the records; revoked and expired ones are kept and reported as such
     * @return the store
     * @throws IllegalArgumentException when two records have the same id
     * @throws NullPointerException     when {@code records} or one of them is null
     */
    public static ApiKeys of(Collection<ApiKeyRecord> records) {
        requireNonNull(records, "records");
        return new ApiKeys(records);
    }

    /**
     * Loads an API-keys file (UTF-8, at most {@value #MAX_FILE_BYTES} bytes, one {@link ApiKeyRecord#toLine()} per
     * line).
     *
     * @param file the API-keys file
     * @return the store
     * @throws IllegalArgumentException naming the line and the field that is wrong, or when the file is too large
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static ApiKeys load(Path file) {
        requireNonNull(file, "file");
        String content;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("API keys file " + file + " must be at most " + MAX_FILE_BYTES
                        + " bytes, but has " + size);
            }
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("API keys file " + file + " cannot be read: " + e, e);
        }
        return parse(content, file.toString());
    }

    /**
     * Parses API-keys file content.
     *
     * @param content the file content
     * @param source  names the content in error messages, for example the file name
     * @return the store
     * @throws IllegalArgumentException naming the line and the field that is wrong
     */
    public static ApiKeys parse(String content, String source) {
        requireNonNull(content, "content");
        requireNonNull(source, "source");
        return new ApiKeys(ApiKeyFileParser.parse(content, source));
    }

    /**
     * The principal of {@code apiKey}. Thread-safe.
     *
     * @param apiKey the key as presented, {@code rsk_<id>_<secret>}
     * @param now    the time expiry is judged at
     * @return the principal the key's record describes, with {@link AuthMethod.ApiKey}
     * @throws AuthenticationException "API key is not valid" for an unknown id or a wrong secret (the same
     *                                 message, and the same work, for both); a distinct message when the key is
     *                                 malformed, revoked or expired at {@code now}
     */
    public Principal authenticate(String apiKey, Instant now) {
        requireNonNull(apiKey, "apiKey");
        requireNonNull(now, "now");
        String id = ApiKeyFormat.idOf(apiKey);
        if (id == null) {
            throw new AuthenticationException("API key is malformed: expected rsk_<id>_<secret> with a "
                    + ApiKeyFormat.ID_LENGTH + "-character [a-z0-9] id and a " + ApiKeyFormat.SECRET_LENGTH
                    + "-character base64url secret");
        }
        byte[] presented = ApiKeyFormat.hash(apiKey);
        Stored stored = byId.get(id);
        boolean match = MessageDigest.isEqual(presented, stored != null ? stored.hash : dummyHash);
        if (!match || stored == null) {
            throw new AuthenticationException("API key is not valid");
        }
        ApiKeyRecord r = stored.record;
        if (r.revoked()) {
            throw new AuthenticationException("API key '" + id + "' has been revoked");
        }
        if (r.expiresAt() != null && !now.isBefore(r.expiresAt())) {
            throw new AuthenticationException("API key '" + id + "' expired at " + r.expiresAt());
        }
        return stored.principal;
    }

    /**
     * The stored record for {@code id}, for administration (listing, revoking); not for authentication.
     *
     * @param id a key's public id
     * @return the record, or empty when no key has that id
     */
    public Optional<ApiKeyRecord> find(String id) {
        Stored s = byId.get(requireNonNull(id, "id"));
        return s == null ? Optional.empty() : Optional.of(s.record);
    }

    /**
     * How many keys are stored, revoked and expired ones included.
     *
     * @return the number of records
     */
    public int size() {
        return byId.size();
    }

    @Override
    public String toString() {
        return "ApiKeys[" + byId.size() + " keys]";
    }
}
