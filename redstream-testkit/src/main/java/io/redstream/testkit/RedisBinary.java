package io.redstream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import redis.embedded.RedisExecProvider;

/**
 * Locates the {@code redis-server} executable that every fixture runs.
 *
 * <p>Resolution order, first match wins:
 * <ol>
 *   <li>system property {@value #PROPERTY};</li>
 *   <li>environment variable {@value #ENVIRONMENT_VARIABLE};</li>
 *   <li>the static Redis 7.0.15 bundled in {@code org.signal:embedded-redis}, cached in
 *       {@code ${java.io.tmpdir}/redstream-testkit-bin/} and shared by all JVMs (verified byte-for-byte
 *       against the bundled copy before use).</li>
 * </ol>
 * An override must name an existing executable file, otherwise {@link #path()} fails with a message
 * that names the setting and the path, rather than letting redis fail later with a confusing error.
 *
 * <p>Thread-safe. The path is resolved once per JVM and cached: the bundled binary is several MB and
 * extracting it for every server would dominate a fixture's start time.
 */
public final class RedisBinary {

    /** System property that overrides the binary: an absolute path to a redis-server executable. */
    public static final String PROPERTY = "redstream.redis.binary";

    /** Environment variable that overrides the binary when the system property is not set. */
    public static final String ENVIRONMENT_VARIABLE = "REDSTREAM_REDIS_BINARY";

    /** Directory under {@code java.io.tmpdir} where the bundled binary is cached for all JVMs. */
    static final String CACHE_DIRECTORY_NAME = "redstream-testkit-bin";

    private static volatile Path cached;

    private RedisBinary() {}

    /**
     * The redis-server executable, resolved on first call and cached for the JVM's lifetime.
     *
     * @throws IllegalStateException if an override names a file that is missing or not executable
     * @throws UncheckedIOException if the bundled binary cannot be extracted
     */
    public static Path path() {
        Path result = cached;
        if (result == null) {
            synchronized (RedisBinary.class) {
                result = cached;
                if (result == null) {
                    result = resolve(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE), RedisBinary::extractBundled);
                    cached = result;
                }
            }
        }
        return result;
    }

    /** The resolution rule without the caching and the global state, so it can be tested. */
    static Path resolve(String property, String environment, Supplier<Path> bundled) {
        if (isSet(property)) {
            return requireExecutable(Path.of(property.trim()), "system property " + PROPERTY);
        }
        if (isSet(environment)) {
            return requireExecutable(Path.of(environment.trim()), "environment variable " + ENVIRONMENT_VARIABLE);
        }
        return bundled.get();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static Path requireExecutable(Path candidate, String source) {
        Path absolute = candidate.toAbsolutePath();
        if (!Files.isRegularFile(absolute) || !Files.isExecutable(absolute)) {
            throw new IllegalStateException(
                    source + " must name an executable redis-server file, but was " + absolute);
        }
        return absolute;
    }

    private static Path extractBundled() {
        Path extracted;
        try {
            extracted = RedisExecProvider.defaultProvider().get().toPath().toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the redis-server bundled in embedded-redis", e);
        }
        return cache(extracted, Path.of(System.getProperty("java.io.tmpdir"), CACHE_DIRECTORY_NAME));
    }

    /**
     * Moves the freshly extracted binary to a cache shared by all JVMs and returns the cached copy.
     *
     * <p>embedded-redis extracts into a new temp directory per JVM and relies on {@code deleteOnExit},
     * which never runs when a JVM is killed with {@code kill -9}: fault tests would leak 6 MB per killed
     * JVM. The cached copy is used only if it is byte-for-byte the bundled binary (the cache directory
     * is in a shared temp dir); anything unexpected falls back to the extracted file.
     */
    static Path cache(Path extracted, Path cacheDirectory) {
        try {
            Files.createDirectories(cacheDirectory);
            Path cached = cacheDirectory.resolve(extracted.getFileName().toString());
            if (!isCopyOf(cached, extracted)) {
                Path temp = Files.createTempFile(cacheDirectory, extracted.getFileName().toString(), ".tmp");
                try {
                    Files.copy(extracted, temp, StandardCopyOption.REPLACE_EXISTING);
                    if (!temp.toFile().setExecutable(true, false)) {
                        return extracted;
                    }
                    // Rename is atomic and leaves servers already running from an older copy untouched.
                    Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
                if (!isCopyOf(cached, extracted)) {
                    return extracted;
                }
            }
            Files.deleteIfExists(extracted);
            Files.deleteIfExists(extracted.getParent()); // the per-JVM directory embedded-redis created
            return cached;
        } catch (IOException | RuntimeException e) {
            return extracted;
        }
    }

    private static boolean isCopyOf(Path candidate, Path original) throws IOException {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
                && Files.size(candidate) == Files.size(original) && Files.mismatch(candidate, original) == -1;
    }
}
