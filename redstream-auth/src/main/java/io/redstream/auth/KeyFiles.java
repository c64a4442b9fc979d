package io.redstream.auth;

import io.redstream.auth.internal.JwtAlgorithms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import static java.util.Objects.requireNonNull;

/**
 * Reads JWT keys from files, as the server's {@code --jwt-secret-file} and {@code --jwt-public-key-file} need:
 * an HS256 secret as text, and PEM public ({@code BEGIN PUBLIC KEY}) or private ({@code BEGIN PRIVATE KEY},
 * PKCS#8) keys, RSA or EC. Error messages never include file content.
 *
 * <p>Stateless; thread-safe.
 */
public final class KeyFiles {
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC");

    private KeyFiles() {
    }

    /**
     * The HS256 secret in {@code file}: its text, surrounding whitespace trimmed, as UTF-8 bytes.
     *
     * @param file a text file holding the secret
     * @return the secret, at least 32 bytes
     * @throws IllegalArgumentException when the secret is shorter than 32 bytes
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static byte[] readHmacSecret(Path file) {
        byte[] secret = read(file).strip().getBytes(StandardCharsets.UTF_8);
        try {
            JwtAlgorithms.hmacKey("the secret in " + file, secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return secret;
    }

    /**
     * The public key in PEM file {@code file}; see {@link #parsePublicKey}.
     *
     * @param file a PEM file with a {@code BEGIN PUBLIC KEY} block
     * @return the RSA or EC public key
     * @throws IllegalArgumentException when the file holds no such block or the key is neither RSA nor EC
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static PublicKey readPublicKey(Path file) {
        return parsePublicKey(read(file));
    }

    /**
     * The private key in PEM (PKCS#8) file {@code file}; see {@link #parsePrivateKey}.
     *
     * @param file a PEM file with a {@code BEGIN PRIVATE KEY} block
     * @return the RSA or EC private key
     * @throws IllegalArgumentException when the file holds no such block or the key is neither RSA nor EC PKCS#8
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static PrivateKey readPrivateKey(Path file) {
        return parsePrivateKey(read(file));
    }

    /**
     * Parses a {@code -----BEGIN PUBLIC KEY-----} PEM block (X.509 SubjectPublicKeyInfo, RSA or EC). Text around the
     * block is ignored.
     *
     * @param pem PEM text
     * @return the public key
     * @throws IllegalArgumentException when there is no such block, it is not valid base64, or the key is neither RSA
     *                                  nor EC
     */
    public static PublicKey parsePublicKey(String pem) {
        byte[] der = der(requireNonNull(pem, "pem"), "PUBLIC KEY");
        for (String alg : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("PEM public key is neither an RSA nor an EC key");
    }

    /**
     * Parses a {@code -----BEGIN PRIVATE KEY-----} PEM block (PKCS#8, RSA or EC). Text around the block is ignored;
     * a traditional {@code BEGIN RSA PRIVATE KEY} or {@code BEGIN EC PRIVATE KEY} block is refused, with a hint how to
     * convert it.
     *
     * @param pem PEM text
     * @return the private key
     * @throws IllegalArgumentException when there is no such block, it is not valid base64, or the key is neither RSA
     *                                  nor EC
     */
    public static PrivateKey parsePrivateKey(String pem) {
        byte[] der = der(requireNonNull(pem, "pem"), "PRIVATE KEY");
        for (String alg : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("PEM private key is neither an RSA nor an EC PKCS#8 key");
    }

    private static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("PEM must contain a '" + begin + "' ... '" + end + "' block"
                    + (type.equals("PRIVATE KEY") ? " (PKCS#8; convert with 'openssl pkcs8 -topk8 -nocrypt')" : ""));
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM " + type.toLowerCase(Locale.ROOT)
                    + " block is not valid base64");
        }
    }

    private static String read(Path file) {
        requireNonNull(file, "file");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("key file " + file + " cannot be read: " + e, e);
        }
    }
}
