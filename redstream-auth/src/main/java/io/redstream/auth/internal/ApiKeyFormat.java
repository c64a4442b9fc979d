package io.redstream.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The shape of an API key, {@code rsk_<id>_<secret>}: a 12-character id from {@code [a-z0-9]} (public, used to
 * find the stored hash) and a 43-character base64url secret (32 random bytes). Fixed positions rather than
 * splitting on {@code _}, because the base64url alphabet itself contains {@code _}.
 */
public final class ApiKeyFormat {
    /** What every API key starts with; a credential with this prefix is treated as an API key, never a JWT. */
    public static final String PREFIX = "rsk_";
    /** Length of the public id, in characters. */
    public static final int ID_LENGTH = 12;
    /** Random bytes in the secret. */
    public static final int SECRET_BYTES = 32;
    /** Length of the secret's base64url form without padding, in characters. */
    public static final int SECRET_LENGTH = 43;
    /** Length of a whole key, in characters. */
    public static final int KEY_LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
    /** The shape of a public id: {@value #ID_LENGTH} characters of {@code [a-z0-9]}. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]{" + ID_LENGTH + "}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{" + SECRET_LENGTH + "}");
    private static final HexFormat HEX = HexFormat.of();

    private ApiKeyFormat() {
    }

    /**
     * The id of a well-formed key.
     *
     * @param key the presented key, non-null
     * @return the id, or null when {@code key} does not have the shape {@code rsk_<id>_<secret>}
     */
    public static String idOf(String key) {
        if (key.length() != KEY_LENGTH || !key.startsWith(PREFIX)
                || key.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return null;
        }
        String id = key.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        String secret = key.substring(PREFIX.length() + ID_LENGTH + 1);
        return ID.matcher(id).matches() && SECRET.matcher(secret).matches() ? id : null;
    }

    /**
     * SHA-256 of the whole key. A fast hash is right here, unlike for passwords: the secret is 256 random bits,
     * so there is nothing to brute-force or look up in a dictionary, and a slow KDF would add milliseconds to
     * every call for no gain.
     *
     * @param key the whole key (ASCII)
     * @return the 32-byte digest
     */
    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Lower-case hex of {@code bytes}, as stored in an API-keys file.
     *
     * @param bytes the bytes
     * @return two hex digits per byte
     */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Decodes 64 lower- or upper-case hex digits.
     *
     * @param hex the text, non-null
     * @return the 32 bytes, or null when {@code hex} is not 64 hex digits
     */
    public static byte[] parseSha256Hex(String hex) {
        if (hex.length() != 64) {
            return null;
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
