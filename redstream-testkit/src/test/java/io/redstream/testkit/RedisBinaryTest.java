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
  }

  private static Path executable(Path dir, String name) throws Exception {
    return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }
}
