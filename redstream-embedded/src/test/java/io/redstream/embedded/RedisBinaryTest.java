package io.redstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.embedded.internal.RuntimeDirectory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisBinaryTest {

    private static final Path BUNDLED = Path.of("/bundled/redis-server");
    private static final Supplier<Path> BUNDLED_SUPPLIER = () -> BUNDLED;

    @Test
    void resolve_noOverride_usesBundledBinary() {
        assertThat(RedisBinary.resolve(null, " ", BUNDLED_SUPPLIER)).isEqualTo(BUNDLED);
    }

    @Test
    void resolve_propertyWinsOverEnvironment(@TempDir Path dir) throws Exception {
        Path fromProperty = executable(dir, "a");
        Path fromEnv = executable(dir, "b");

        assertThat(RedisBinary.resolve(fromProperty.toString(), fromEnv.toString(), BUNDLED_SUPPLIER)).isEqualTo(fromProperty);
        assertThat(RedisBinary.resolve(null, fromEnv.toString(), BUNDLED_SUPPLIER)).isEqualTo(fromEnv);
    }

    @Test
    void resolve_overrideNotExecutable_failsNamingSourceAndPath(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));

        assertThatThrownBy(() -> RedisBinary.resolve(plain.toString(), null, BUNDLED_SUPPLIER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("system property redstream.redis.binary")
                .hasMessageContaining(plain.toString());
        assertThatThrownBy(() -> RedisBinary.resolve(null, dir.resolve("missing").toString(), BUNDLED_SUPPLIER))
                .hasMessageContaining("environment variable REDSTREAM_REDIS_BINARY");
    }

    @Test
    void path_isCachedExecutableAndInTheOwnerOnlyRuntimeDirectory() throws Exception {
        Path first = RedisBinary.path();

        assertThat(RedisBinary.path()).isSameAs(first);
        assertThat(Files.isExecutable(first)).isTrue();
        assertThat(first.getFileName().toString()).startsWith("redis-server-7.0.15-");
        assertThat(first.getParent()).isEqualTo(RuntimeDirectory.binaryDirectory());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rwx------");
    }

    @Test
    void bundledResourceName_supportedPlatforms_mapToEmbeddedRedisResources() {
        assertThat(RedisBinary.bundledResourceName("Linux", "amd64")).contains("redis-server-7.0.15-linux-amd64");
        assertThat(RedisBinary.bundledResourceName("Linux", "x86_64")).contains("redis-server-7.0.15-linux-amd64");
        assertThat(RedisBinary.bundledResourceName("Linux", "aarch64")).contains("redis-server-7.0.15-linux-arm64");
        assertThat(RedisBinary.bundledResourceName("Mac OS X", "aarch64")).contains("redis-server-7.0.15-darwin-arm64");
        assertThat(RedisBinary.bundledResourceName("Mac OS X", "x86_64")).contains("redis-server-7.0.15-darwin-amd64");
    }

    @Test
    void bundledResourceName_otherPlatforms_areNotBundled() {
        assertThat(RedisBinary.bundledResourceName("Linux", "i386")).isEmpty();
        assertThat(RedisBinary.bundledResourceName("Windows 11", "amd64")).isEmpty();
        assertThat(RedisBinary.bundledResourceName("FreeBSD", "amd64")).isEmpty();
    }

    @Test
    void bundledResources_existForEverySupportedPlatform() {
        for (String platform : new String[] {"linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64"}) {
            assertThat(RedisBinary.class.getClassLoader().getResource("redis-server-7.0.15-" + platform))
                    .as(platform).isNotNull();
        }
    }

    @Test
    void cache_missingCopy_isWrittenExecutableOwnerOnly(@TempDir Path dir) throws Exception {
        Path cached = RedisBinary.cache("redis-server-x", bytes("v1"), Optional.empty(), dir);

        assertThat(cached).isEqualTo(dir.resolve("redis-server-x")).hasContent("v1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached))).isEqualTo("rwx------");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temp file left behind").containsExactly(cached);
        }
    }

    @Test
    void cache_identicalCopy_isReusedAsIs(@TempDir Path dir) throws Exception {
        Path cached = RedisBinary.cache("redis-server-x", bytes("same"), Optional.empty(), dir);
        Object before = Files.getAttribute(cached, "unix:ino");

        assertThat(RedisBinary.cache("redis-server-x", bytes("same"), Optional.empty(), dir)).isEqualTo(cached);
        assertThat(Files.getAttribute(cached, "unix:ino")).as("not rewritten").isEqualTo(before);
    }

    @Test
    void cache_staleOrTamperedCopy_isReplacedByTheBundledBytes(@TempDir Path dir) throws Exception {
        Path existing = executable(dir, "redis-server-x");
        Files.writeString(existing, "evil");

        Path cached = RedisBinary.cache("redis-server-x", bytes("good"), Optional.empty(), dir);

        assertThat(cached).hasContent("good");
    }

    @Test
    void cache_withFingerprint_reusesAMatchingCopy_andReplacesOneThatDiffers(@TempDir Path dir) throws Exception {
        Path cached = RedisBinary.cache("redis-server-x", bytes("v1"), Optional.empty(), dir);
        Object before = Files.getAttribute(cached, "unix:ino");

        assertThat(RedisBinary.cache("redis-server-x", bytes("v1"), Optional.of(fingerprint("v1")), dir)).isEqualTo(cached);
        assertThat(Files.getAttribute(cached, "unix:ino")).as("not rewritten").isEqualTo(before);

        assertThat(RedisBinary.cache("redis-server-x", bytes("v2"), Optional.of(fingerprint("v2")), dir)).hasContent("v2");
    }

    @Test
    void fingerprint_ofTheBundledBinary_matchesTheCachedCopy() throws Exception {
        Path binary = RedisBinary.path();
        java.net.URL resource = RedisBinary.class.getClassLoader().getResource(binary.getFileName().toString());
        var entry = ((java.net.JarURLConnection) resource.openConnection()).getJarEntry();

        assertThat(new RedisBinary.Fingerprint(entry.getSize(), entry.getCrc()).matches(binary)).isTrue();
        assertThat(new RedisBinary.Fingerprint(entry.getSize(), entry.getCrc() ^ 1).matches(binary)).isFalse();
    }

    private static RedisBinary.Fingerprint fingerprint(String content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        crc.update(bytes);
        return new RedisBinary.Fingerprint(bytes.length, crc.getValue());
    }

    @Test
    void cache_resourceMissing_failsNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> RedisBinary.cache("redis-server-x", () -> null, Optional.empty(), dir))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("redis-server-x");
    }

    private static Supplier<InputStream> bytes(String content) {
        return () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static Path executable(Path dir, String name) throws Exception {
        return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
