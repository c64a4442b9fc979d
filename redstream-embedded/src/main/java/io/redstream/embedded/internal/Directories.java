package io.redstream.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File chores of the runtime: best-effort cleanup (a server that cannot delete a temp file must not fail
 * its owner's {@code close()}), and writing files that hold a secret.
 */
public final class Directories {

    private static final Logger log = LoggerFactory.getLogger(Directories.class);

    private Directories() {}

    /** Deletes {@code root} and everything below it; logs what it cannot delete. */
    public static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Directories::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete {}: {}", root, e.toString());
        }
    }

    /** Deletes one file if it exists; logs a failure instead of throwing. */
    public static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", path, e.toString());
        }
    }

    /**
     * Writes {@code content} to a file only its owner can read ({@code rw-------}): a redis.conf holds the
     * password. The file is created with those permissions rather than restricted after the write, so it
     * is never readable by others, not even for a moment; an existing file is replaced.
     */
    public static void writePrivately(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
