package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The name list of {@code -Dexample} holds every example class there is. */
class ExamplesTest {
    @Test
    void everyExampleWithAMain_isRunnableBySimpleName() throws IOException {
        Path dir = Path.of("src/main/java/io/redstream/examples");
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> {
                try {
                    return Files.readString(p).contains("public static void main(");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString().replace(".java", ""))
                    .filter(name -> !name.equals("Examples"))
                    .forEach(name -> assertThat(Examples.ALL).containsKey(name));
        }
        assertThat(Examples.ALL).hasSize(7);
    }
}
