package io.redstream.core.internal;

/**
 * Every kind of call RedStream makes to Redis. Drives the {@code operation} tag of the {@code redstream.operation}
 * timers (bounded cardinality: stream and key names never become tags) and the first words of every translated
 * error ("publish to nova:task:a:b failed: ..."), so neither is derived by parsing a description string.
 */
public enum Operation {
    /** Adding one message to a stream ({@code XADD}). */
    STREAM_PUBLISH("stream.publish", "publish to"),
    /** Adding an explicit batch of messages to one stream in one pipeline. */
    STREAM_PUBLISH_BATCH("stream.publish.batch", "publish batch to"),
    /** One pipelined send of the automatic batcher; its messages may go to several streams. */
    BATCHER_SEND("stream.publish.batcher", "publish batch"),
    /** Reading a range of entries oldest first ({@code XRANGE}). */
    STREAM_RANGE("stream.range", "read range of"),
    /** Reading a range of entries newest first ({@code XREVRANGE}). */
    STREAM_REVRANGE("stream.revrange", "read reverse range of"),
    /** Reading entries after offsets from one or many streams ({@code XREAD}). */
    STREAM_READ("stream.read", "read"),
    /** Counting the entries of a stream ({@code XLEN}). */
    STREAM_LENGTH("stream.length", "length of"),
    /** Describing a stream and its groups ({@code XINFO}). */
    STREAM_INFO("stream.info", "info of"),
    /** Trimming a stream by length or id ({@code XTRIM}). */
    STREAM_TRIM("stream.trim", "trim"),
    /** Moving an entry to its dead-letter stream and acknowledging it. */
    STREAM_DEADLETTER("stream.deadletter", "dead-letter to"),
    /** Creating a consumer group ({@code XGROUP CREATE}). */
    GROUP_CREATE("group.create", "create group"),
    /** Deleting a consumer group ({@code XGROUP DESTROY}). */
    GROUP_DESTROY("group.destroy", "destroy group"),
    /** Moving a group's last-delivered id ({@code XGROUP SETID}). */
    GROUP_SET_ID("group.setid", "set id of group"),
    /** Listing the groups of a stream ({@code XINFO GROUPS}). */
    GROUP_LIST("group.list", "list groups of"),
    /** Reading new entries as a group member ({@code XREADGROUP ... >}). */
    GROUP_READ("group.read", "group read of"),
    /** Re-reading a consumer's own pending entries ({@code XREADGROUP ... 0}). */
    GROUP_READ_PENDING("group.readpending", "pending read of"),
    /** Inspecting a group's pending list ({@code XPENDING}). */
    GROUP_PENDING("group.pending", "pending of"),
    /** Acknowledging entries ({@code XACK}). */
    GROUP_ACK("group.ack", "ack on"),
    /** Taking over specific entries ({@code XCLAIM}). */
    GROUP_CLAIM("group.claim", "claim on"),
    /** Taking over idle entries by cursor ({@code XAUTOCLAIM}). */
    GROUP_AUTOCLAIM("group.autoclaim", "auto-claim on"),
    /** Resetting the idle time of entries a consumer holds ({@code XCLAIM ... JUSTID}). */
    GROUP_KEEPALIVE("group.keepalive", "keep-alive on"),
    /** Publishing a pub/sub message ({@code PUBLISH}). */
    CHANNEL_PUBLISH("channel.publish", "publish on"),
    /** Reading a key's value ({@code GET}). */
    KEY_GET("key.get", "get"),
    /** Writing a key's value ({@code SET}). */
    KEY_SET("key.set", "set"),
    /** Deleting keys ({@code DEL}). */
    KEY_DELETE("key.delete", "delete"),
    /** Setting a key's time to live ({@code PEXPIRE}). */
    KEY_EXPIRE("key.expire", "expire"),
    /** Reading a key's time to live ({@code PTTL}). */
    KEY_TTL("key.ttl", "ttl of"),
    /** Adding to an integer value ({@code INCRBY}). */
    KEY_INCREMENT("key.increment", "increment"),
    /** Listing names by cursor ({@code SCAN}). */
    SCAN("scan", "scan"),
    /** Running queued commands atomically ({@code MULTI}/{@code EXEC}). */
    TRANSACTION("transaction", "transaction on"),
    /** Adding a task to a board. */
    TASK_CREATE("task.create", "create task"),
    /** Handing a task to an agent under a lease. */
    TASK_CLAIM("task.claim", "claim task"),
    /** Recording progress, completion or failure of a task. */
    TASK_UPDATE("task.update", "update task"),
    /** Recording that a task's lease ran out. */
    TASK_EXPIRE("task.expire", "expire task"),
    /** Finishing steps of a task change: events, dead-letter entry, acknowledgement. */
    TASK_FINISH("task.finish", "finish task"),
    /** Reading one task and its history. */
    TASK_GET("task.get", "get task"),
    /** Reading the hashes of a page of tasks. */
    TASK_LIST("task.list", "get task hashes of"),
    /** Reading the events of a task board. */
    TASK_EVENTS("task.events", "get task events of"),
    /** Taking a lock with a lease and a fencing token. */
    LOCK_ACQUIRE("lock.acquire", "acquire lock"),
    /** Releasing a held lock. */
    LOCK_RELEASE("lock.release", "release lock"),
    /** Extending the lease of a held lock. */
    LOCK_EXTEND("lock.extend", "extend lock"),
    /** Reading the presence keys of agents. */
    PRESENCE_LIST("presence.list", "get presence of"),
    /** The round trip and server details of a health check. */
    HEALTH("health", "health"),
    /** Establishing connections or reading the cluster's slot map. */
    CONNECT("connect", "connect to");

    private final String id;
    private final String verb;

    Operation(String id, String verb) {
        this.id = id;
        this.verb = verb;
    }

    /**
     * The metric tag, e.g. {@code stream.publish}.
     *
     * @return the dotted operation id, used as the metric tag and in logs
     */
    public String id() {
        return id;
    }

    /**
     * What a person reads in an error: the verb and what it acted on, e.g. {@code publish to nova:task:a:b}.
     *
     * @param subject the stream, key or channel acted on; {@code null} or empty for none
     * @return the verb followed by the subject, or the verb alone
     */
    public String describe(String subject) {
        return subject == null || subject.isEmpty() ? verb : verb + " " + subject;
    }
}
