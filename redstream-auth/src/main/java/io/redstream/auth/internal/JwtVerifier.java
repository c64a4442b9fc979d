package io.redstream.auth.internal;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.RequiredTypeException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.redstream.auth.AuthMethod;
import io.redstream.auth.Principal;
import io.redstream.core.AuthenticationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import static io.redstream.auth.internal.Identifiers.printable;

/**
 * Verifies a compact JWS and turns it into a {@link Principal}, with one distinct reason per way a token can be
 * wrong. Order: header (algorithm allow-list, key by {@code kid}) before any cryptography; signature, {@code exp}
 * and {@code nbf} by JJWT; then the claims JJWT does not judge (required {@code exp}, future {@code iat},
 * lifetime bound, {@code iss}, {@code aud}, {@code sub}, {@code roles}). Claims are only read after the
 * signature has been verified.
 *
 * <p>JJWT's own messages are not passed on (nor attached as causes): some quote claim values, and the reasons
 * here are what a caller can act on. No message contains the token or a key.
 *
 * <p>Immutable and thread-safe.
 */
public final class JwtVerifier {
    /**
     * A verified token.
     *
     * @param principal who the token proves
     * @param expiresAt until when the verification may be reused: the token's {@code exp}, or sooner when that is
     *                  beyond the maximum lifetime from now
     */
    public record Verified(Principal principal, Instant expiresAt) {
    }

    private final Map<String, JwtKey> byKid;
    private final Map<String, JwtKey> byAlgorithm;
    private final JwtKey single;
    private final String issuer;
    private final String audience;
    private final Duration maxLifetime;
    private final Duration skew;
    private final Clock clock;

    /**
     * A verifier over {@code keys} with the claim requirements of an {@link io.redstream.auth.Authenticator}.
     *
     * @param keys the keys; those with a key id are chosen by a token's {@code kid}, those without by the
     *     algorithm the token names (so at most one unnamed key per algorithm: an HS256 secret and an RS256 or
     *     ES256 public key can both serve tokens without {@code kid}; the choice grants nothing, each key still
     *     verifies only its own algorithm's signatures)
     * @param issuer      the required {@code iss}, or null to not check it
     * @param audience    the audience {@code aud} must contain, or null to not check it
     * @param maxLifetime the longest accepted {@code exp - iat}
     * @param skew        the tolerance of {@code exp}, {@code nbf} and {@code iat} against the clock
     * @param clock       the time source
     */
    public JwtVerifier(java.util.List<JwtKey> keys, String issuer, String audience, Duration maxLifetime,
            Duration skew, Clock clock) {
        Map<String, JwtKey> named = new HashMap<>();
        Map<String, JwtKey> unnamed = new HashMap<>();
        for (JwtKey k : keys) {
            if (k.keyId() == null) {
                unnamed.put(k.algorithm(), k);
            } else {
                named.put(k.keyId(), k);
            }
        }
        this.byKid = Map.copyOf(named);
        this.byAlgorithm = Map.copyOf(unnamed);
        this.single = keys.size() == 1 ? keys.get(0) : unnamed.size() == 1 ? unnamed.values().iterator().next() : null;
        this.issuer = issuer;
        this.audience = audience;
        this.maxLifetime = maxLifetime;
        this.skew = skew;
        this.clock = clock;
    }

    /**
     * Verifies {@code token}: header, key choice, signature, time claims, issuer, audience, subject and roles.
     * Thread-safe.
     *
     * @param token a compact JWS
     * @return the principal and until when the result may be cached
     * @throws AuthenticationException with one distinct reason per way the token is wrong, never echoing it
     */
    public Verified verify(String token) {
        JwtHeader header = JwtHeader.decode(token);
        if (header.alg().toLowerCase(Locale.ROOT).equals("none")) {
            throw new AuthenticationException("token algorithm 'none' is not allowed: tokens must be signed");
        }
        if (token.endsWith(".")) {
            throw new AuthenticationException("token has no signature: tokens must be signed");
        }
        JwtKey key = keyFor(header.kid(), header.alg());
        if (!key.algorithm().equals(header.alg())) {
            throw new AuthenticationException("token algorithm '" + printable(header.alg()) + "' is not allowed for "
                    + key.label() + " (allowed: " + key.algorithm() + ")");
        }
        Claims claims = parse(key, token);
        Instant now = clock.instant();
        Instant exp = instant(claims, Claims.EXPIRATION);
        if (exp == null) {
            throw new AuthenticationException("token has no expiry ('exp'); every token must expire");
        }
        // RFC 7519: not accepted "on or after" exp; JJWT still accepts the exact instant, so close that edge here.
        if (!now.isBefore(exp.plus(skew))) {
            throw expired(exp);
        }
        Instant iat = instant(claims, Claims.ISSUED_AT);
        if (iat != null && iat.isAfter(now.plus(skew))) {
            throw new AuthenticationException("token is issued in the future: iat " + iat + " is after now " + now
                    + " plus clock skew " + skew.toSeconds() + "s");
        }
        if (iat != null && Duration.between(iat, exp).compareTo(maxLifetime) > 0) {
            throw new AuthenticationException("token lifetime " + Duration.between(iat, exp) + " (iat to exp)"
                    + " exceeds the maximum " + maxLifetime);
        }
        if (iat == null && Duration.between(now, exp).compareTo(maxLifetime.plus(skew)) > 0) {
            throw new AuthenticationException("token expires at " + exp + ", more than the maximum lifetime "
                    + maxLifetime + " from now");
        }
        checkIssuer(claims);
        checkAudience(claims);
        String subject = subject(claims);
        Set<String> roles = roles(claims);
        Principal principal = new Principal(subject, roles, new AuthMethod.Jwt(header.kid(), string(claims,
                Claims.ISSUER)));
        Instant cacheUntil = exp.isBefore(now.plus(maxLifetime)) ? exp : now.plus(maxLifetime);
        return new Verified(principal, cacheUntil);
    }

    private JwtKey keyFor(String kid, String alg) {
        if (kid == null) {
            JwtKey byAlg = byAlgorithm.get(alg);
            if (byAlg != null) {
                return byAlg;
            }
            if (byAlgorithm.size() > 1) {
                throw new AuthenticationException("token algorithm '" + printable(alg) + "' is not allowed for the"
                        + " configured keys (allowed: " + String.join(", ", new java.util.TreeSet<>(byAlgorithm.keySet()))
                        + ")");
            }
            if (single == null) {
                throw new AuthenticationException("token has no key id ('kid'), but several keys are configured;"
                        + " a 'kid' header is required");
            }
            return single;
        }
        JwtKey key = byKid.get(kid);
        if (key == null) {
            throw new AuthenticationException("token key id '" + printable(kid) + "' is unknown");
        }
        return key;
    }

    private Claims parse(JwtKey key, String token) {
        try {
            return key.parser().parseSignedClaims(token).getPayload();
        } catch (ExpiredJwtException e) {
            Date exp = e.getClaims() == null ? null : e.getClaims().getExpiration();
            throw expired(exp == null ? null : exp.toInstant());
        } catch (PrematureJwtException e) {
            Date nbf = e.getClaims() == null ? null : e.getClaims().getNotBefore();
            throw new AuthenticationException("token is not valid yet: not before ('nbf') "
                    + (nbf == null ? "a later time" : nbf.toInstant()) + ", now " + clock.instant()
                    + " (clock skew " + skew.toSeconds() + "s)");
        } catch (io.jsonwebtoken.security.SecurityException e) {
            // Signature mismatch, or a key JJWT refuses for this token: either way the signature does not hold.
            throw new AuthenticationException("token signature is invalid");
        } catch (UnsupportedJwtException e) {
            throw new AuthenticationException("token is not a signed JWT with a JSON claims payload");
        } catch (MalformedJwtException | RequiredTypeException e) {
            throw new AuthenticationException("token is malformed: its encoding, header or claims are not valid"
                    + " JWT (for example a time claim that is not a number)");
        } catch (JwtException | IllegalArgumentException e) {
            throw new AuthenticationException("token is not valid: " + e.getClass().getSimpleName());
        }
    }

    private AuthenticationException expired(Instant exp) {
        return new AuthenticationException("token expired" + (exp == null ? "" : " at " + exp) + " (now "
                + clock.instant() + ", clock skew " + skew.toSeconds() + "s)");
    }

    private void checkIssuer(Claims claims) {
        if (issuer == null) {
            return;
        }
        String iss = string(claims, Claims.ISSUER);
        if (iss == null) {
            throw new AuthenticationException("token has no issuer ('iss'); expected '" + issuer + "'");
        }
        if (!iss.equals(issuer)) {
            throw new AuthenticationException("token issuer mismatch: expected '" + issuer + "', got '"
                    + printable(iss) + "'");
        }
    }

    private void checkAudience(Claims claims) {
        if (audience == null) {
            return;
        }
        Set<String> aud;
        try {
            aud = claims.getAudience();
        } catch (RuntimeException e) {
            throw new AuthenticationException("token audience ('aud') must be a string or an array of strings");
        }
        if (aud == null || aud.isEmpty()) {
            throw new AuthenticationException("token has no audience ('aud'); expected '" + audience + "'");
        }
        if (!aud.contains(audience)) {
            throw new AuthenticationException("token audience mismatch: expected '" + audience + "', got "
                    + printable(aud.toString()));
        }
    }

    private static String subject(Claims claims) {
        Object sub = claims.get(Claims.SUBJECT);
        if (sub != null && !(sub instanceof String)) {
            throw new AuthenticationException("token subject ('sub') must be a string");
        }
        String problem = Identifiers.subjectProblem((String) sub);
        if (problem != null) {
            throw new AuthenticationException("token subject ('sub') " + problem);
        }
        return (String) sub;
    }

    private static Set<String> roles(Claims claims) {
        Object value = claims.get("roles");
        if (value == null) {
            throw new AuthenticationException("token has no 'roles' claim; expected an array of role names");
        }
        if (!(value instanceof List<?> list)) {
            throw new AuthenticationException("token 'roles' claim must be an array of strings, but was "
                    + jsonType(value));
        }
        if (list.size() > Identifiers.MAX_ROLES) {
            throw new AuthenticationException("token 'roles' claim must hold at most " + Identifiers.MAX_ROLES
                    + " roles, but has " + list.size());
        }
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object role = list.get(i);
            if (!(role instanceof String s)) {
                throw new AuthenticationException("token 'roles' claim must be an array of strings, but element " + i
                        + " is " + jsonType(role));
            }
            if (!Identifiers.isRole(s)) {
                throw new AuthenticationException("token 'roles' claim element " + i + " '" + printable(s)
                        + "' is not a role name (must match " + Identifiers.ROLE.pattern() + ")");
            }
            roles.add(s);
        }
        return roles;
    }

    private static Instant instant(Claims claims, String name) {
        Object v = claims.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Date date) {
            return date.toInstant();
        }
        try {
            return claims.get(name, Date.class).toInstant();
        } catch (RuntimeException e) {
            throw new AuthenticationException("token claim '" + name + "' must be a NumericDate (seconds since"
                    + " the epoch)");
        }
    }

    private static String string(Claims claims, String name) {
        Object v = claims.get(name);
        if (v != null && !(v instanceof String)) {
            throw new AuthenticationException("token claim '" + name + "' must be a string");
        }
        return (String) v;
    }

    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
