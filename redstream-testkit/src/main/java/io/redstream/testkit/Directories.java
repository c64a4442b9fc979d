package io.redstream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Best-effort file cleanup: a fixture that cannot delete a temp file must not fail a test. */
final class Directories {

    private Directories() {}

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Directories::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("redstream-testkit: could not delete " + root + ": " + e);
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.err.println("redstream-testkit: could not delete " + path + ": " + e);
        }
    }
}
