package io.redstream.core.internal;

import io.redstream.core.access.Action;
import io.redstream.core.naming.NameKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters listed names to those that are valid names and that the view's guard permits: a listing shows only
 * what the caller could read, never business data sharing the Redis.
 */
final class Visible {
    private Visible() {
    }

    static List<String> filter(ClientContext ctx, NameKind kind, Action action, List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            try {
                if (ctx.guard().permits(action, ctx.naming().parse(kind, n))) {
                    out.add(n);
                }
            } catch (io.redstream.core.InvalidNameException notOurs) {
                // a key in the namespace that does not follow the rules is not reachable through RedStream
            }
        }
        return out;
    }
}
