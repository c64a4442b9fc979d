package io.redstream.auth.internal;

import java.util.regex.Pattern;

/**
 * Shape rules for the identifiers auth deals in (subjects, role names, key ids), shared by the verifier, the
 * issuer, the API-key store and the policy so that every entry point accepts exactly the same names.
 */
public final class Identifiers {
    /** Role names: what policy files, JWT {@code roles} claims and API-key lines may contain. */
    public static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Longest accepted subject, in characters. */
    public static final int MAX_SUBJECT_LENGTH = 256;
    /** Most roles one principal or API key may hold. */
    public static final int MAX_ROLES = 64;

    private Identifiers() {
    }

    /**
     * Checks a subject: not blank, at most {@value #MAX_SUBJECT_LENGTH} characters, no control characters.
     *
     * @param subject the subject to check, may be null
     * @return null when {@code subject} is acceptable, else the rule it breaks (without echoing it), worded to follow
     *     "subject "
     */
    public static String subjectProblem(String subject) {
        if (subject == null || subject.isEmpty()) {
            return "is missing or empty";
        }
        if (subject.isBlank()) {
            return "is blank";
        }
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            return "must be at most " + MAX_SUBJECT_LENGTH + " characters, but has " + subject.length();
        }
        // Subjects end up in audit lines and error messages; control characters would let one forge log lines.
        for (int i = 0; i < subject.length(); i++) {
            if (Character.isISOControl(subject.charAt(i))) {
                return "must not contain control characters";
            }
        }
        return null;
    }

    /**
     * Whether {@code role} is a valid role name.
     *
     * @param role the name to check, may be null
     * @return {@code true} when it matches {@link #ROLE}
     */
    public static boolean isRole(String role) {
        return role != null && ROLE.matcher(role).matches();
    }

    /**
     * Makes untrusted, non-secret text (a claimed key id, issuer, subject) safe to put in a message or a log
     * line: control characters become {@code ?} and long values are cut, so a hostile token cannot forge log
     * lines or flood them.
     *
     * @param text the text, may be null
     * @return at most 80 characters of {@code text} followed by {@code ...} when cut; {@code null} for null
     */
    public static String printable(String text) {
        if (text == null) {
            return "null";
        }
        int max = 80;
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 3));
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }

    /**
     * Validates and sorts a set of role names: at most {@link #MAX_ROLES}, each matching {@link #ROLE}. One
     * check for principals and API-key records, so a key file cannot hold roles a principal would refuse.
     *
     * @param roles the role names
     * @return an unmodifiable sorted copy
     * @throws IllegalArgumentException when there are too many roles or one is not a valid name
     */
    public static java.util.SortedSet<String> checkedRoles(java.util.Set<String> roles) {
        if (roles.size() > MAX_ROLES) {
            throw new IllegalArgumentException("roles must hold at most " + MAX_ROLES + " names, but has "
                    + roles.size());
        }
        java.util.SortedSet<String> sorted = new java.util.TreeSet<>();
        for (String role : roles) {
            if (!isRole(role)) {
                throw new IllegalArgumentException("every role must match " + ROLE.pattern() + ", but was '"
                        + printable(role) + "'");
            }
            sorted.add(role);
        }
        return java.util.Collections.unmodifiableSortedSet(sorted);
    }
}
