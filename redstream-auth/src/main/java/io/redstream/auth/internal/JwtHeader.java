package io.redstream.auth.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.redstream.core.AuthenticationException;
import java.util.Base64;

/**
 * The two header fields RedStream decides on before any cryptography: {@code alg} and {@code kid}. Read here,
 * rather than left to JJWT, so that an algorithm that is not allow-listed for the key ({@code none} in any
 * spelling, HS256 against an RSA key) is rejected with its own reason before a key is ever touched.
 *
 * @param alg the {@code alg} header value as written
 * @param kid the {@code kid} header value, or null
 */
public record JwtHeader(String alg, String kid) {
    // Duplicate header names are refused: two parsers that pick different duplicates is how header confusion
    // attacks work.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads the header of a compact JWS, without verifying anything else.
     *
     * @param token the compact token
     * @return the {@code alg} and {@code kid} header values
     * @throws AuthenticationException when the token is not three dot-separated parts (a JWE has five), the header
     *                                 is not a base64url JSON object with unique names, {@code alg} is not a string,
     *                                 {@code kid} is present but not a string, or a {@code zip} header is present
     */
    public static JwtHeader decode(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            throw new AuthenticationException("token is malformed: expected a JWT of three dot-separated parts");
        }
        if (token.indexOf('.', second + 1) >= 0) {
            throw new AuthenticationException("token is not a signed JWT: encrypted tokens (JWE) are not accepted");
        }
        JsonNode header;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, first)));
        } catch (Exception e) {
            throw new AuthenticationException("token is malformed: the header is not base64url-encoded JSON");
        }
        if (header == null || !header.isObject()) {
            throw new AuthenticationException("token is malformed: the header is not a JSON object");
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            throw new AuthenticationException("token header has no 'alg' string");
        }
        if (header.has("zip")) {
            throw new AuthenticationException("token is compressed ('zip' header); compressed tokens are not"
                    + " accepted");
        }
        JsonNode kid = header.get("kid");
        if (kid != null && !kid.isTextual()) {
            throw new AuthenticationException("token header 'kid' must be a string");
        }
        return new JwtHeader(alg.asText(), kid == null ? null : kid.asText());
    }
}
