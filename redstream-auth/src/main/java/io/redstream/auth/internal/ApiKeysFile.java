package io.redstream.auth.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.redstream.auth.ApiKeys;
import io.redstream.core.AuthenticationException;

/**
 * An API-keys file that is read again when it changes (modification time, size or file identity), looked at no
 * more than once per {@code interval}: a key removed or revoked in the file stops working without a restart.
 * Fails closed: while the file cannot be read or parsed, every API key is refused (the error is logged once per
 * change), because keeping the old keys would keep a revoked key working. Thread-safe.
 */
public final class ApiKeysFile {

    private static final Logger log = LoggerFactory.getLogger(ApiKeysFile.class);

    private record Stamp(FileTime modified, long size, Object key) {
    }

    private final Path file;
    private final Clock clock;
    private final long intervalMillis;
    private volatile ApiKeys keys;
    private volatile Stamp stamp;
    private volatile long checkedAt;
    private volatile boolean broken;

    /**
     * Reads the file now.
     *
     * @param file     the API-keys file
     * @param clock    the time source of the reload interval
     * @param interval the least time between two looks at the file
     * @throws IllegalArgumentException naming the line and field that is wrong
     * @throws UncheckedIOException     when the file cannot be read
     */
    public ApiKeysFile(Path file, Clock clock, Duration interval) {
        this.file = requireNonNull(file, "file");
        this.clock = requireNonNull(clock, "clock");
        this.intervalMillis = interval.toMillis();
        this.stamp = stamp();
        this.keys = ApiKeys.load(file);
        this.checkedAt = clock.millis();
    }

    /**
     * The keys as the file holds them now; looks at the file first when the interval has passed, and reloads it when
     * it changed.
     *
     * @return the current keys
     * @throws AuthenticationException while the file cannot be used
     */
    public ApiKeys current() {
        long now = clock.millis();
        if (now - checkedAt >= intervalMillis) {
            refresh(now);
        }
        if (broken) {
            throw new AuthenticationException("API keys cannot be checked right now: the server's API keys file is"
                    + " unreadable or invalid (see the server log)");
        }
        return keys;
    }

    private synchronized void refresh(long now) {
        if (now - checkedAt < intervalMillis) {
            return;
        }
        checkedAt = now;
        Stamp current;
        try {
            current = stamp();
        } catch (UncheckedIOException e) {
            markBroken("cannot be read: " + e.getCause().getMessage());
            return;
        }
        if (current.equals(stamp) && !broken) {
            return;
        }
        stamp = current;
        try {
            keys = ApiKeys.load(file);
            if (broken) {
                log.info("API keys file {} is usable again ({} keys)", file, keys.size());
            } else {
                log.info("API keys file {} changed: {} keys", file, keys.size());
            }
            broken = false;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            markBroken(e.getMessage());
        }
    }

    private void markBroken(String why) {
        if (!broken) {
            log.error("API keys file {} {}; every API key is refused until it is fixed", file, why);
        }
        broken = true;
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
