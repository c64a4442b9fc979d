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
    /** Publishing messages to a stream. */
    STREAM_PUBLISH("stream.publish", NameKind.STREAM, WRITE),
    /** Reading entries of a stream (ranges, latest entries, reads after offsets). */
    STREAM_READ("stream.read", NameKind.STREAM, READ),
    /** Reading a stream's length, info and list of groups. */
    STREAM_INFO("stream.info", NameKind.STREAM, READ),
    /** Listing stream names. */
    STREAM_LIST("stream.list", NameKind.STREAM, READ),
    /** Creating a consumer group on a stream. */
    GROUP_CREATE("group.create", NameKind.STREAM, WRITE),
    /** Deleting a consumer group. */
    GROUP_DESTROY("group.destroy", NameKind.STREAM, ADMIN),
    /** Moving a consumer group's last-delivered id. */
    GROUP_SET_ID("group.setid", NameKind.STREAM, ADMIN),
    /** Reading a stream as a member of a consumer group. */
    GROUP_READ("group.read", NameKind.STREAM, READ),
    /** Acknowledging entries of a consumer group. */
    GROUP_ACK("group.ack", NameKind.STREAM, READ),
    /** Claiming entries of other consumers of a group. */
    GROUP_CLAIM("group.claim", NameKind.STREAM, READ),
    /** Inspecting a group's pending entries. */
    GROUP_PENDING("group.pending", NameKind.STREAM, READ),
    /** Reading a key's value and time to live. */
    KEY_GET("key.get", NameKind.KEY, READ),
    /** Listing key names. */
    KEY_SCAN("key.scan", NameKind.KEY, READ),
    /** Writing a key or adding to its value. */
    KEY_SET("key.set", NameKind.KEY, WRITE),
    /** Deleting keys. */
    KEY_DELETE("key.delete", NameKind.KEY, WRITE),
    /** Setting a key's time to live. */
    KEY_EXPIRE("key.expire", NameKind.KEY, WRITE),
    /** Subscribing to a channel or a channel pattern. */
    CHANNEL_SUBSCRIBE("channel.subscribe", NameKind.CHANNEL, READ),
    /** Publishing a message on a channel. */
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

    /**
     * Stable identifier, e.g. {@code stream.publish}.
     *
     * @return the dotted id, as written in policy files and audit events
     */
    public String id() {
        return id;
    }

    /**
     * The kind of name this action applies to.
     *
     * @return stream, key or channel
     */
    public NameKind resourceKind() {
        return resourceKind;
    }

    /**
     * The built-in level that grants this action.
     *
     * @return the lowest of read, write and admin that grants this action
     */
    public AccessLevel level() {
        return level;
    }

    /**
     * Looks an action up by {@link #id()}.
     *
     * @param id the dotted id, for example {@code stream.publish}; may be {@code null}
     * @return the action, or empty when no action has that id
     */
    public static Optional<Action> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
