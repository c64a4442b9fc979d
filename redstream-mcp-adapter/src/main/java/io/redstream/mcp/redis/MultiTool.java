package io.redstream.mcp.redis;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.redstream.core.RedStreamException;
import io.redstream.core.tx.Transaction;
import io.redstream.core.tx.TransactionResult;
import io.redstream.mcp.tools.Schemas;
import io.redstream.mcp.tools.ToolArguments;
import io.redstream.mcp.tools.ToolException;
import io.redstream.mcp.tools.ToolHints;
import io.redstream.mcp.tools.ToolSpec;

/**
 * {@code redis_multi}: several key operations applied atomically ({@code MULTI}/{@code EXEC}, optional
 * {@code WATCH}). All-or-nothing before anything is sent: every operation is validated here (shape),
 * then core checks every name and the caller's right to every operation before it opens a connection.
 */
final class MultiTool {

    static final int MAX_REPORTED = 8;

    private MultiTool() {
    }

    static ToolSpec spec(ToolKit kit) {
        long ttl = kit.defaultTtlSeconds();
        return ToolSpec.builder("redis_multi")
                .title("Atomic multi-key update")
                .description("Runs several key operations atomically (MULTI/EXEC). op is get, set, del, expire or incr."
                        + " set needs value; expire needs ttl_seconds; incr adds value (an integer, default 1). set and"
                        + " incr give the key a TTL: ttl_seconds, else the server default (" + ttl + " s). All or"
                        + " nothing: if any operation is invalid or not allowed for the caller, nothing runs. With"
                        + " watch, the transaction is not applied (error CONFLICT) when a watched key changes while it"
                        + " runs. Results are in operation order: get -> value or null, set -> true/false,"
                        + " del -> number deleted, expire -> true/false, incr -> new value.")
                .hints(ToolHints.write(true, false))
                .input(Schemas.object()
                        .required("operations", Schemas.array(Schemas.object()
                                        .required("op", Schemas.string().oneOf("get", "set", "del", "expire", "incr"))
                                        .required("key", ToolKit.key("Key"))
                                        .optional("value", kit.value("set: the value (string, or JSON stored as text);"
                                                + " incr: the integer to add (default 1)"))
                                        .optional("ttl_seconds", ToolKit.ttlSeconds("set/incr: TTL (default " + ttl
                                                + "); expire: required")))
                                .nonEmpty()
                                .limit(kit.limits().maxMultiOps(), "--max-multi-ops")
                                .description("The operations, applied in order"))
                        .optional("watch", kit.names(ToolKit.key("Key"),
                                "Keys that must not change while the transaction runs")))
                .output(Schemas.object()
                        .required("committed", Schemas.bool().description("Always true in a successful result; an"
                                + " aborted transaction is the error CONFLICT"))
                        .required("results", Schemas.array(Schemas.any()).description("One result per operation,"
                                + " in order; an operation Redis refused while executing (e.g. incr on text) shows"
                                + " {\"error\": \"CODE: message\"}")))
                .handler(ToolKit.translated((args, ctx) -> {
                    List<ToolArguments> operations = args.objectList("operations");
                    List<String> watch = args.stringList("watch");
                    List<Runnable> steps = new ArrayList<>(operations.size());
                    Transaction tx = kit.redis(ctx).transaction();
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < operations.size(); i++) {
                        steps.add(prepare(tx, i, operations.get(i), ttl, problems));
                    }
                    if (!problems.isEmpty()) {
                        throw ToolException.invalidArgument(report(problems) + "; nothing was run");
                    }
                    if (!watch.isEmpty()) {
                        tx.watch(watch.toArray(String[]::new));
                    }
                    steps.forEach(Runnable::run);
                    TransactionResult result = tx.execute();
                    if (!result.committed()) {
                        throw ToolException.conflict("a watched key (" + String.join(", ", watch) + ") changed while the"
                                + " transaction ran, so nothing was applied; read the keys again and retry");
                    }
                    List<Object> results = new ArrayList<>(result.results().size());
                    for (Object r : result.results()) {
                        if (r instanceof RedStreamException e) {
                            Map<String, Object> error = new LinkedHashMap<>();
                            error.put("error", ToolKit.translate(e, null).toResultText());
                            results.add(error);
                        } else {
                            results.add(r);
                        }
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("committed", true);
                    out.put("results", results);
                    return out;
                }))
                .build();
    }

    /** Checks one operation's shape; returns the step that queues it, or records the problems. */
    private static Runnable prepare(Transaction tx, int i, ToolArguments op, long defaultTtl, List<String> problems) {
        String at = "operations[" + i + "]";
        String kind = op.string("op");
        String key = op.string("key");
        Object value = op.value("value");
        Long ttl = op.optionalLong("ttl_seconds").isPresent() ? op.longValue("ttl_seconds") : null;
        switch (kind) {
            case "get", "del" -> {
                refuse(problems, at, kind, "value", value);
                refuse(problems, at, kind, "ttl_seconds", ttl);
                return kind.equals("get") ? () -> tx.get(key) : () -> tx.delete(key);
            }
            case "set" -> {
                if (value == null) {
                    problems.add(at + ".value is required for op 'set'");
                }
                Duration d = Duration.ofSeconds(ttl != null ? ttl : defaultTtl);
                return () -> tx.set(key, value, d);
            }
            case "expire" -> {
                refuse(problems, at, kind, "value", value);
                if (ttl == null) {
                    problems.add(at + ".ttl_seconds is required for op 'expire'");
                }
                return () -> tx.expire(key, Duration.ofSeconds(ttl));
            }
            case "incr" -> {
                Long delta = value == null ? Long.valueOf(1) : integer(value);
                if (delta == null) {
                    problems.add(at + ".value must be an integer to add for op 'incr', but was " + describe(value));
                }
                Duration d = Duration.ofSeconds(ttl != null ? ttl : defaultTtl);
                return () -> tx.increment(key, delta, d);
            }
            default -> throw new IllegalStateException("op " + kind + " passed the schema");
        }
    }

    private static void refuse(List<String> problems, String at, String kind, String name, Object value) {
        if (value != null) {
            problems.add(at + "." + name + " is not allowed for op '" + kind + "'");
        }
    }

    private static Long integer(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        return null;
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return value instanceof Map<?, ?> ? "an object" : value instanceof List<?> ? "an array" : String.valueOf(value);
    }

    private static String report(List<String> problems) {
        List<String> shown = problems.size() > MAX_REPORTED ? problems.subList(0, MAX_REPORTED) : problems;
        String text = String.join("; ", shown);
        return problems.size() > MAX_REPORTED ? text + "; and " + (problems.size() - MAX_REPORTED) + " more" : text;
    }
}
