package io.redstream.examples;

import io.redstream.auth.ApiKeyGenerator;
import io.redstream.auth.ApiKeys;
import io.redstream.auth.Authenticator;
import io.redstream.auth.GeneratedApiKey;
import io.redstream.auth.Policy;
import io.redstream.auth.Principal;
import io.redstream.auth.TokenIssuer;
import io.redstream.core.AccessDeniedException;
import io.redstream.core.RedStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authentication and authorization: a JWT for a service, an API key for an agent, the built-in roles, and a
 * denial that never reaches Redis.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexample=io.redstream.examples.SecuredAccess}.
 */
public final class SecuredAccess {
    static final String TASKS = "nova:task:boomerang:tasks";

    private SecuredAccess() {
    }

    public static void main(String[] args) {
        try (ExampleRedis redis = ExampleRedis.start();
                RedStream rs = RedStream.builder().redisUri(redis.uri()).identity("gateway").build()) {
            run(rs);
        }
    }

    /** Returns the denial message the agent got. */
    static String run(RedStream rs) {
        // In production the secret comes from a file (--jwt-secret-file); 32 bytes at least.
        byte[] secret = "example-secret-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
        String serviceToken = TokenIssuer.builder().hmacSecret(secret).issuer("redstream-example").build()
                .issue("task-router", Set.of("task_write", "task_read"));

        // API keys: the key is shown once; only its hash line is stored (api-keys file).
        GeneratedApiKey agentKey = new ApiKeyGenerator().generate(Set.of("task_read"));
        ApiKeys store = ApiKeys.of(List.of(agentKey.record()));
        System.out.println("store this line in the API keys file: " + agentKey.storeLine());

        Authenticator auth = Authenticator.builder().hmacSecret(secret).issuer("redstream-example").apiKeys(store)
                .build();
        Policy policy = Policy.builtIn();

        Principal service = auth.authenticate(serviceToken);
        RedStream asService = policy.secure(rs, service);
        String id = asService.publish(TASKS, Map.of("title", "Review pull request"));
        System.out.println(service.subject() + " " + service.roles() + " published " + id);

        Principal agent = auth.authenticate(agentKey.key());
        RedStream asAgent = policy.secure(rs, agent);
        System.out.println(agent.subject() + " " + agent.roles() + " reads: "
                + asAgent.streams().latest(TASKS, 1).get(0).get("title"));
        try {
            asAgent.publish(TASKS, Map.of("title", "sneaky"));
            throw new IllegalStateException("a read-only agent must not publish");
        } catch (AccessDeniedException denied) {
            System.out.println("denied, and nothing was sent to Redis: " + denied.getMessage());
            return denied.getMessage();
        }
    }
}
