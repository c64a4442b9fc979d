package io.redstream.mcp.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.redstream.mcp.tools.ToolException;
import io.redstream.mcp.tools.ToolSpec;

/**
 * Serializes a structured result and keeps it under the result size limit (DESIGN §4: "result size
 * capped with a truncation marker"). A result that is too large is cut by dropping trailing items of
 * its top-level arrays (in declaration order) and marked {@code truncated: true}; a result whose
 * non-array part alone is too large (e.g. one huge value) is refused with LIMIT_EXCEEDED instead of
 * being silently cut. Thread-safe.
 */
final class ResultShaper {

    private static final Logger log = LoggerFactory.getLogger(ResultShaper.class);

    /** Serialized result and the (possibly cut) structure it was made from. */
    record Shaped(Map<String, Object> structured, String json) {
    }

    private final ObjectMapper mapper;
    private final int maxResultBytes;
    private final String setting;

    ResultShaper(ObjectMapper mapper, int maxResultBytes, String setting) {
        this.mapper = requireNonNull(mapper, "mapper");
        this.maxResultBytes = maxResultBytes;
        this.setting = requireNonNull(setting, "setting");
    }

    Shaped shape(ToolSpec spec, Map<String, Object> result) throws JsonProcessingException {
        String json = mapper.writeValueAsString(result);
        long size = utf8Length(json);
        if (size <= maxResultBytes) {
            return new Shaped(result, json);
        }
        Map<String, Object> cut = new LinkedHashMap<>(result);
        List<String> arrays = new ArrayList<>();
        for (String name : spec.outputArrays()) {
            if (cut.get(name) instanceof List<?>) {
                arrays.add(name);
                cut.put(name, List.of());
            }
        }
        if (arrays.isEmpty()) {
            throw tooLarge(spec, size);
        }
        cut.put(ToolSpec.TRUNCATED, Boolean.TRUE);
        long base = utf8Length(mapper.writeValueAsString(cut));
        if (base > maxResultBytes) {
            throw tooLarge(spec, size);
        }
        long budget = maxResultBytes - base;
        for (String name : arrays) {
            List<?> items = (List<?>) result.get(name);
            int kept = 0;
            for (Object item : items) {
                long itemSize = utf8Length(mapper.writeValueAsString(item)) + (kept > 0 ? 1 : 0);
                if (itemSize > budget) {
                    break;
                }
                budget -= itemSize;
                kept++;
            }
            cut.put(name, items.subList(0, kept));
            if (kept < items.size()) {
                budget = 0; // later arrays stay empty rather than skipping ahead of a gap
            }
        }
        String cutJson = mapper.writeValueAsString(cut);
        log.info("tool '{}' result cut from {} to {} bytes ({} limit {})", spec.name(), size, utf8Length(cutJson),
                setting, maxResultBytes);
        return new Shaped(cut, cutJson);
    }

    private ToolException tooLarge(ToolSpec spec, long size) {
        return ToolException.limitExceeded("the result of '" + spec.name() + "' is " + size
                + " bytes, more than the result limit of " + maxResultBytes + " bytes (server limit, set by "
                + setting + "); ask for less, e.g. a smaller count or a narrower range");
    }

    static long utf8Length(String s) {
        return io.redstream.mcp.tools.Utf8.length(s);
    }
}
