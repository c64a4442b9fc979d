package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java example in README.md and docs/ that is a whole compilation unit (it has imports and declares a
 * class) compiles as pasted against the modules a user adds. Blocks without imports are fragments of a larger
 * example and are not compiled; README's tour must be a whole one.
 */
class DocSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^public (?:final )?(?:class|record) (\\w+)");

    @TempDir
    Path out;

    @Test
    void wholeJavaExamplesInReadmeAndDocs_compileAsPasted() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<JavaFileObject> units = new ArrayList<>();
        int fromReadme = 0;
        for (Path page : pages) {
            Matcher m = JAVA_BLOCK.matcher(Files.readString(page));
            int n = 0;
            while (m.find()) {
                String code = m.group(1);
                Matcher name = CLASS_NAME.matcher(code);
                n++;
                if (!code.contains("import ") || !name.find()) {
                    continue;
                }
                String where = root.relativize(page) + " example " + n;
                units.add(new Source(where, name.group(1), code));
                if (page.getFileName().toString().equals("README.md")) {
                    fromReadme++;
                }
            }
        }
        assertThat(fromReadme).as("README's tour is a whole compilation unit").isGreaterThanOrEqualTo(1);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        for (JavaFileObject unit : units) {
            // One task per example: two examples may declare the same class name.
            boolean ok = compiler.getTask(diagnostics, null, null,
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
                            "--release", "17", "-proc:none"),
                    null, List.of(unit)).call();
            assertThat(ok).as("%s compiles:%n%s", ((Source) unit).where, diagnostics).isTrue();
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        final String where;
        private final String code;

        Source(String where, String className, String code) {
            super(URI.create("string:///" + className + ".java"), Kind.SOURCE);
            this.where = where;
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
