package io.redstream.core.internal;

/**
 * Every kind of call RedStream makes to Redis. Drives the {@code operation} tag of the {@code redstream.operation}
 * timers (bounded cardinality: stream and key names never become tags) and the first words of every translated
 * error ("publish to nova:task:a:b failed: ..."), so neither is derived by parsing a description string.
 */
public enum Operation {
    STREAM_PUBLISH("stream.publish", "publish to"),
    STREAM_PUBLISH_BATCH("stream.publish.batch", "publish batch to"),
    /** One pipelined send of the automatic batcher; its messages may go to several streams. */
    BATCHER_SEND("stream.publish.batcher", "publish batch"),
    STREAM_RANGE("stream.range", "read range of"),
    STREAM_REVRANGE("stream.revrange", "read reverse range of"),
    STREAM_READ("stream.read", "read"),
    STREAM_LENGTH("stream.length", "length of"),
    STREAM_INFO("stream.info", "info of"),
    STREAM_TRIM("stream.trim", "trim"),
    STREAM_DEADLETTER("stream.deadletter", "dead-letter to"),
    GROUP_CREATE("group.create", "create group"),
    GROUP_DESTROY("group.destroy", "destroy group"),
    GROUP_SET_ID("group.setid", "set id of group"),
    GROUP_LIST("group.list", "list groups of"),
    GROUP_READ("group.read", "group read of"),
    GROUP_READ_PENDING("group.readpending", "pending read of"),
    GROUP_PENDING("group.pending", "pending of"),
    GROUP_ACK("group.ack", "ack on"),
    GROUP_CLAIM("group.claim", "claim on"),
    GROUP_AUTOCLAIM("group.autoclaim", "auto-claim on"),
    GROUP_KEEPALIVE("group.keepalive", "keep-alive on"),
    CHANNEL_PUBLISH("channel.publish", "publish on"),
    KEY_GET("key.get", "get"),
    KEY_SET("key.set", "set"),
    KEY_DELETE("key.delete", "delete"),
    KEY_EXPIRE("key.expire", "expire"),
    KEY_TTL("key.ttl", "ttl of"),
    KEY_INCREMENT("key.increment", "increment"),
    SCAN("scan", "scan"),
    TRANSACTION("transaction", "transaction on"),
    TASK_CREATE("task.create", "create task"),
    TASK_CLAIM("task.claim", "claim task"),
    TASK_UPDATE("task.update", "update task"),
    TASK_EXPIRE("task.expire", "expire task"),
    TASK_FINISH("task.finish", "finish task"),
    TASK_GET("task.get", "get task"),
    TASK_LIST("task.list", "get task hashes of"),
    TASK_EVENTS("task.events", "get task events of"),
    LOCK_ACQUIRE("lock.acquire", "acquire lock"),
    LOCK_RELEASE("lock.release", "release lock"),
    LOCK_EXTEND("lock.extend", "extend lock"),
    PRESENCE_LIST("presence.list", "get presence of"),
    HEALTH("health", "health"),
    CONNECT("connect", "connect to");

    private final String id;
    private final String verb;

    Operation(String id, String verb) {
        this.id = id;
        this.verb = verb;
    }

    /** The metric tag, e.g. {@code stream.publish}. */
    public String id() {
        return id;
    }

    /** What a person reads in an error: the verb and what it acted on, e.g. {@code publish to nova:task:a:b}. */
    public String describe(String subject) {
        return subject == null || subject.isEmpty() ? verb : verb + " " + subject;
    }
}
