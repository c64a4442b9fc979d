package io.redstream.embedded;

import io.redstream.embedded.internal.RuntimeDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * Locates the {@code redis-server} executable that every embedded server runs.
 *
 * <p>Resolution order, first match wins:
 * <ol>
 *   <li>system property {@value #PROPERTY};</li>
 *   <li>environment variable {@value #ENVIRONMENT_VARIABLE};</li>
 *   <li>the static Redis {@value #BUNDLED_VERSION} bundled in {@code org.signal:embedded-redis} for this
 *       platform (Linux x86_64 and arm64, macOS x86_64 and arm64), extracted once into
 *       {@code ${java.io.tmpdir}/redstream-embedded-<user>/bin/} (owner-only) and shared by all JVMs of
 *       the user; the cached copy is used only if it is byte-for-byte the bundled one.</li>
 * </ol>
 * An override must name an existing executable file, otherwise {@link #path()} fails with a message
 * that names the setting and the path, rather than letting redis fail later with a confusing error.
 * It must be a {@code redis-server} 7.0 or newer (for {@code cluster-port} and
 * {@code CLUSTER ADDSLOTSRANGE}).
 *
 * <p>Thread-safe. The path is resolved once per JVM and cached: the bundled binary is several MB and
 * extracting it for every server would dominate a start.
 */
public final class RedisBinary {

    /** System property that overrides the binary: a path to a redis-server executable. */
    public static final String PROPERTY = "redstream.redis.binary";

    /** Environment variable that overrides the binary when the system property is not set. */
    public static final String ENVIRONMENT_VARIABLE = "REDSTREAM_REDIS_BINARY";

    /** The Redis version of the bundled binaries. */
    public static final String BUNDLED_VERSION = "7.0.15";

    private static volatile Path cached;

    private RedisBinary() {}

    /**
     * The redis-server executable, resolved on first call and cached for the JVM's lifetime.
     *
     * @throws IllegalStateException if an override names a file that is missing or not executable, or
     *     no binary is bundled for this platform
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

    /**
     * The name of the bundled binary for a platform, as embedded-redis names its resources
     * ({@code redis-server-7.0.15-linux-amd64}), or empty if none is bundled for it.
     */
    static Optional<String> bundledResourceName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String platform = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.contains("darwin") ? "darwin" : null;
        String arch;
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                arch = "amd64";
                break;
            case "aarch64":
            case "arm64":
                arch = "arm64";
                break;
            default:
                arch = null;
        }
        return platform == null || arch == null ? Optional.empty()
                : Optional.of("redis-server-" + BUNDLED_VERSION + "-" + platform + "-" + arch);
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
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        String name = bundledResourceName(os, arch).orElseThrow(() -> new IllegalStateException(
                "no redis-server is bundled for " + os + " " + arch + " (only Linux and macOS on x86_64 and arm64);"
                        + " set system property " + PROPERTY + " or environment variable " + ENVIRONMENT_VARIABLE
                        + " to a redis-server 7.0+ executable"));
        URL resource = RedisBinary.class.getClassLoader().getResource(name);
        return cache(name, () -> openQuietly(resource), fingerprintOf(resource), RuntimeDirectory.binaryDirectory());
    }

    /**
     * Size and CRC-32 of a bundled binary as its jar's central directory records them, so an up-to-date
     * cached copy is recognized without inflating 6 MB on every JVM start.
     *
     * @param size the uncompressed size
     * @param crc32 the CRC-32 of the uncompressed bytes
     */
    record Fingerprint(long size, long crc32) {

        /** Whether {@code file} has this size and checksum. */
        boolean matches(Path file) throws IOException {
            if (Files.size(file) != size) {
                return false;
            }
            CRC32 crc = new CRC32();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
            }
            return crc.getValue() == crc32;
        }
    }

    private static Optional<Fingerprint> fingerprintOf(URL resource) {
        if (resource == null) {
            return Optional.empty();
        }
        try {
            if (resource.openConnection() instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0) {
                    return Optional.of(new Fingerprint(entry.getSize(), entry.getCrc()));
                }
            }
        } catch (IOException e) {
            // fall back to comparing bytes
        }
        return Optional.empty();
    }

    private static InputStream openQuietly(URL resource) {
        try {
            return resource == null ? null : resource.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    /**
     * The cached copy of the bundled binary {@code name} in {@code cacheDirectory}, written there first if
     * it is missing or differs from the bundled one: by {@code fingerprint} when the jar provides one (the
     * cache directory is owner-only, so a checksum guards against a stale or damaged copy, not against an
     * attacker), else byte for byte. The copy is written to a temp file and renamed into place, so a JVM
     * never sees half a binary and servers already running from an older copy are left untouched.
     */
    static Path cache(String name, Supplier<InputStream> bundled, Optional<Fingerprint> fingerprint, Path cacheDirectory) {
        Path target = cacheDirectory.resolve(name);
        try {
            if (Files.isRegularFile(target) && Files.isExecutable(target)
                    && (fingerprint.isPresent() ? fingerprint.get().matches(target) : sameBytes(bundled, target))) {
                return target;
            }
            Path temp = Files.createTempFile(cacheDirectory, name, ".tmp");
            try {
                try (InputStream in = open(bundled, name)) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.getFileStore(cacheDirectory).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx------"));
                } else if (!temp.toFile().setExecutable(true, true)) {
                    throw new IOException("could not make " + temp + " executable");
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the bundled " + name + " into " + cacheDirectory, e);
        }
    }

    private static boolean sameBytes(Supplier<InputStream> bundled, Path file) throws IOException {
        try (InputStream expected = open(bundled, file.getFileName().toString());
                InputStream actual = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] a = new byte[64 * 1024];
            byte[] b = new byte[64 * 1024];
            while (true) {
                int n = expected.readNBytes(a, 0, a.length);
                int m = actual.readNBytes(b, 0, b.length);
                if (n != m || !Arrays.equals(a, 0, n, b, 0, m)) {
                    return false;
                }
                if (n < a.length) {
                    return true;
                }
            }
        }
    }

    private static InputStream open(Supplier<InputStream> bundled, String name) throws IOException {
        InputStream in = bundled.get();
        if (in == null) {
            throw new IOException(name + " is not on the class path (is org.signal:embedded-redis missing, or was the"
                    + " binary for this platform left out of the jar?)");
        }
        return new BufferedInputStream(in);
    }
}
