package io.redstream.auth;

import static java.util.Objects.requireNonNull;

import io.redstream.auth.internal.Identifiers;

/**
 * How a {@link Principal} proved who it is. Carries identifiers that are safe to log (the JWT key id and issuer,
 * the API key id), never the credential itself.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface AuthMethod permits AuthMethod.Jwt, AuthMethod.ApiKey, AuthMethod.Local {
    /**
     * Stable identifier of the method, for metrics and machine-readable output.
     *
     * @return {@code jwt}, {@code api_key} or {@code local}
     */
    String id();

    /**
     * One line for audit events and messages, e.g. {@code jwt(kid=k1, iss=https://issuer)}. Untrusted parts are made
     * printable (control characters replaced, long values cut).
     *
     * @return a short description, safe to log
     */
    String describe();

    /**
     * A verified JWT.
     *
     * @param keyId  the token's {@code kid} header; null when the token carried none
     * @param issuer the token's {@code iss} claim; null when the token carried none
     */
    record Jwt(String keyId, String issuer) implements AuthMethod {
        @Override
        public String id() {
            return "jwt";
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("jwt");
            if (keyId != null || issuer != null) {
                sb.append('(');
                if (keyId != null) {
                    sb.append("kid=").append(Identifiers.printable(keyId));
                }
                if (issuer != null) {
                    sb.append(keyId != null ? ", " : "").append("iss=").append(Identifiers.printable(issuer));
                }
                sb.append(')');
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * A stored API key, identified by the public id part of {@code rsk_<id>_<secret>}.
     *
     * @param keyId the key's public id (see {@link ApiKeyRecord#id()})
     */
    record ApiKey(String keyId) implements AuthMethod {
        /**
         * Checks the key id is present.
         *
         * @param keyId the key's public id
         * @throws NullPointerException when {@code keyId} is null
         */
        public ApiKey {
            requireNonNull(keyId, "keyId");
        }

        @Override
        public String id() {
            return "api_key";
        }

        @Override
        public String describe() {
            return "api_key(id=" + keyId + ")";
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * No credential: the caller is the local process (for example the MCP server on stdio with no
     * authentication configured), trusted by whoever started it.
     */
    record Local() implements AuthMethod {
        @Override
        public String id() {
            return "local";
        }

        @Override
        public String describe() {
            return "local";
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
