package io.redstream.embedded.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record of one redis-server we started, kept on disk so that a later JVM can kill it if we die
 * and it survives us (the watchdog normally stops it; it cannot when it was killed together with the
 * JVM, e.g. by a {@code kill -9} of the whole process group).
 *
 * <p>The file is named {@code <ownerPid>-<childPid>.pid} and lives in {@link #defaultDirectory()}; the
 * child is the redis-server process itself, not its watchdog.
 * Its content also records both processes' start instants, because pids are reused: a pid alone could
 * make the reaper kill an unrelated process that happens to have the same number today. It also names
 * the temp data directory the owner created for the child, if any, so the reaper can delete it too.
 *
 * <p>Immutable and thread-safe.
 */
public record PidFile(long ownerPid, Optional<Instant> ownerStart, long childPid, Optional<Instant> childStart,
        Optional<Path> tempDirectory) {

    private static final Pattern NAME = Pattern.compile("(\\d+)-(\\d+)\\.pid");

    /** Two start instants closer than this denote the same process (the kernel's clock ticks are coarse). */
    private static final Duration SAME_START_TOLERANCE = Duration.ofSeconds(1);

    /** Checks the optional fields for null. */
    public PidFile {
        requireNonNull(ownerStart, "ownerStart");
        requireNonNull(childStart, "childStart");
        requireNonNull(tempDirectory, "tempDirectory");
    }

    /** A record without a temp directory. */
    public PidFile(long ownerPid, Optional<Instant> ownerStart, long childPid, Optional<Instant> childStart) {
        this(ownerPid, ownerStart, childPid, childStart, Optional.empty());
    }

    /** Where every JVM of this user records its servers: {@link RuntimeDirectory#pidDirectory()}. */
    public static Path defaultDirectory() {
        return RuntimeDirectory.pidDirectory();
    }

    /** A record of {@code child} owned by this JVM. */
    public static PidFile ownedByThisJvm(ProcessHandle child) {
        return ownedByThisJvm(child, Optional.empty());
    }

    /** A record of {@code child} owned by this JVM, which created {@code tempDirectory} for it. */
    public static PidFile ownedByThisJvm(ProcessHandle child, Optional<Path> tempDirectory) {
        ProcessHandle self = ProcessHandle.current();
        return new PidFile(self.pid(), self.info().startInstant(), child.pid(), child.info().startInstant(), tempDirectory);
    }

    /** {@code <ownerPid>-<childPid>.pid}. */
    public String fileName() {
        return ownerPid + "-" + childPid + ".pid";
    }

    /** Writes the record atomically, so a reaper in another JVM never reads half a file. */
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(fileName());
            Path temp = Files.createTempFile(directory, fileName(), ".tmp");
            Files.writeString(temp, content(), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write pid file " + fileName() + " in " + directory, e);
        }
    }

    String content() {
        // Properties escaping, because a temp path could in principle contain '\\' or '='.
        Properties props = new Properties();
        props.setProperty("owner.pid", String.valueOf(ownerPid));
        ownerStart.ifPresent(t -> props.setProperty("owner.start", String.valueOf(t.toEpochMilli())));
        props.setProperty("child.pid", String.valueOf(childPid));
        childStart.ifPresent(t -> props.setProperty("child.start", String.valueOf(t.toEpochMilli())));
        tempDirectory.ifPresent(d -> props.setProperty("child.tempdir", d.toString()));
        StringWriter out = new StringWriter();
        try {
            props.store(out, "redstream-embedded redis-server record");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // StringWriter does not throw
        }
        return out.toString();
    }

    /**
     * Parses a record from its file name and content. The pids come from the name (the contract); the
     * start instants from the content, and are simply unknown if the content is missing or garbled.
     *
     * @return empty if the file name is not {@code <ownerPid>-<childPid>.pid}
     */
    public static Optional<PidFile> parse(String fileName, String content) {
        Matcher m = NAME.matcher(requireNonNull(fileName, "fileName"));
        if (!m.matches()) {
            return Optional.empty();
        }
        long owner;
        long child;
        try {
            owner = Long.parseLong(m.group(1));
            child = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try {
            props.load(new StringReader(content == null ? "" : content));
        } catch (IOException | IllegalArgumentException e) {
            props.clear();
        }
        Optional<Path> tempDirectory = Optional.ofNullable(props.getProperty("child.tempdir")).map(String::trim)
                .filter(v -> !v.isEmpty()).map(Path::of);
        return Optional.of(new PidFile(owner, instant(props, "owner.start"), child, instant(props, "child.start"), tempDirectory));
    }

    private static Optional<Instant> instant(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when a live process with {@code pid} exists and is the one recorded (not a reused pid). */
    public static boolean isSameLiveProcess(long pid, Optional<Instant> recordedStart) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        return handle.isPresent() && sameStart(recordedStart, handle.get().info().startInstant());
    }

    /** Unknown on either side counts as the same: we can only refute a match, never prove it. */
    static boolean sameStart(Optional<Instant> recorded, Optional<Instant> actual) {
        if (recorded.isEmpty() || actual.isEmpty()) {
            return true;
        }
        return Duration.between(recorded.get(), actual.get()).abs().compareTo(SAME_START_TOLERANCE) < 0;
    }
}
