package io.redstream.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeDirectoryTest {

    @Test
    void resolve_missing_createsAnOwnerOnlyDirectoryNamedForTheUser(@TempDir Path tmp) throws Exception {
        Path root = RuntimeDirectory.resolve(tmp, "alice");

        assertThat(root).isEqualTo(tmp.resolve("redstream-embedded-alice"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        assertThat(RuntimeDirectory.resolve(tmp, "alice")).as("reused").isEqualTo(root);
    }

    @Test
    void resolve_oursButTooOpen_isTightened(@TempDir Path tmp) throws Exception {
        Path open = Files.createDirectory(tmp.resolve("redstream-embedded-bob"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx")); // past the umask

        assertThat(RuntimeDirectory.resolve(tmp, "bob")).isEqualTo(open);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
    }

    @Test
    void resolve_aSymlinkPlantedByAnyone_isNotUsed(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("attacker"));
        Files.createSymbolicLink(tmp.resolve("redstream-embedded-carol"), elsewhere);

        Path root = RuntimeDirectory.resolve(tmp, "carol");

        assertThat(root).isNotEqualTo(tmp.resolve("redstream-embedded-carol"));
        assertThat(root.getParent()).isEqualTo(tmp);
        assertThat(root.getFileName().toString()).startsWith(RuntimeDirectory.ROOT_PREFIX);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
    }

    @Test
    void resolve_aFileInThePlace_isNotUsed(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("redstream-embedded-dave"), "x");

        assertThat(RuntimeDirectory.resolve(tmp, "dave")).isNotEqualTo(tmp.resolve("redstream-embedded-dave"));
    }

    @Test
    void resolve_oddUserNames_becomeOneSafeFileName(@TempDir Path tmp) {
        assertThat(RuntimeDirectory.resolve(tmp, "../x y").getFileName().toString()).isEqualTo("redstream-embedded-.._x_y");
        assertThat(RuntimeDirectory.resolve(tmp, "").getFileName().toString()).isEqualTo("redstream-embedded-user");
    }

    @Test
    void pidAndBinaryDirectories_areInsideTheRoot() {
        assertThat(RuntimeDirectory.pidDirectory()).isEqualTo(RuntimeDirectory.root().resolve("pids")).isDirectory();
        assertThat(RuntimeDirectory.binaryDirectory()).isEqualTo(RuntimeDirectory.root().resolve("bin")).isDirectory();
    }
}
