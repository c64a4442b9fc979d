/**
 * Implementation of the auth module; not an API, and may change in any release. Use the public types of
 * {@code io.redstream.auth} instead.
 *
 * <ul>
 *   <li>JWT verification: {@link JwtVerifier}, with {@link JwtHeader}, {@link JwtKey} and {@link JwtAlgorithms},
 *       and the {@link TokenCache} of verified tokens;</li>
 *   <li>API keys: {@link ApiKeyFormat}, {@link ApiKeyFileParser} and the reloading {@link ApiKeysFile};</li>
 *   <li>policy compilation and decisions: {@link PolicyFileParser}, {@link BuiltInRoles}, {@link ActionPatterns},
 *       {@link ResourcePattern}, {@link CompiledRule}, {@link RuleSet} and {@link Verdict}, enforced by
 *       {@link PolicyGuard} and rate-limited in the audit log by {@link DenialRateLimiter};</li>
 *   <li>{@link Identifiers}: the shape rules of subjects and role names shared by all of them.</li>
 * </ul>
 */
package io.redstream.auth.internal;
