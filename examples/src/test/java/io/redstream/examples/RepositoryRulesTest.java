package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about the repository as a whole: it stands alone (no text points at a document that is not in it, every
 * relative link of README.md and docs/ resolves), it is licensed, and the BOM offers every published module.
 */
class RepositoryRulesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Set<String> TEXT = Set.of("java", "md", "xml", "sh", "mjs", "json", "yaml", "yml",
            "properties");
    /** Not published: the build's parent, the examples and the benchmarks. */
    private static final Set<String> UNPUBLISHED = Set.of("redstream-parent", "redstream-bom", "redstream-examples",
            "redstream-example-spring-boot", "redstream-benchmarks");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @Test
    void noFileCitesADocumentOutsideTheRepository() throws IOException {
        // Built from parts so that this file does not match itself. A section sign is a citation unless it is an RFC's.
        List<Pattern> outside = List.of(Pattern.compile(Pattern.quote("DESIGN" + ".md")),
                Pattern.compile(Pattern.quote(".." + "/shared/")), Pattern.compile("(?<!RFC \\d{1,5} )\u00a7"));
        List<String> offenders = new ArrayList<>();
        for (Path file : sourceFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (Pattern cite : outside) {
                Matcher m = cite.matcher(text);
                if (m.find()) {
                    offenders.add(ROOT.relativize(file) + " cites '" + m.group() + "'");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndDocs_resolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue; // a URL or an anchor on the same page
                }
                String path = target.replaceFirst("#.*$", "");
                if (!Files.exists(page.getParent().resolve(path).normalize())) {
                    broken.add(ROOT.relativize(page) + " links to " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theRepositoryIsApacheLicensed() throws IOException {
        String license = Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8);
        assertThat(license).contains("Apache License").contains("Version 2.0, January 2004");
    }

    @Test
    void theBom_managesEveryPublishedModule() throws IOException {
        String rootPom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        List<String> published = new ArrayList<>();
        Matcher module = MODULE.matcher(rootPom);
        while (module.find()) {
            String artifact = artifactOf(ROOT.resolve(module.group(1)).resolve("pom.xml"));
            if (!UNPUBLISHED.contains(artifact)) {
                published.add(artifact);
            }
        }
        String bom = Files.readString(ROOT.resolve("redstream-bom/pom.xml"), StandardCharsets.UTF_8);
        Set<String> managed = ARTIFACT.matcher(bom).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(published).isNotEmpty();
        assertThat(managed).containsAll(published);
    }

    /** The module's own artifactId: the first one after its {@code <parent>} block. */
    private static String artifactOf(Path pom) throws IOException {
        String text = Files.readString(pom, StandardCharsets.UTF_8).replaceFirst("(?s)<parent>.*?</parent>", "");
        Matcher m = ARTIFACT.matcher(text);
        assertThat(m.find()).as("artifactId in " + pom).isTrue();
        return m.group(1);
    }

    /** Tracked-looking text files: everything but build output, npm packages and version control. */
    private static List<Path> sourceFiles() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString();
                        return !rel.startsWith(".git/") && !rel.contains("/target/") && !rel.startsWith("target/")
                                && !rel.contains("node_modules/");
                    })
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        return dot > 0 && TEXT.contains(name.substring(dot + 1));
                    })
                    .sorted()
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
