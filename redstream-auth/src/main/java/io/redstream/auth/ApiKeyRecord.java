package io.redstream.auth;

import io.redstream.auth.internal.ApiKeyFormat;
import io.redstream.auth.internal.Identifiers;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import static java.util.Objects.requireNonNull;

/**
 * What is stored for one API key: never the key, only its SHA-256. One line of an API-keys file:
 *
 * <pre>{@code
 * <id> sha256:<64 hex> roles=<role>[,<role>...] [subject=<name>] [expires=<ISO-8601 instant>] [revoked]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id        the 12-character public id ({@code [a-z0-9]})
 * @param sha256Hex SHA-256 of the whole key {@code rsk_<id>_<secret>}, lower-case hex
 * @param roles     roles the key grants, at least one
 * @param subject   the principal's subject; null means {@code apikey:<id>}
 * @param expiresAt when the key stops working; null for never
 * @param revoked   whether the key has been revoked
 */
public record ApiKeyRecord(String id, String sha256Hex, Set<String> roles, String subject, Instant expiresAt,
        boolean revoked) {
    /**
     * Validates the components; the hash is kept in lower case and the roles sorted.
     *
     * @param id        the 12-character public id ({@code [a-z0-9]})
     * @param sha256Hex SHA-256 of the whole key, 64 hex digits of either case
     * @param roles     roles the key grants, at least one
     * @param subject   the principal's subject, without whitespace; null means {@code apikey:<id>}
     * @param expiresAt when the key stops working; null for never
     * @param revoked   whether the key has been revoked
     * @throws IllegalArgumentException when the id is not 12 characters of {@code [a-z0-9]}, the hash is not 64 hex
     *                                  digits, the roles are empty or invalid, or the subject is not acceptable or
     *                                  contains whitespace
     * @throws NullPointerException     when {@code id}, {@code sha256Hex} or {@code roles} is null
     */
    public ApiKeyRecord {
        requireNonNull(id, "id");
        requireNonNull(sha256Hex, "sha256Hex");
        requireNonNull(roles, "roles");
        if (!ApiKeyFormat.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be " + ApiKeyFormat.ID_LENGTH + " characters of [a-z0-9],"
                    + " but was '" + Identifiers.printable(id) + "'");
        }
        if (ApiKeyFormat.parseSha256Hex(sha256Hex) == null) {
            throw new IllegalArgumentException("sha256Hex must be 64 hex digits, but has " + sha256Hex.length()
                    + " characters");
        }
        sha256Hex = sha256Hex.toLowerCase(Locale.ROOT);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles must not be empty");
        }
        roles = Identifiers.checkedRoles(roles);
        if (subject != null) {
            String problem = Identifiers.subjectProblem(subject);
            if (problem != null) {
                throw new IllegalArgumentException("subject " + problem);
            }
            if (subject.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("subject must not contain whitespace (it is one field of a"
                        + " key line), but was '" + Identifiers.printable(subject) + "'");
            }
        }
    }

    /**
     * The subject of the principal this key authenticates.
     *
     * @return {@link #subject()}, or {@code apikey:<id>} when it is null
     */
    public String effectiveSubject() {
        return subject != null ? subject : "apikey:" + id;
    }

    /**
     * This record as one line of an API-keys file, in the format above; {@link ApiKeys#parse} reads it back.
     *
     * @return the line, without a line separator
     */
    public String toLine() {
        StringBuilder sb = new StringBuilder(id).append(" sha256:").append(sha256Hex)
                .append(" roles=").append(String.join(",", roles));
        if (subject != null) {
            sb.append(" subject=").append(subject);
        }
        if (expiresAt != null) {
            sb.append(" expires=").append(expiresAt);
        }
        if (revoked) {
            sb.append(" revoked");
        }
        return sb.toString();
    }

    /**
     * The same record, revoked; this record is unchanged.
     *
     * @return a copy with {@link #revoked()} {@code true}
     */
    public ApiKeyRecord revoke() {
        return new ApiKeyRecord(id, sha256Hex, roles, subject, expiresAt, true);
    }
}
