package io.redstream.auth;

import io.redstream.core.access.AccessGuard;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A rough, JMH-free sanity check of the hot path (target: authorization check plus cached-principal lookup
 * at most 2 µs). Not a test, because a timing target belongs in a benchmark, not in a test that can flake; run it
 * by hand (see docs/security.md) and compare with the note there.
 */
public final class AuthSpeedCheck {
    private AuthSpeedCheck() {
    }

    public static void main(String[] args) {
        byte[] secret = "an-hs256-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
        String token = TokenIssuer.builder().hmacSecret(secret).issuer("rs").build()
                .issue("task-router", Set.of("task_read", "task_write"));
        Authenticator auth = Authenticator.builder().hmacSecret(secret).issuer("rs").build();
        Authenticator uncached = Authenticator.builder().hmacSecret(secret).issuer("rs").tokenCacheSize(0).build();
        Policy policy = Policy.builder().policyYaml("""
                roles:
                  planner:
                    - effect: allow
                      actions: [stream.publish, stream.read, "group.*"]
                      resources: ["nova:task:*:*"]
                    - effect: deny
                      actions: ["*"]
                      resources: ["nova:task:secret:>"]
                """).build();
        ResourceName stream = NamingPolicy.defaults().stream("nova:task:boomerang:tasks");
        GeneratedApiKey key = new ApiKeyGenerator().generate(Set.of("task_write"));
        Authenticator keys = Authenticator.builder().apiKeys(ApiKeys.of(java.util.List.of(key.record()))).build();

        for (int round = 0; round < 5; round++) {
            int n = 2_000_000;
            long t0 = System.nanoTime();
            long sink = 0;
            for (int i = 0; i < n; i++) {
                Principal p = auth.authenticate(token);
                AccessGuard guard = policy.guardFor(p);
                guard.check(Action.STREAM_PUBLISH, stream);
                sink += p.roles().size();
            }
            long t1 = System.nanoTime();
            AccessGuard guard = policy.guardFor(auth.authenticate(token));
            for (int i = 0; i < n; i++) {
                guard.check(Action.STREAM_PUBLISH, stream);
            }
            long t2 = System.nanoTime();
            int m = 200_000;
            for (int i = 0; i < m; i++) {
                sink += keys.authenticate(key.key()).roles().size();
            }
            long t3 = System.nanoTime();
            int u = 20_000;
            for (int i = 0; i < u; i++) {
                sink += uncached.authenticate(token).roles().size();
            }
            long t4 = System.nanoTime();
            System.out.printf("round %d: cached JWT lookup + guardFor + check %.0f ns/op; check alone %.0f ns/op;"
                    + " API key verify %.0f ns/op; uncached HS256 verify %.0f ns/op (%d)%n", round,
                    (t1 - t0) / (double) n, (t2 - t1) / (double) n, (t3 - t2) / (double) m, (t4 - t3) / (double) u,
                    sink % 7);
        }
    }
}
