package io.redstream.core.internal;

import io.redstream.core.stream.PublishOptions;
import redis.clients.jedis.params.XAddParams;

/** Builds {@code XADD} parameters from {@link PublishOptions}. */
final class XAddParamsFactory {
    private XAddParamsFactory() {
    }

    static XAddParams of(PublishOptions o) {
        return of(o, o.id());
    }

    /** Built once: the parameters are only read when a command is written, so one instance serves every thread. */
    private static final XAddParams DEFAULT = build(PublishOptions.DEFAULT, null);

    static XAddParams of(PublishOptions o, String id) {
        if (o == PublishOptions.DEFAULT && id == null) {
            return DEFAULT;
        }
        return build(o, id);
    }

    private static XAddParams build(PublishOptions o, String id) {
        XAddParams p = XAddParams.xAddParams();
        if (id != null) {
            p.id(id);
        }
        if (o.noCreate()) {
            p.noMkStream();
        }
        if (o.maxLen() > 0) {
            p.maxLen(o.maxLen());
            trimMode(p, o);
        } else if (o.minId() != null) {
            p.minId(o.minId());
            trimMode(p, o);
        }
        return p;
    }

    private static void trimMode(XAddParams p, PublishOptions o) {
        if (o.exactTrim()) {
            p.exactTrimming();
        } else {
            p.approximateTrimming();
        }
    }
}
