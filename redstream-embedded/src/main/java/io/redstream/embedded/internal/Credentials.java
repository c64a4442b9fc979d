package io.redstream.embedded.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** The password of an embedded server: how a random one is made, and how one appears in a URI. */
public final class Credentials {

    /** Random bytes in a generated password: 256 bits. */
    public static final int RANDOM_PASSWORD_BYTES = 32;

    /** What stands for the password wherever a URI is shown. */
    public static final String MASK = "***";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Credentials() {}

    /**
     * A password only this process knows: {@value #RANDOM_PASSWORD_BYTES} bytes from {@link SecureRandom},
     * base64url without padding (43 characters, all of them URI-safe).
     */
    public static String randomPassword() {
        byte[] bytes = new byte[RANDOM_PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * {@code scheme://:password@host:port}, the password percent-encoded (RFC 3986 userinfo); without
     * userinfo when {@code password} is null.
     */
    public static String uri(String scheme, String host, int port, String password) {
        return scheme + "://" + (password == null ? "" : ":" + percentEncode(password) + "@") + host + ":" + port;
    }

    /** The same URI with the password replaced by {@value #MASK}, safe for logs and messages. */
    public static String maskedUri(String scheme, String host, int port, String password) {
        return scheme + "://" + (password == null ? "" : ":" + MASK + "@") + host + ":" + port;
    }

    /** Everything but RFC 3986 unreserved characters as %XX of its UTF-8 bytes. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
