package io.redstream.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A {@code ```java} block of a Markdown page, and the Java source it compiles as.
 *
 * <p>A block with a {@code package} or {@code import} line is a whole compilation unit and compiles as written.
 * Any other block is a fragment: it is wrapped into a generated class that imports {@link #IMPORTS}, as the body of
 * {@code void fragment() throws Exception}, or as the class's members when its first line is an annotation or
 * declares a type or a method. What a fragment uses but does not declare is named by a comment on the line just
 * before the fence (GitHub does not show it), entries separated by {@code ;}:
 * <pre>{@code
 * <!-- java-context: RedStream rs; String work(Task task); import org.springframework.context.annotation.Bean -->
 * }</pre>
 * An entry is an import, a method (it ends with {@code )}; the generated class declares it abstract) or a field.
 *
 * @param page the page's path, as errors name it
 * @param fence the page's line number (from 1) of the opening fence
 * @param context the entries of the {@code java-context} comment, or empty
 * @param code the block's text, without the fences
 */
record DocBlock(String page, int fence, List<String> context, String code) {
    /** What every fragment imports: the public packages of core, auth and the starter, and the JDK's usual ones. */
    static final List<String> IMPORTS = List.of("io.redstream.auth", "io.redstream.core", "io.redstream.core.access",
            "io.redstream.core.consumer", "io.redstream.core.health", "io.redstream.core.lock",
            "io.redstream.core.naming", "io.redstream.core.observation", "io.redstream.core.presence",
            "io.redstream.core.pubsub", "io.redstream.core.state", "io.redstream.core.stream",
            "io.redstream.core.task", "io.redstream.core.tx", "io.redstream.spring",
            "io.redstream.spring.autoconfigure", "java.time", "java.util", "java.util.concurrent");

    private static final Pattern CONTEXT = Pattern.compile("<!-- java-context: (.*) -->");
    private static final Pattern WHOLE = Pattern.compile("(?m)^(?:package|import) [\\w.]+");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("(?m)^public (?:final |abstract |sealed )*(?:class|record|interface|enum) (\\w+)");
    /** A first line that opens a member: an annotation, a type declaration or a method header. */
    private static final Pattern MEMBER = Pattern.compile("@\\w.*"
            + "|(?:(?:public|protected|private|static|final|abstract) )*(?:class|record|interface|enum) \\w.*"
            + "|[\\w<>\\[\\],.? ]+ \\w+\\([^;]*\\)(?: throws [\\w., ]+)? *\\{");

    /** The {@code ```java} blocks of a page, in order; a {@code java-context} comment must precede one. */
    static List<DocBlock> parse(String page, String markdown) {
        List<DocBlock> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher marker = CONTEXT.matcher(lines[i].strip());
            if (marker.matches() && (i + 1 == lines.length || !lines[i + 1].strip().equals("```java"))) {
                throw new IllegalArgumentException(page + ":" + (i + 1) + ": java-context is not followed by ```java");
            }
            if (!lines[i].strip().equals("```java")) {
                if (lines[i].strip().matches("```java\\b.+")) {
                    throw new IllegalArgumentException(
                            page + ":" + (i + 1) + ": a Java block opens with a bare ```java");
                }
                continue;
            }
            List<String> context = new ArrayList<>();
            Matcher before = CONTEXT.matcher(i == 0 ? "" : lines[i - 1].strip());
            if (before.matches()) {
                for (String entry : before.group(1).split(";")) {
                    if (!entry.isBlank()) {
                        context.add(entry.strip());
                    }
                }
            }
            int end = i + 1;
            while (end < lines.length && !lines[end].strip().equals("```")) {
                end++;
            }
            if (end == lines.length) {
                throw new IllegalArgumentException(page + ":" + (i + 1) + ": ```java block is not closed");
            }
            StringBuilder code = new StringBuilder();
            for (int j = i + 1; j < end; j++) {
                code.append(lines[j]).append('\n');
            }
            blocks.add(new DocBlock(page, i + 1, List.copyOf(context), code.toString()));
            i = end;
        }
        return blocks;
    }

    /** Whether the block is a whole compilation unit (it has a {@code package} or {@code import} line). */
    boolean whole() {
        return WHOLE.matcher(code).find();
    }

    /** The name of the class the source declares: the unit's public type, or a generated one for a fragment. */
    String className() {
        if (!whole()) {
            return "Fragment_" + page.replaceAll("\\W", "_") + "_" + fence;
        }
        Matcher type = PUBLIC_TYPE.matcher(code);
        if (!type.find()) {
            throw new IllegalArgumentException(page + ":" + fence + ": a whole example declares a public type");
        }
        return type.group(1);
    }

    /** The Java source: the block as written when it is whole, else the generated class around it. */
    String source() {
        if (whole()) {
            if (!context.isEmpty()) {
                throw new IllegalArgumentException(page + ":" + fence + ": a whole example has no java-context");
            }
            return code;
        }
        return header() + code + (members() ? "}\n" : "    }\n}\n");
    }

    /** The page's line of a line of {@link #source()} (from 1); lines the fragment's wrapper adds map to the fence. */
    long pageLine(long sourceLine) {
        long header = whole() ? 0 : header().lines().count();
        return sourceLine <= header ? fence : fence + sourceLine - header;
    }

    private boolean members() {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//")).findFirst()
                .map(first -> MEMBER.matcher(first).matches()).orElse(false);
    }

    private String header() {
        StringBuilder s = new StringBuilder();
        IMPORTS.forEach(p -> s.append("import ").append(p).append(".*;\n"));
        context.stream().filter(e -> e.startsWith("import ")).forEach(e -> s.append(e).append(";\n"));
        s.append("abstract class ").append(className()).append(" {\n");
        for (String entry : context) {
            if (!entry.startsWith("import ")) {
                s.append(entry.endsWith(")") ? "    abstract " : "    ").append(entry).append(";\n");
            }
        }
        if (!members()) {
            s.append("    void fragment() throws Exception {\n");
        }
        return s.toString();
    }

    /**
     * Compiles each block on its own against the class path, into {@code out}, and returns the errors as
     * {@code page:line: message}, empty when every block compiles.
     */
    static List<String> compile(List<DocBlock> blocks, String classPath, Path out) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> errors = new ArrayList<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
            for (DocBlock block : blocks) {
                // One task per block: two whole examples may declare the same class name.
                int before = errors.size();
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                boolean ok = compiler.getTask(null, files, diagnostics,
                        List.of("-d", out.toString(), "-classpath", classPath, "--release", "17", "-proc:none"),
                        null, List.of(block.new Source())).call();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        errors.add(block.page + ":" + block.pageLine(d.getLineNumber()) + ": "
                                + d.getMessage(Locale.ROOT).replaceAll("\\s+", " "));
                    }
                }
                if (!ok && errors.size() == before) {
                    errors.add(block.page + ":" + block.fence + ": does not compile");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private final class Source extends SimpleJavaFileObject {
        Source() {
            super(URI.create("string:///" + className() + ".java"), Kind.SOURCE);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source();
        }
    }
}
