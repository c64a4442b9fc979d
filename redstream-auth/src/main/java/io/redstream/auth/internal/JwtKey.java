package io.redstream.auth.internal;

import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import javax.crypto.SecretKey;

/**
 * One verification key with the single algorithm allowed for it, and a JJWT parser built once for that pair
 * (parsers are immutable and thread-safe, and building one per token would dominate the cost of a cache miss).
 */
public final class JwtKey {
    private final String keyId;
    private final String algorithm;
    private final JwtParser parser;

    private JwtKey(String keyId, String algorithm, JwtParser parser) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.parser = parser;
    }

    /**
     * An HS256 key.
     *
     * @param keyId the {@code kid} tokens name it by, or null for an unnamed key
     * @param key   the HMAC secret, already checked for length
     * @param clock the time source for JJWT's expiry checks
     * @param skew  the tolerance of the time claims
     * @return the key with its parser
     */
    public static JwtKey hmac(String keyId, SecretKey key, Clock clock, Duration skew) {
        return new JwtKey(keyId, JwtAlgorithms.HS256,
                base(JwtAlgorithms.HS256, clock, skew).verifyWith(key).build());
    }

    /**
     * An RS256 or ES256 key, the algorithm chosen by the key's type.
     *
     * @param keyId the {@code kid} tokens name it by, or null for an unnamed key
     * @param key   an RSA (at least 2048 bits) or EC P-256 public key
     * @param clock the time source for JJWT's expiry checks
     * @param skew  the tolerance of the time claims
     * @return the key with its parser
     * @throws IllegalArgumentException when the key is neither
     */
    public static JwtKey publicKey(String keyId, PublicKey key, Clock clock, Duration skew) {
        String alg = JwtAlgorithms.forAsymmetricKey("publicKey", key);
        return new JwtKey(keyId, alg, base(alg, clock, skew).verifyWith(key).build());
    }

    private static JwtParserBuilder base(String alg, Clock clock, Duration skew) {
        SecureDigestAlgorithm<?, ?> sig = JwtAlgorithms.of(alg);
        return Jwts.parser()
                // Only this key's algorithm: even if the header check were bypassed, JJWT would refuse others.
                .sig().clear().add(sig).and()
                // Compressed payloads are never issued by RedStream; refusing them removes a decompression-bomb path.
                .zip().clear().and()
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(skew.toSeconds());
    }

    /**
     * The key id.
     *
     * @return the {@code kid} this key answers to, or null for the single unnamed key
     */
    public String keyId() {
        return keyId;
    }

    /**
     * The one algorithm tokens verified with this key may use.
     *
     * @return {@code HS256}, {@code RS256} or {@code ES256}
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * The JJWT parser bound to this key and algorithm; immutable and thread-safe.
     *
     * @return the parser
     */
    public JwtParser parser() {
        return parser;
    }

    /**
     * How messages name this key.
     *
     * @return {@code key '<kid>'}, or {@code the configured key} for the unnamed key
     */
    public String label() {
        return keyId == null ? "the configured key" : "key '" + keyId + "'";
    }
}
