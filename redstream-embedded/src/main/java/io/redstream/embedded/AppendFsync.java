package io.redstream.embedded;

/**
 * Redis {@code appendfsync} policies, for servers started with the append-only file enabled.
 *
 * <p>{@link #ALWAYS} makes every acknowledged write survive a {@code kill -9}, which is what a
 * deterministic crash test needs; {@link #EVERYSEC} is what production uses and can lose up to about
 * one second of writes on a crash.
 */
public enum AppendFsync {
    /** fsync after every write: slow, but nothing acknowledged is lost when the process is killed. */
    ALWAYS("always"),
    /** fsync once per second (the Redis default). */
    EVERYSEC("everysec"),
    /** leave fsync to the operating system. */
    NO("no");

    private final String configValue;

    AppendFsync(String configValue) {
        this.configValue = configValue;
    }

    /** The value as written in redis.conf. */
    public String configValue() {
        return configValue;
    }
}
