package io.redstream.mcp.tool;

import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;

/**
 * Derives the JSON schemas of a tool from its argument and result records (victools jsonschema-generator with its
 * Jackson module), once, at build time: the schemas are written by {@code SchemaExport} into the jar and read by
 * {@link ToolSchemas} at start-up, so a server start pays for none of this. Draft 2020-12, no {@code $defs}
 * (every schema inline), snake_case names, {@code additionalProperties: false}.
 *
 * <p>Mapping of the annotations: {@link Doc} → {@code description}; {@link Required} → {@code required} (inputs;
 * every result field is required unless it is {@code @JsonInclude(NON_NULL)}); {@link Nullable} → the type also
 * allows {@code null}; {@link Range} → {@code minimum}/{@code maximum} for integers, {@code minItems}/
 * {@code maxItems}, {@code minLength}/{@code maxLength}, {@code minProperties}/{@code maxProperties} otherwise;
 * a {@link Range#limit()} and a {@link Default} are recorded beside the schema (they depend on the server's
 * settings) and applied at start-up.
 */
public final class ToolSchemaGenerator {

    static final String LIMIT_MARK = "x-redstream-limit";
    static final String DEFAULT_MARK = "x-redstream-default";

    private final SchemaGenerator input = new SchemaGenerator(config(true));
    private final SchemaGenerator output = new SchemaGenerator(config(false));
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The schemas of one tool in the form {@link ToolSchemas} reads: {@code input}, {@code output}, and the
     * {@code limits} and {@code defaults} of the input keyed by JSON pointer.
     */
    public ObjectNode describe(ToolDefinition<?, ?> tool) {
        ObjectNode in = input.generateSchema(tool.arguments());
        ObjectNode out = output.generateSchema(tool.result());
        ObjectNode limits = json.createObjectNode();
        ObjectNode defaults = json.createObjectNode();
        extractMarks(in, "", limits, defaults);
        extractMarks(out, "", json.createObjectNode(), json.createObjectNode());
        addTruncationMarker(out);
        ObjectNode described = json.createObjectNode();
        described.set("input", in);
        described.set("output", out);
        described.set("limits", limits);
        described.set("defaults", defaults);
        return described;
    }

    /** A result with a top-level list may be cut to the result cap; it then says so ({@link ResultShaper}). */
    private void addTruncationMarker(ObjectNode out) {
        JsonNode properties = out.path("properties");
        boolean hasList = false;
        for (JsonNode p : properties) {
            hasList |= "array".equals(p.path("type").asText());
        }
        if (hasList) {
            ObjectNode marker = ((ObjectNode) properties).putObject(ResultShaper.TRUNCATED);
            marker.put("type", "boolean");
            marker.put("description", "Present and true when a list was cut to the server's result size limit"
                    + " (--max-result-bytes)");
        }
    }

    private static void extractMarks(JsonNode node, String pointer, ObjectNode limits, ObjectNode defaults) {
        if (!(node instanceof ObjectNode object)) {
            if (node != null && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    extractMarks(node.get(i), pointer + "/" + i, limits, defaults);
                }
            }
            return;
        }
        JsonNode limit = object.remove(LIMIT_MARK);
        if (limit != null) {
            limits.set(pointer, limit);
        }
        JsonNode defaultValue = object.remove(DEFAULT_MARK);
        if (defaultValue != null) {
            defaults.set(pointer, defaultValue);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            extractMarks(e.getValue(), pointer + "/" + e.getKey(), limits, defaults);
        }
    }

    private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig config(boolean forInput) {
        SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                        Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS, Option.INLINE_ALL_SCHEMAS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        var fields = b.forFields();
        fields.withPropertyNameOverrideResolver(f -> f.isFakeContainerItemScope() ? null
                : ((PropertyNamingStrategies.NamingBase) ToolJson.NAMING).translate(f.getDeclaredName()));
        fields.withDescriptionResolver(f -> f.isFakeContainerItemScope() ? null
                : value(annotation(f, Doc.class)));
        b.forTypesInGeneral().withDescriptionResolver(t -> {
            Doc doc = t.getType().getErasedType().getAnnotation(Doc.class);
            return doc == null ? null : doc.value();
        });
        if (forInput) {
            fields.withRequiredCheck(f -> annotation(f, Required.class) != null);
        } else {
            fields.withRequiredCheck(f -> {
                JsonInclude include = annotation(f, JsonInclude.class);
                return include == null || include.value() == JsonInclude.Include.ALWAYS;
            });
            fields.withNullableCheck(f -> annotation(f, Nullable.class) != null);
        }
        fields.withNumberInclusiveMinimumResolver(f -> bound(f, true));
        fields.withNumberInclusiveMaximumResolver(f -> bound(f, false));
        fields.withArrayMinItemsResolver(f -> is(f, java.util.Collection.class) ? size(f, true) : null);
        fields.withArrayMaxItemsResolver(f -> is(f, java.util.Collection.class) ? size(f, false) : null);
        fields.withStringMinLengthResolver(f -> is(f, CharSequence.class) ? size(f, true) : null);
        fields.withStringMaxLengthResolver(f -> is(f, CharSequence.class) ? size(f, false) : null);
        // Declaration order, as the records read, rather than alphabetical.
        b.forTypesInGeneral().withPropertySorter((x, y) -> 0);
        fields.withInstanceAttributeOverride((node, f, context) -> {
            if (f.isFakeContainerItemScope()) {
                return;
            }
            Range range = annotation(f, Range.class);
            if (range != null && range.limit() != Limit.NONE) {
                node.put(LIMIT_MARK, range.limit().name());
            }
            Default def = annotation(f, Default.class);
            if (def != null) {
                node.put(DEFAULT_MARK, def.value());
            }
            if (range != null && isObject(f)) {
                if (range.min() != Long.MIN_VALUE) {
                    node.put("minProperties", range.min());
                }
                if (range.max() != Long.MAX_VALUE) {
                    node.put("maxProperties", range.max());
                }
            }
        });
        return b.build();
    }

    private static boolean is(FieldScope f, Class<?> type) {
        return !f.isFakeContainerItemScope() && type.isAssignableFrom(f.getType().getErasedType());
    }

    private static boolean isObject(FieldScope f) {
        return Map.class.isAssignableFrom(f.getType().getErasedType());
    }

    private static <A extends Annotation> A annotation(FieldScope f, Class<A> type) {
        return f.getAnnotationConsideringFieldAndGetter(type);
    }

    private static String value(Doc doc) {
        return doc == null ? null : doc.value();
    }

    private static java.math.BigDecimal bound(FieldScope f, boolean min) {
        Range range = f.isFakeContainerItemScope() ? null : annotation(f, Range.class);
        Class<?> type = f.getType().getErasedType();
        boolean integer = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        if (range == null || !integer) {
            return null;
        }
        long v = min ? range.min() : range.max();
        return v == (min ? Long.MIN_VALUE : Long.MAX_VALUE) ? null : java.math.BigDecimal.valueOf(v);
    }

    private static Integer size(FieldScope f, boolean min) {
        Range range = f.isFakeContainerItemScope() ? null : annotation(f, Range.class);
        if (range == null) {
            return null;
        }
        long v = min ? range.min() : range.max();
        return v == (min ? Long.MIN_VALUE : Long.MAX_VALUE) ? null : (int) Math.min(v, Integer.MAX_VALUE);
    }
}
