package io.redstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocBlockTest {
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @TempDir
    Path out;

    @Test
    void parse_findsJavaBlocksWithTheirFenceLineAndContext() {
        String page = """
                # Title

                ```bash
                echo not java
                ```
                <!-- java-context: RedStream rs; String work(Task task); import java.nio.file.Path -->
                ```java
                rs.publish("nova:task:a:b", Map.of());
                ```
                """;

        List<DocBlock> blocks = DocBlock.parse("p.md", page);

        assertThat(blocks).containsExactly(new DocBlock("p.md", 7,
                List.of("RedStream rs", "String work(Task task)", "import java.nio.file.Path"),
                "rs.publish(\"nova:task:a:b\", Map.of());\n"));
    }

    @Test
    void parse_rejectsAStrayContextAnUnclosedBlockAndAnAnnotatedFence() {
        assertThatThrownBy(() -> DocBlock.parse("p.md", "<!-- java-context: RedStream rs -->\n```bash\n```\n"))
                .hasMessage("p.md:1: java-context is not followed by ```java");
        assertThatThrownBy(() -> DocBlock.parse("p.md", "text\n```java\nint a = 1;\n"))
                .hasMessage("p.md:2: ```java block is not closed");
        assertThatThrownBy(() -> DocBlock.parse("p.md", "```java title=A.java\nint a = 1;\n```\n"))
                .hasMessage("p.md:1: a Java block opens with a bare ```java");
    }

    @Test
    void aBlockWithImports_isWholeAndCompilesAsWritten() {
        String code = "import java.util.List;\n\npublic class Tour {\n    List<String> names;\n}\n";
        DocBlock block = new DocBlock("p.md", 3, List.of(), code);

        assertThat(block.whole()).isTrue();
        assertThat(block.className()).isEqualTo("Tour");
        assertThat(block.source()).isEqualTo(code);
        assertThat(block.pageLine(4)).isEqualTo(7);
        assertThat(DocBlock.compile(List.of(block), CLASS_PATH, out)).isEmpty();
    }

    @Test
    void statements_areTheBodyOfAMethodThatSeesTheContext() {
        DocBlock block = new DocBlock("docs/x.md", 10, List.of("RedStream rs", "String work(Task task)"), """
                TaskBoard board = rs.tasks("boomerang");
                board.claim("agent-alpha", Duration.ofMinutes(5)).ifPresent(task -> work(task));
                """);

        assertThat(block.whole()).isFalse();
        assertThat(block.source()).contains("    RedStream rs;\n", "    abstract String work(Task task);\n",
                "    void fragment() throws Exception {\nTaskBoard board");
        assertThat(block.pageLine(block.source().lines().toList().indexOf("TaskBoard board = rs.tasks(\"boomerang\");")
                + 1)).isEqualTo(11);
        assertThat(DocBlock.compile(List.of(block), CLASS_PATH, out)).isEmpty();
    }

    @Test
    void anAnnotatedOrMethodFirstLine_makesTheFragmentMembers() {
        DocBlock bean = new DocBlock("p.md", 1, List.of("import org.springframework.context.annotation.Bean"), """
                @Bean
                RedStreamBuilderCustomizer limits() {
                    return builder -> builder.limits(Limits.builder().maxCount(500).build());
                }
                """);
        DocBlock method = new DocBlock("p.md", 1, List.of(), "String greet(String name) {\n    return name;\n}\n");

        assertThat(bean.source()).doesNotContain("void fragment()");
        assertThat(method.source()).doesNotContain("void fragment()");
        assertThat(DocBlock.compile(List.of(bean, method), CLASS_PATH, out)).isEmpty();
    }

    @Test
    void anEmptyFragment_compiles_soEveryStandardImportExists() {
        assertThat(DocBlock.compile(List.of(new DocBlock("p.md", 1, List.of(), "")), CLASS_PATH, out)).isEmpty();
    }

    @Test
    void aBlockThatDoesNotCompile_isReportedWithPageLineAndMessage() {
        DocBlock fragment = new DocBlock("docs/state.md", 5, List.of("RedStream rs"),
                "StateOperations state = rs.state();\nstate.set(key, \"v\");\n");
        DocBlock whole = new DocBlock("README.md", 72, List.of(),
                "import java.util.List;\npublic class Tour {\n    Lisst<String> names;\n}\n");

        assertThat(DocBlock.compile(List.of(fragment, whole), CLASS_PATH, out)).containsExactly(
                "docs/state.md:7: cannot find symbol symbol: variable key location: class Fragment_docs_state_md_5",
                "README.md:75: cannot find symbol symbol: class Lisst location: class Tour");
    }

    @Test
    void aWholeBlock_takesNoContext() {
        assertThatThrownBy(() -> new DocBlock("p.md", 4, List.of("RedStream rs"),
                "import java.util.List;\npublic class A {}\n").source())
                .hasMessage("p.md:4: a whole example has no java-context");
    }
}
