package io.redstream.auth;

import static java.util.Objects.requireNonNull;

import io.redstream.auth.internal.BuiltInRoles;
import io.redstream.auth.internal.Identifiers;
import java.util.Set;

/**
 * Who is calling: a subject, the roles it holds and how it authenticated. Obtained from {@link Authenticator}
 * (or {@link #localAdmin()} for an unauthenticated local process) and handed to {@link Policy#guardFor}.
 *
 * <pre>{@code
 * Principal caller = authenticator.authenticate(credential);
 * if (caller.hasRole("task_write")) { ... }                // roles are plain names
 * AccessGuard guard = policy.guardFor(caller);             // what the policy lets it do
 * }</pre>
 *
 * <p>A principal is a plain value: whoever constructs one vouches for it. Build principals from credentials only
 * through {@link Authenticator}. A principal never holds a credential, so {@link #toString()} is safe to log. Roles are
 * kept sorted so that messages list them in a stable order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject who the caller is (JWT {@code sub}, or the API key's subject): not blank, at most 256
 *                characters, no control characters
 * @param roles   role names, at most 64, each matching {@code [A-Za-z0-9_.-]{1,64}}; roles the policy does not
 *                define grant nothing
 * @param method  how the caller authenticated
 */
public record Principal(String subject, Set<String> roles, AuthMethod method) {
    /** Subject of {@link #localAdmin()}. */
    public static final String LOCAL_SUBJECT = "local";

    /**
     * Validates the components and keeps the roles as a sorted, unmodifiable copy.
     *
     * @param subject who the caller is: not blank, at most 256 characters, no control characters
     * @param roles   role names, at most 64, each matching {@code [A-Za-z0-9_.-]{1,64}}
     * @param method  how the caller authenticated
     * @throws IllegalArgumentException when the subject or a role name breaks these rules, or there are more
     *                                  than 64 roles
     * @throws NullPointerException     when {@code roles} or {@code method} is null
     */
    public Principal {
        String problem = Identifiers.subjectProblem(subject);
        if (problem != null) {
            throw new IllegalArgumentException("subject " + problem);
        }
        requireNonNull(roles, "roles");
        requireNonNull(method, "method");
        roles = Identifiers.checkedRoles(roles);
    }

    /**
     * The principal of an unauthenticated local process: subject {@value #LOCAL_SUBJECT}, role {@code admin}
     * (everything inside the namespace, nothing outside it).
     *
     * @return a principal with {@link AuthMethod.Local}; use it only where the caller is trusted by construction
     */
    public static Principal localAdmin() {
        return new Principal(LOCAL_SUBJECT, Set.of(BuiltInRoles.ADMIN), new AuthMethod.Local());
    }

    /**
     * Whether this principal holds {@code role}. Holding a role says nothing about what the policy grants for it.
     *
     * @param role a role name
     * @return {@code true} when {@code role} is one of {@link #roles()}
     */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "Principal[subject=" + Identifiers.printable(subject) + ", roles=" + roles + ", auth="
                + method.describe() + "]";
    }
}
