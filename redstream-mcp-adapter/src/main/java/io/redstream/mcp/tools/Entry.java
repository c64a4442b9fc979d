package io.redstream.mcp.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.redstream.core.stream.MessageFields;
import io.redstream.core.stream.StreamEntry;
import io.redstream.mcp.tool.Doc;

/**
 * A stream entry as tools return it. Group reads and claims add how often it was delivered, and mark entries
 * trimmed or deleted while pending.
 */
record Entry(@Doc("Entry id, <ms>-<seq>") String id,
        @Doc("The published fields (non-string values come back as the JSON values they were) plus _timestamp,"
                + " _source and _trace_id") Map<String, Object> fields,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("How often the entry was delivered, when known")
        Long deliveries,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Doc("true when the entry was trimmed or deleted while pending;"
                + " its fields are then empty") Boolean deleted) {

    private static final String[] META = {MessageFields.TIMESTAMP, MessageFields.SOURCE, MessageFields.TRACE_ID};

    static Entry of(StreamEntry e, boolean groupRead) {
        Map<String, Object> fields = new LinkedHashMap<>(e.values());
        for (String meta : META) {
            String v = e.get(meta);
            if (v != null) {
                fields.put(meta, v);
            }
        }
        Long deliveries = groupRead && e.deliveries().isPresent() ? e.deliveries().getAsLong() : null;
        return new Entry(e.id(), fields, deliveries, groupRead && e.isDeleted() ? Boolean.TRUE : null);
    }

    static List<Entry> all(List<StreamEntry> entries, boolean groupRead) {
        List<Entry> out = new ArrayList<>(entries.size());
        for (StreamEntry e : entries) {
            out.add(of(e, groupRead));
        }
        return out;
    }
}
