package io.redstream.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hand-built JWTs, so attack tests can produce exactly the header, claims and signature an attacker would,
 * without a JWT library's safety checks in the way.
 */
final class TestJwts {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final Map<String, Object> header = new LinkedHashMap<>();
    final Map<String, Object> claims = new LinkedHashMap<>();

    private TestJwts(String alg) {
        header.put("alg", alg);
    }

    /** A token with the claims a verifier configured with issuer "iss-1", audience "aud-1" accepts at {@code now}. */
    static TestJwts valid(String alg, Instant now) {
        TestJwts t = new TestJwts(alg);
        t.claims.put("sub", "svc-a");
        t.claims.put("roles", List.of("task_read"));
        t.claims.put("iss", "iss-1");
        t.claims.put("aud", "aud-1");
        t.claims.put("iat", now.getEpochSecond());
        t.claims.put("exp", now.getEpochSecond() + 3600);
        return t;
    }

    TestJwts header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    TestJwts claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    String signingInput() {
        return part(header) + "." + part(claims);
    }

    String hmac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String input = signingInput();
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String rs256(PrivateKey key) {
        try {
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(key);
            String input = signingInput();
            sig.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(sig.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String unsigned() {
        return signingInput() + ".";
    }

    private static String part(Map<String, Object> json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
