package io.redstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void path_isCachedAndExecutable() {
        Path first = RedisBinary.path();

        assertThat(RedisBinary.path()).isSameAs(first);
        assertThat(Files.isExecutable(first)).isTrue();
        assertThat(first.getParent().getFileName().toString()).isEqualTo(RedisBinary.CACHE_DIRECTORY_NAME);
    }

    @Test
    void cache_movesExtractedBinaryIntoCacheAndDeletesItsTempDirectory(@TempDir Path dir) throws Exception {
        Path extracted = extractedBinary(dir, "v1");

        Path cached = RedisBinary.cache(extracted, dir.resolve("cache"));

        assertThat(cached).isEqualTo(dir.resolve("cache/redis-server")).hasContent("v1");
        assertThat(Files.isExecutable(cached)).isTrue();
        assertThat(extracted.getParent()).doesNotExist();
    }

    @Test
    void cache_staleOrTamperedCopy_isReplacedByTheBundledBytes(@TempDir Path dir) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        executable(cache, "redis-server");
        Files.writeString(cache.resolve("redis-server"), "evil");

        Path cached = RedisBinary.cache(extractedBinary(dir, "good"), cache);

        assertThat(cached).hasContent("good");
    }

    private static Path extractedBinary(Path dir, String content) throws Exception {
        Path jvmDir = Files.createDirectories(dir.resolve("extract-" + content));
        Path file = executable(jvmDir, "redis-server");
        Files.writeString(file, content);
        return file;
    }

    private static Path executable(Path dir, String name) throws Exception {
        return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
