package io.redstream.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user directory under {@code java.io.tmpdir} that holds everything the embedded runtime
 * writes: the cached binary ({@code bin/}), the pid files of running servers ({@code pids/}) and the
 * temp data directories ({@code redstream-redis-*}, each with a {@code redis.conf} that holds the
 * password).
 *
 * <p>{@code /tmp} is shared by every local user, so the root must be ours and private: a directory
 * another user created first could let them swap the binary between our check and our exec, plant pid
 * files that make our reaper kill our own processes, or read a password. The root is
 * {@code ${java.io.tmpdir}/redstream-embedded-<user>}, created {@code rwx------}; if it exists but is a
 * link, is owned by someone else, or is readable or writable by others, it is not used and this JVM
 * falls back to a fresh private directory of its own (losing only cross-JVM orphan reaping, which the
 * watchdog makes rarely needed) and says so once.
 *
 * <p>Thread-safe; resolved once per JVM.
 */
public final class RuntimeDirectory {

    /** Name prefix of the shared root; the user name follows. */
    public static final String ROOT_PREFIX = "redstream-embedded-";

    /** Subdirectory with the cached redis-server binary. */
    public static final String BINARY_DIRECTORY = "bin";

    /** Subdirectory with one pid file per running server. */
    public static final String PID_DIRECTORY = "pids";

    private static final Logger log = LoggerFactory.getLogger(RuntimeDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private static volatile Path root;

    private RuntimeDirectory() {}

    /** The root, created on first use. */
    public static Path root() {
        Path result = root;
        if (result == null) {
            synchronized (RuntimeDirectory.class) {
                result = root;
                if (result == null) {
                    result = resolve(Path.of(System.getProperty("java.io.tmpdir")), System.getProperty("user.name", "user"));
                    root = result;
                }
            }
        }
        return result;
    }

    /** {@code root()/pids}, created if missing. */
    public static Path pidDirectory() {
        return subdirectory(PID_DIRECTORY);
    }

    /** {@code root()/bin}, created if missing. */
    public static Path binaryDirectory() {
        return subdirectory(BINARY_DIRECTORY);
    }

    private static Path subdirectory(String name) {
        Path dir = root().resolve(name);
        try {
            return createPrivateDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }

    /**
     * The shared root under {@code tmp} for {@code user} (created if missing), or a private fallback if that
     * one is not safe. {@link #root()} is this for {@code java.io.tmpdir} and {@code user.name}.
     */
    public static Path resolve(Path tmp, String user) {
        Path shared = tmp.resolve(ROOT_PREFIX + sanitize(user));
        try {
            createPrivateDirectory(shared);
            String problem = problemWith(shared);
            if (problem == null) {
                return shared;
            }
            Path fallback = Files.createTempDirectory(tmp, ROOT_PREFIX);
            log.warn("not using {} ({}); this JVM keeps its embedded Redis files in {} instead, so orphans it leaves"
                    + " behind are not reaped by other JVMs", shared, problem, fallback);
            return fallback;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a private directory for the embedded Redis under " + tmp, e);
        }
    }

    /**
     * Why {@code dir} must not be used, or null if it is a real directory owned by us that no one else can
     * read or write. On a file system without POSIX attributes there is nothing to check.
     */
    static String problemWith(Path dir) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return null;
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.isDirectory()) {
            return "it is not a directory";
        }
        UserPrincipal us = currentUser(dir.getParent());
        if (!attributes.owner().equals(us)) {
            return "it is owned by " + attributes.owner().getName() + ", not " + us.getName();
        }
        if (!OWNER_ONLY.containsAll(attributes.permissions())) {
            // Ours, so we may tighten it; a directory we cannot tighten is reported.
            try {
                view.setPermissions(EnumSet.copyOf(OWNER_ONLY));
            } catch (IOException e) {
                return "its permissions are " + PosixFilePermissions.toString(attributes.permissions());
            }
        }
        return null;
    }

    /** Creates {@code dir} as {@code rwx------} (atomically, not chmod after the fact); fine if it exists. */
    static Path createPrivateDirectory(Path dir) throws IOException {
        try {
            if (Files.getFileStore(dir.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // checked by the caller where it matters (the root); subdirectories live inside a checked root
        }
        return dir;
    }

    /** Who we are, as the file system sees it: the owner of a file we just created. */
    private static UserPrincipal currentUser(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, ROOT_PREFIX, ".owner");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static String sanitize(String user) {
        String cleaned = user.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() ? "user" : cleaned;
    }
}
