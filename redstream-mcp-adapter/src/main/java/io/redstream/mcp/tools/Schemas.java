package io.redstream.mcp.tools;

/**
 * Factory of the schema DSL used to declare tool inputs and outputs:
 *
 * <pre>{@code
 * ObjectSchema input = Schemas.object()
 *     .required("stream", Schemas.string().nonEmpty().description("Stream name, e.g. nova:task:router:tasks"))
 *     .optional("count", Schemas.integer().min(1).limit(limits.maxCount(), "--max-count").defaultValue(100));
 * }</pre>
 */
public final class Schemas {

    private Schemas() {
    }

    public static ObjectSchema object() {
        return new ObjectSchema();
    }

    public static StringSchema string() {
        return new StringSchema();
    }

    public static IntegerSchema integer() {
        return new IntegerSchema();
    }

    /** A JSON number, integral or not (e.g. a latency in milliseconds). */
    public static NumberSchema number() {
        return new NumberSchema();
    }

    public static BooleanSchema bool() {
        return new BooleanSchema();
    }

    public static ArraySchema array(Schema<?> items) {
        return new ArraySchema(items);
    }

    /** An object with arbitrary keys whose values all follow {@code values}. */
    public static MapSchema map(Schema<?> values) {
        return new MapSchema(values);
    }

    /** Any JSON value. */
    public static AnySchema any() {
        return new AnySchema();
    }
}
