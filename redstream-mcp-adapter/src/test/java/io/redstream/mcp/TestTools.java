package io.redstream.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.redstream.mcp.tools.ErrorCode;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.ToolException;
import io.redstream.mcp.tools.ToolHints;
import io.redstream.mcp.tools.ToolSpec;

/**
 * Test-only tools that exercise the framework without Redis: they compute in memory and say so.
 * Never registered by the production {@link Main}.
 */
public final class TestTools {

    private TestTools() {
    }

    public static List<ToolSpec> all(ServerConfig config) {
        return List.of(echo(config), counterAdd(), fail(), listItems(config), badOutput(), noisy());
    }

    /** Read-only: returns its text, optionally repeated and upper-cased. */
    public static ToolSpec echo(ServerConfig config) {
        return ToolSpec.builder("echo")
                .title("Echo")
                .description("Test tool: returns the text, repeated 'repeat' times.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object()
                        .required("text", Schemas.string().nonEmpty()
                                .maxBytes(config.limits().maxValueBytes(), "--max-value-bytes")
                                .description("Text to echo"))
                        .optional("repeat", Schemas.integer().min(1)
                                .limit(config.limits().maxCount(), "--max-count").defaultValue(1))
                        .optional("upper", Schemas.bool().defaultValue(false)))
                .output(Schemas.object()
                        .required("text", Schemas.string())
                        .required("length", Schemas.integer().min(0)))
                .handler((args, ctx) -> {
                    String text = args.string("text").repeat(args.intValue("repeat"));
                    if (args.bool("upper")) {
                        text = text.toUpperCase(Locale.ROOT);
                    }
                    return Map.of("text", text, "length", text.length());
                })
                .build();
    }

    /** Writes (in memory): adds to a counter; not idempotent. */
    public static ToolSpec counterAdd() {
        AtomicLong counter = new AtomicLong();
        return ToolSpec.builder("counter_add")
                .description("Test tool: adds 'delta' to an in-memory counter and returns the new value.")
                .hints(ToolHints.write(false, false))
                .input(Schemas.object().required("delta", Schemas.integer().range(-100, 100)))
                .output(Schemas.object().required("value", Schemas.integer()))
                .handler((args, ctx) -> Map.of("value", counter.addAndGet(args.longValue("delta"))))
                .build();
    }

    /** Read-only: fails as asked, with a coded error or an unexpected exception ("crash"). */
    public static ToolSpec fail() {
        List<String> codes = new ArrayList<>();
        for (ErrorCode c : ErrorCode.values()) {
            codes.add(c.name());
        }
        codes.add("crash");
        return ToolSpec.builder("fail")
                .description("Test tool: fails with the given error code, or crashes.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object().required("code", Schemas.string().oneOf(codes.toArray(String[]::new))))
                .output(Schemas.object().required("never", Schemas.bool()))
                .handler((args, ctx) -> {
                    String code = args.string("code");
                    if (code.equals("crash")) {
                        throw new IllegalStateException("boom: redis://admin:hunter2@db:6379 refused");
                    }
                    throw new ToolException(ErrorCode.valueOf(code), "failed as requested");
                })
                .build();
    }

    /** Read-only: a list of items of about 100 bytes each, to test the result size cap. */
    public static ToolSpec listItems(ServerConfig config) {
        return ToolSpec.builder("list_items")
                .description("Test tool: returns 'count' items.")
                .hints(ToolHints.READ_ONLY)
                .input(Schemas.object().required("count", Schemas.integer().min(0)
                        .limit(config.limits().maxCount(), "--max-count")))
                .output(Schemas.object()
                        .required("items", Schemas.array(Schemas.object()
                                .required("index", Schemas.integer())
                                .required("payload", Schemas.string())))
                        .required("total", Schemas.integer()))
                .handler((args, ctx) -> {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < args.intValue("count"); i++) {
                        items.add(Map.of("index", i, "payload", "x".repeat(80)));
                    }
                    return Map.of("items", items, "total", items.size());
                })
                .build();
    }

    /** Read-only: returns a result that breaks its own output schema (a server bug). */
    public static ToolSpec badOutput() {
        return ToolSpec.builder("bad_output")
                .description("Test tool: returns a result that violates its output schema.")
                .hints(ToolHints.READ_ONLY)
                .output(Schemas.object().required("count", Schemas.integer()))
                .handler((args, ctx) -> Map.of("count", "not a number"))
                .build();
    }

    /** Read-only: prints to System.out, which must land on stderr and never corrupt the protocol. */
    public static ToolSpec noisy() {
        return ToolSpec.builder("noisy")
                .description("Test tool: writes a stray line with System.out.println.")
                .hints(ToolHints.READ_ONLY)
                .output(Schemas.object().required("printed", Schemas.bool()))
                .handler((args, ctx) -> {
                    System.out.println("stray output from a tool");
                    return Map.of("printed", true);
                })
                .build();
    }
}
