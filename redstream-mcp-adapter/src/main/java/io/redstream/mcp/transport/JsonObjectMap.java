package io.redstream.mcp.transport;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON object seen as a {@code Map}, converted only if someone reads it. The transport hands the SDK a
 * {@code tools/call} request whose arguments are this view of the parsed tree: the tool invoker validates the tree
 * itself, so on the usual path the arguments are never copied into maps. Read-only.
 */
final class JsonObjectMap extends AbstractMap<String, Object> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode node;
    private Map<String, Object> converted;

    JsonObjectMap(ObjectNode node) {
        this.node = node;
    }

    ObjectNode node() {
        return node;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized Set<Entry<String, Object>> entrySet() {
        if (converted == null) {
            converted = Map.copyOf(JSON.convertValue(node, Map.class));
        }
        return converted.entrySet();
    }

    @Override
    public int size() {
        return node.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String k && node.has(k);
    }
}
