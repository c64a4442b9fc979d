package io.redstream.core.naming;

/** What a name addresses. The rules differ only in how many segments are allowed. */
public enum NameKind {
    /** A stream: exactly {@code ns:domain:entity:function}, or that plus {@code :dlq} for its dead-letter stream. */
    STREAM("stream"),
    /** A key: {@code ns:domain:entity:function} plus any further segments. */
    KEY("key"),
    /** A pub/sub channel: same shape as a key. */
    CHANNEL("channel");

    private final String label;

    NameKind(String label) {
        this.label = label;
    }

    /**
     * Lower-case word used in messages ("stream name ... is invalid").
     *
     * @return {@code stream}, {@code key} or {@code channel}
     */
    public String label() {
        return label;
    }
}
