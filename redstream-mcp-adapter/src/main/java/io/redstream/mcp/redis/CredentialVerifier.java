package io.redstream.mcp.redis;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.redstream.auth.Authenticator;
import io.redstream.auth.Principal;

/**
 * Verifies a credential with the server's authenticators. With both {@code --jwt-secret-file} and
 * {@code --jwt-public-key-file} there are two: an {@link Authenticator} holds several JWT keys only
 * when tokens name theirs in a {@code kid} header, which tokens from other issuers often lack. So each
 * key gets its own authenticator, and a JWT goes to the one whose algorithm its header names (HS256 to
 * the secret, anything else to the public key). That choice grants nothing: each authenticator still
 * accepts only its own key's algorithm and checks the signature. API keys go to the first. Thread-safe.
 */
final class CredentialVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Authenticator secret;
    private final Authenticator publicKey;

    /** At least one of them; the first non-null also takes API keys and undecodable tokens. */
    CredentialVerifier(Authenticator secret, Authenticator publicKey) {
        if (secret == null && publicKey == null) {
            throw new IllegalArgumentException("at least one authenticator is required");
        }
        this.secret = secret;
        this.publicKey = publicKey;
    }

    /** @throws io.redstream.core.AuthenticationException when the credential is not valid */
    Principal authenticate(String credential) {
        requireNonNull(credential, "credential");
        Authenticator first = secret != null ? secret : publicKey;
        if (secret == null || publicKey == null || credential.startsWith("rsk_")) {
            return first.authenticate(credential);
        }
        return ("HS256".equals(headerAlgorithm(credential)) ? secret : publicKey).authenticate(credential);
    }

    /** The {@code alg} of a compact JWS header, or null when it cannot be read (the verifier reports why). */
    static String headerAlgorithm(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 4096) {
            return null;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(token.substring(0, dot));
            Object alg = JSON.readValue(new String(header, StandardCharsets.UTF_8), Map.class).get("alg");
            return alg instanceof String s ? s : null;
        } catch (Exception e) {
            return null;
        }
    }
}
