package io.redstream.auth;

import static java.util.Objects.requireNonNull;

/**
 * A freshly generated API key: the key, to hand to its user once, and the record to store. The key exists only
 * here; once this object is gone it cannot be recovered, only replaced. {@link #toString()} omits the key.
 *
 * @param key    {@code rsk_<id>_<secret>}; show it once, never log it
 * @param record what to store (see {@link ApiKeyRecord#toLine()})
 */
public record GeneratedApiKey(String key, ApiKeyRecord record) {
    /**
     * Checks both components are present.
     *
     * @param key    the whole key {@code rsk_<id>_<secret>}
     * @param record the record to store for it
     * @throws NullPointerException when {@code key} or {@code record} is null
     */
    public GeneratedApiKey {
        requireNonNull(key, "key");
        requireNonNull(record, "record");
    }

    /**
     * The public id of the key.
     *
     * @return the record's {@link ApiKeyRecord#id()}, the part between {@code rsk_} and the secret
     */
    public String id() {
        return record.id();
    }

    /**
     * The line to append to an API-keys file.
     *
     * @return {@link ApiKeyRecord#toLine()} of the record; holds the hash, never the key
     */
    public String storeLine() {
        return record.toLine();
    }

    @Override
    public String toString() {
        return "GeneratedApiKey[id=" + record.id() + ", key=<redacted>]";
    }
}
