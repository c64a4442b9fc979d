package io.redstream.auth.internal;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three JWS algorithms RedStream accepts and the key each one needs. The algorithm is derived from the key,
 * never from a token, so a key is only ever used with the one algorithm it was configured for (an RSA public key
 * can never be misused as an HMAC secret).
 */
public final class JwtAlgorithms {
    /** HMAC with SHA-256, for a shared secret. */
    public static final String HS256 = "HS256";
    /** RSASSA-PKCS1-v1_5 with SHA-256, for an RSA key. */
    public static final String RS256 = "RS256";
    /** ECDSA on P-256 with SHA-256, for an EC key. */
    public static final String ES256 = "ES256";
    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
    public static final int MIN_HMAC_SECRET_BYTES = 32;
    /** Shortest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;

    private JwtAlgorithms() {
    }

    /**
     * The HS256 key for {@code secret}, refusing one shorter than 256 bits.
     *
     * @param parameter names the setting in the error message
     * @param secret    the secret bytes; not copied
     * @return the HMAC-SHA256 key
     * @throws IllegalArgumentException when {@code secret} is shorter than {@value #MIN_HMAC_SECRET_BYTES} bytes
     */
    public static SecretKey hmacKey(String parameter, byte[] secret) {
        if (secret.length < MIN_HMAC_SECRET_BYTES) {
            throw new IllegalArgumentException(parameter + " must be at least " + MIN_HMAC_SECRET_BYTES
                    + " bytes (256 bits) for HS256, but was " + secret.length + " bytes");
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * The algorithm an asymmetric key is used with: RS256 for an RSA key of at least 2048 bits, ES256 for an EC key
     * on P-256; anything else is refused.
     *
     * @param parameter names the setting in the error message
     * @param key       a public or private key
     * @return {@value #RS256} or {@value #ES256}
     * @throws IllegalArgumentException when the key is RSA but too short, EC on another curve, or of another type
     */
    public static String forAsymmetricKey(String parameter, Key key) {
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new IllegalArgumentException(parameter + " must be an RSA key of at least " + MIN_RSA_BITS
                        + " bits for RS256, but has " + bits + " bits");
            }
            return RS256;
        }
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits != 256) {
                throw new IllegalArgumentException(parameter + " must be an EC key on curve P-256 for ES256, but its"
                        + " field has " + bits + " bits");
            }
            return ES256;
        }
        throw new IllegalArgumentException(parameter + " must be an RSA (RS256) or EC P-256 (ES256) key, but was "
                + key.getAlgorithm());
    }

    /**
     * JJWT's algorithm object for one of the three ids.
     *
     * @param alg {@value #HS256}, {@value #RS256} or {@value #ES256}
     * @return the matching JJWT signature algorithm
     * @throws IllegalArgumentException for any other id
     */
    public static SecureDigestAlgorithm<?, ?> of(String alg) {
        return switch (alg) {
            case HS256 -> Jwts.SIG.HS256;
            case RS256 -> Jwts.SIG.RS256;
            case ES256 -> Jwts.SIG.ES256;
            default -> throw new IllegalArgumentException("algorithm must be HS256, RS256 or ES256, but was " + alg);
        };
    }
}
