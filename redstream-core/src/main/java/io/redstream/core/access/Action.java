package io.redstream.core.access;

import static io.redstream.core.access.AccessLevel.ADMIN;
import static io.redstream.core.access.AccessLevel.READ;
import static io.redstream.core.access.AccessLevel.WRITE;

import io.redstream.core.naming.NameKind;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every operation RedStream performs on a resource, as checked by an {@link AccessGuard} before any Redis command
 * is sent. {@link #id()} is the stable name used in policy files and audit events.
 */
public enum Action {
    STREAM_PUBLISH("stream.publish", NameKind.STREAM, WRITE),
    STREAM_READ("stream.read", NameKind.STREAM, READ),
    STREAM_INFO("stream.info", NameKind.STREAM, READ),
    STREAM_LIST("stream.list", NameKind.STREAM, READ),
    GROUP_CREATE("group.create", NameKind.STREAM, WRITE),
    GROUP_DESTROY("group.destroy", NameKind.STREAM, ADMIN),
    GROUP_SET_ID("group.setid", NameKind.STREAM, ADMIN),
    GROUP_READ("group.read", NameKind.STREAM, READ),
    GROUP_ACK("group.ack", NameKind.STREAM, READ),
    GROUP_CLAIM("group.claim", NameKind.STREAM, READ),
    GROUP_PENDING("group.pending", NameKind.STREAM, READ),
    KEY_GET("key.get", NameKind.KEY, READ),
    KEY_SCAN("key.scan", NameKind.KEY, READ),
    KEY_SET("key.set", NameKind.KEY, WRITE),
    KEY_DELETE("key.delete", NameKind.KEY, WRITE),
    KEY_EXPIRE("key.expire", NameKind.KEY, WRITE),
    CHANNEL_SUBSCRIBE("channel.subscribe", NameKind.CHANNEL, READ),
    CHANNEL_PUBLISH("channel.publish", NameKind.CHANNEL, WRITE);

    private static final Map<String, Action> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Action::id, Function.identity()));

    private final String id;
    private final NameKind resourceKind;
    private final AccessLevel level;

    Action(String id, NameKind resourceKind, AccessLevel level) {
        this.id = id;
        this.resourceKind = resourceKind;
        this.level = level;
    }

    /** Stable identifier, e.g. {@code stream.publish}. */
    public String id() {
        return id;
    }

    /** The kind of name this action applies to. */
    public NameKind resourceKind() {
        return resourceKind;
    }

    /** The built-in level that grants this action. */
    public AccessLevel level() {
        return level;
    }

    /** Looks an action up by {@link #id()}. */
    public static Optional<Action> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
