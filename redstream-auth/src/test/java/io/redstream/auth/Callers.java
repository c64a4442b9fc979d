package io.redstream.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One caller per built-in role kind the enforcement tests exercise, each authenticated by {@link Authenticator}
 * from a real credential (a JWT minted by {@link TokenIssuer} or a key from {@link ApiKeyGenerator}), so messages
 * and audit events can be checked for leaks of that very credential.
 *
 * <p>{@link Role} also holds the test's own reading of the built-in roles (docs/security.md) — which action ids each built-in role grants on
 * which domain — written out by hand rather than derived from {@code Action.level()}, so the tests compare the
 * implementation against the contract, not against itself.
 */
final class Callers {
    static final byte[] JWT_SECRET = "enforcement-tests-hs256-secret-of-32+-bytes".getBytes(StandardCharsets.UTF_8);
    static final String ISSUER = "https://id.example";
    static final String AUDIENCE = "redstream";

    /**
     * {@code {domain}_read} — read streams, consume in groups (read, ack, claim, pending), get/scan keys,
     * subscribe.
     */
    static final Set<String> READ_ACTIONS = Set.of("stream.read", "stream.info", "stream.list", "group.read",
            "group.ack", "group.claim", "group.pending", "key.get", "key.scan", "channel.subscribe");
    /** {@code {domain}_write} — publish, create groups, set/delete/expire keys, publish on channels. */
    static final Set<String> WRITE_ACTIONS = Set.of("stream.publish", "group.create", "key.set", "key.delete",
            "key.expire", "channel.publish");

    enum Role {
        TASK_READ("task_read", "task", READ_ACTIONS),
        TASK_WRITE("task_write", "task", WRITE_ACTIONS),
        ADMIN("admin", null, Set.of()),
        AGENT_WRITE("agent_write", "agent", WRITE_ACTIONS),
        AGENT_READ("agent_read", "agent", READ_ACTIONS);

        final String id;
        final String domain;
        final Set<String> actions;

        Role(String id, String domain, Set<String> actions) {
            this.id = id;
            this.domain = domain;
            this.actions = actions;
        }

        /** Whether this role may do {@code action} on the name {@code name} (in the namespace). */
        boolean grants(String action, String name) {
            return this == ADMIN || (name.split(":")[1].equals(domain) && actions.contains(action));
        }

        /**
         * Whether this role may use {@code pattern}: only when every name it can match is granted, i.e. its literal
         * start (segments before the first one with {@code *}) fixes this role's domain.
         */
        boolean grantsPattern(String action, String pattern) {
            if (this == ADMIN) {
                return true;
            }
            String[] parts = pattern.split(":");
            return parts.length > 2 && parts[1].equals(domain) && !parts[1].contains("*") && actions.contains(action);
        }
    }

    record Caller(Role role, String credential, Principal principal, List<String> secrets) {
        /** The message (or log line) contains neither the credential nor any secret-bearing part of it. */
        void assertNoSecretIn(String text) {
            assertThat(text).doesNotContain(credential);
            for (String s : secrets) {
                assertThat(text).doesNotContain(s);
            }
            assertThat(text).doesNotContain(new String(JWT_SECRET, StandardCharsets.UTF_8));
        }
    }

    private final Authenticator authenticator;
    private final Map<Role, Caller> callers = new EnumMap<>(Role.class);

    private Callers() {
        TokenIssuer issuer = TokenIssuer.builder().hmacSecret(JWT_SECRET).keyId("k1").issuer(ISSUER)
                .audience(AUDIENCE).build();
        ApiKeyGenerator generator = new ApiKeyGenerator();
        GeneratedApiKey writerKey = generator.generate(Set.of(Role.TASK_WRITE.id), "svc-task-writer", null);
        GeneratedApiKey agentKey = generator.generate(Set.of(Role.AGENT_WRITE.id), "svc-agent-writer", null);
        this.authenticator = Authenticator.builder().hmacSecret("k1", JWT_SECRET).issuer(ISSUER).audience(AUDIENCE)
                .apiKeys(ApiKeys.of(List.of(writerKey.record(), agentKey.record()))).build();
        add(Role.TASK_READ, issuer.issue("svc-task-reader", Set.of(Role.TASK_READ.id)));
        add(Role.TASK_WRITE, writerKey.key());
        add(Role.ADMIN, issuer.issue("svc-admin", Set.of(Role.ADMIN.id)));
        add(Role.AGENT_WRITE, agentKey.key());
        add(Role.AGENT_READ, issuer.issue("svc-agent-reader", Set.of(Role.AGENT_READ.id)));
    }

    static Callers create() {
        return new Callers();
    }

    private void add(Role role, String credential) {
        Principal principal = authenticator.authenticate(credential);
        assertThat(principal.roles()).containsExactly(role.id);
        callers.put(role, new Caller(role, credential, principal, secretParts(credential)));
    }

    /** The JWT's payload and signature; the API key's secret (its id is public and may be named). */
    static List<String> secretParts(String credential) {
        List<String> out = new ArrayList<>();
        if (credential.startsWith("rsk_")) {
            out.add(credential.substring("rsk_".length() + 12 + 1));
        } else {
            String[] parts = credential.split("\\.");
            out.add(parts[1]);
            out.add(parts[2]);
        }
        return out;
    }

    Caller caller(Role role) {
        return callers.get(role);
    }

    Authenticator authenticator() {
        return authenticator;
    }
}
