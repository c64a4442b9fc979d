/**
 * Authentication and authorization for RedStream: who is calling, and what they may do.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.redstream.auth.Authenticator} turns a credential (a JWT or an {@code rsk_} API key) into a
 *       {@link io.redstream.auth.Principal};</li>
 *   <li>{@link io.redstream.auth.Policy} holds the roles (built-in and from YAML policy files) and secures a client
 *       for a principal ({@link io.redstream.auth.Policy#secure}), auditing denials through
 *       {@link io.redstream.auth.DenialAudit};</li>
 *   <li>{@link io.redstream.auth.TokenIssuer} mints JWTs the authenticator accepts;
 *       {@link io.redstream.auth.ApiKeyGenerator} (or the {@link io.redstream.auth.ApiKeyCommand} command line)
 *       makes API keys, stored as {@link io.redstream.auth.ApiKeyRecord} lines and loaded as
 *       {@link io.redstream.auth.ApiKeys};</li>
 *   <li>{@link io.redstream.auth.KeyFiles} reads JWT secrets and PEM keys from files.</li>
 * </ul>
 *
 * <pre>{@code
 * Authenticator auth = Authenticator.builder().hmacSecret(secret).build();
 * Policy policy = Policy.builder().naming(client.naming()).build();
 * RedStream view = policy.secure(client, auth.authenticate(credential));
 * }</pre>
 *
 * <p>Every type here is immutable and thread-safe except the builders.
 */
package io.redstream.auth;
