package io.redstream.auth.internal;

import io.redstream.auth.ApiKeyRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an API-keys file: one key per line,
 * {@code <id> sha256:<hex> roles=a,b [subject=name] [expires=ISO-8601] [revoked]}; blank lines and lines starting
 * with {@code #} are ignored. Errors name the line number and the field, never echo a whole line (an operator
 * may have pasted a raw key into the file by mistake).
 */
public final class ApiKeyFileParser {
    private ApiKeyFileParser() {
    }

    /**
     * Parses the content of an API-keys file.
     *
     * @param content the file content; lines end with LF or CRLF
     * @param source  names the content in error messages, for example the file name
     * @return the records in file order
     * @throws IllegalArgumentException naming {@code source}, the line number and what is wrong (a malformed field,
     *                                  a repeated id, or what looks like a raw key)
     */
    public static List<ApiKeyRecord> parse(String content, String source) {
        List<ApiKeyRecord> records = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "API keys file " + source + " line " + (i + 1) + ": ";
            if (line.contains(ApiKeyFormat.PREFIX)) {
                throw new IllegalArgumentException(where + "looks like it contains a raw API key; store only the"
                        + " line the generator prints (the hash), and treat that key as leaked");
            }
            ApiKeyRecord record = parseLine(line, where);
            if (!ids.add(record.id())) {
                throw new IllegalArgumentException(where + "id '" + record.id() + "' is already defined above");
            }
            records.add(record);
        }
        return records;
    }

    private static ApiKeyRecord parseLine(String line, String where) {
        String[] fields = line.split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException(where + "expected '<id> sha256:<hex> roles=a,b [subject=name]"
                    + " [expires=ISO-8601] [revoked]'");
        }
        String id = fields[0];
        if (!ApiKeyFormat.ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + "id must be " + ApiKeyFormat.ID_LENGTH
                    + " characters of [a-z0-9], but was '" + Identifiers.printable(id) + "'");
        }
        if (!fields[1].startsWith("sha256:") || ApiKeyFormat.parseSha256Hex(fields[1].substring(7)) == null) {
            throw new IllegalArgumentException(where + "second field must be 'sha256:' followed by 64 hex digits");
        }
        String hash = fields[1].substring(7);
        Set<String> roles = null;
        String subject = null;
        Instant expires = null;
        boolean revoked = false;
        for (int f = 2; f < fields.length; f++) {
            String field = fields[f];
            if (field.startsWith("roles=") && roles == null) {
                roles = new LinkedHashSet<>(Arrays.asList(field.substring(6).split(",", -1)));
                for (String role : roles) {
                    if (!Identifiers.isRole(role)) {
                        throw new IllegalArgumentException(where + "role '" + Identifiers.printable(role)
                                + "' must match " + Identifiers.ROLE.pattern());
                    }
                }
            } else if (field.startsWith("subject=") && subject == null) {
                subject = field.substring(8);
            } else if (field.startsWith("expires=") && expires == null) {
                try {
                    expires = Instant.parse(field.substring(8));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + "expires must be an ISO-8601 instant such as"
                            + " 2030-01-31T00:00:00Z, but was '" + Identifiers.printable(field.substring(8)) + "'");
                }
            } else if (field.equals("revoked") && !revoked) {
                revoked = true;
            } else {
                throw new IllegalArgumentException(where + "unexpected or repeated field '"
                        + Identifiers.printable(field) + "'; allowed: roles=, subject=, expires=, revoked");
            }
        }
        if (roles == null) {
            throw new IllegalArgumentException(where + "roles= is required");
        }
        try {
            return new ApiKeyRecord(id, hash, roles, subject, expires, revoked);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }
}
