package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/ compiles against the modules a user adds: whole examples as
 * pasted, fragments inside the class {@link DocBlock} generates for them. README's tour is a whole example.
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path out;

    @Test
    void everyJavaBlockInReadmeAndDocs_compiles() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<DocBlock> blocks = new ArrayList<>();
        for (Path page : pages) {
            blocks.addAll(DocBlock.parse(ROOT.relativize(page).toString(), Files.readString(page)));
        }
        assertThat(blocks).as("README's tour is a whole compilation unit")
                .anyMatch(b -> b.page().equals("README.md") && b.whole());

        List<String> errors = DocBlock.compile(blocks, System.getProperty("java.class.path"), out);

        assertThat(errors).as("errors of the %d Java blocks (%d whole, %d fragments)", blocks.size(),
                blocks.stream().filter(DocBlock::whole).count(), blocks.stream().filter(b -> !b.whole()).count())
                .isEmpty();
    }
}
