package io.redstream.mcp.tools;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.redstream.core.ConflictException;
import io.redstream.core.InvalidArgumentException;
import io.redstream.core.RedStreamException;
import io.redstream.core.tx.Transaction;
import io.redstream.core.tx.TransactionResult;
import io.redstream.mcp.tool.Doc;
import io.redstream.mcp.tool.ErrorMapper;
import io.redstream.mcp.tool.Limit;
import io.redstream.mcp.tool.Range;
import io.redstream.mcp.tool.Required;
import io.redstream.mcp.tool.ToolDefinition;
import io.redstream.mcp.tool.ToolHints;
import io.redstream.mcp.tool.Toolset;

/**
 * {@code redis_multi}: several key operations applied atomically ({@code MULTI}/{@code EXEC}, optional
 * {@code WATCH}). All or nothing: the shape of every operation is checked here, then core checks every name and
 * the caller's right to every operation before it opens a connection. Once Redis has committed, the reply says so
 * whatever the results hold — a client that retried a "failed" commit would apply it twice.
 */
final class MultiTool {

    static final int MAX_REPORTED = 8;

    private MultiTool() {
    }

    enum Op {
        @JsonProperty("get") GET,
        @JsonProperty("set") SET,
        @JsonProperty("del") DEL,
        @JsonProperty("expire") EXPIRE,
        @JsonProperty("incr") INCR
    }

    record Operation(@Required Op op, @Required @Doc(KeyTools.KEY) String key,
            @Doc("set: the value (string, or JSON stored as text); incr: the integer to add (default 1)") Object value,
            @Range(min = 1, max = Conversions.MAX_TTL_SECONDS)
            @Doc("set/incr: TTL (default {default_ttl}); expire: required") Long ttlSeconds) {
    }

    record MultiArgs(
            @Required @Range(min = 1, limit = Limit.MULTI_OPS) @Doc("The operations, applied in order")
            List<Operation> operations,
            @Range(limit = Limit.COUNT) @Doc("Keys that must not change while the transaction runs") List<String> watch) {
    }

    record MultiResult(@Doc("Always true in a successful result; an aborted transaction is the error CONFLICT")
            boolean committed,
            @Doc("One result per operation, in order; an operation Redis refused while executing (e.g. incr on text)"
                    + " shows {\"error\": \"CODE: message\"}") List<Object> results) {
    }

    static ToolDefinition<MultiArgs, MultiResult> tool() {
        return ToolDefinition.builder("redis_multi", MultiArgs.class, MultiResult.class)
                .title("Atomic multi-key update")
                .description("Runs several key operations atomically (MULTI/EXEC). op is get, set, del, expire or incr."
                        + " set needs value; expire needs ttl_seconds; incr adds value (an integer, default 1). set and"
                        + " incr give the key a TTL: ttl_seconds, else the server default ({default_ttl} s). All or"
                        + " nothing: if any operation is invalid or not allowed for the caller, nothing runs. With"
                        + " watch, the transaction is not applied (error CONFLICT) when a watched key changes while it"
                        + " runs. Results are in operation order: get -> value or null, set -> true/false,"
                        + " del -> number deleted, expire -> true/false, incr -> new value.")
                .hints(ToolHints.write(true, false))
                .toolset(Toolset.STATE)
                .handler((args, call) -> {
                    long defaultTtl = call.settings().defaultTtlSeconds();
                    Transaction tx = call.redis().transaction();
                    List<String> problems = new ArrayList<>();
                    List<Runnable> steps = new ArrayList<>(args.operations().size());
                    for (int i = 0; i < args.operations().size(); i++) {
                        steps.add(prepare(tx, i, args.operations().get(i), defaultTtl, problems));
                    }
                    if (!problems.isEmpty()) {
                        throw new InvalidArgumentException(report(problems) + "; nothing was run");
                    }
                    List<String> watch = args.watch() == null ? List.of() : args.watch();
                    if (!watch.isEmpty()) {
                        tx.watch(watch.toArray(String[]::new));
                    }
                    steps.forEach(Runnable::run);
                    TransactionResult result = tx.execute();
                    if (!result.committed()) {
                        throw new ConflictException("a watched key (" + String.join(", ", watch) + ") changed while"
                                + " the transaction ran, so nothing was applied; read the keys again and retry");
                    }
                    return new MultiResult(true, results(result));
                })
                .build();
    }

    /** Results as JSON-friendly values; never throws, because by now Redis has committed. */
    private static List<Object> results(TransactionResult result) {
        List<Object> results = new ArrayList<>(result.results().size());
        for (Object r : result.results()) {
            if (r instanceof RedStreamException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", ErrorMapper.text("redis_multi", null, e));
                results.add(error);
            } else if (r == null || r instanceof String || r instanceof Boolean || r instanceof Number) {
                results.add(r);
            } else {
                results.add(String.valueOf(r));
            }
        }
        return results;
    }

    /** Checks one operation's shape; returns the step that queues it, or records the problems. */
    private static Runnable prepare(Transaction tx, int i, Operation op, long defaultTtl, List<String> problems) {
        String at = "operations[" + i + "]";
        String key = op.key();
        Object value = op.value();
        Long ttl = op.ttlSeconds();
        switch (op.op()) {
            case GET, DEL -> {
                refuse(problems, at, op.op(), "value", value);
                refuse(problems, at, op.op(), "ttl_seconds", ttl);
                return op.op() == Op.GET ? () -> tx.get(key) : () -> tx.delete(key);
            }
            case SET -> {
                if (value == null) {
                    problems.add(at + ".value is required for op 'set'");
                }
                Duration d = Duration.ofSeconds(ttl != null ? ttl : defaultTtl);
                return () -> tx.set(key, value, d);
            }
            case EXPIRE -> {
                refuse(problems, at, op.op(), "value", value);
                if (ttl == null) {
                    problems.add(at + ".ttl_seconds is required for op 'expire'");
                    return () -> { };
                }
                return () -> tx.expire(key, Duration.ofSeconds(ttl));
            }
            case INCR -> {
                Long delta = value == null ? Long.valueOf(1) : integer(value);
                if (delta == null) {
                    problems.add(at + ".value must be an integer to add for op 'incr', but was " + describe(value));
                    return () -> { };
                }
                Duration d = Duration.ofSeconds(ttl != null ? ttl : defaultTtl);
                return () -> tx.increment(key, delta, d);
            }
            default -> throw new IllegalStateException("op " + op.op() + " passed the schema");
        }
    }

    private static void refuse(List<String> problems, String at, Op kind, String name, Object value) {
        if (value != null) {
            problems.add(at + "." + name + " is not allowed for op '" + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + "'");
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
