package io.redstream.benchmarks;

import io.redstream.auth.Authenticator;
import io.redstream.auth.Policy;
import io.redstream.auth.Principal;
import io.redstream.auth.TokenIssuer;
import io.redstream.core.access.Action;
import io.redstream.core.naming.NamingPolicy;
import io.redstream.core.naming.ResourceName;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Cached-principal lookup plus one authorization check, against the absolute target of 2 µs per operation. */
final class Authorization {
    private Authorization() {
    }

    static Row cachedJwtAndCheck(int rounds) {
        byte[] secret = "bench-secret-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
        String token = TokenIssuer.builder().hmacSecret(secret).build().issue("svc", Set.of("task_write"));
        Authenticator auth = Authenticator.builder().hmacSecret(secret).build();
        Policy policy = Policy.builtIn();
        ResourceName stream = NamingPolicy.defaults().stream(Workload.STREAM);
        int n = 1_000_000;
        double[] ours = new double[rounds];
        long sink = 0;
        for (int r = -1; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Principal p = auth.authenticate(token);
                policy.guardFor(p).check(Action.STREAM_PUBLISH, stream);
                sink += p.roles().size();
            }
            if (r >= 0) {
                ours[r] = (System.nanoTime() - t0) / (double) n / 1000.0;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop from being optimised away
        }
        double o = Stats.median(ours);
        // The target is absolute (≤ 2 µs); shown as a ratio against 2 µs so the table stays uniform.
        return new Row("auth: cached JWT lookup + check (target 2 µs)", "µs", 2.0, o, o / 2.0, 1.0, false);
    }
}
