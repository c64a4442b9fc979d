package io.redstream.mcp.transport;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code tools/call}'s arguments as the parsed JSON tree, seen as the {@code Map} the SDK's request type holds.
 * The tool invoker validates and binds the tree itself, so on the usual path the arguments are never copied into
 * maps; whoever reads this map gets the converted values. Read-only; thread-safe.
 */
final class ParsedArguments extends AbstractMap<String, Object> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode tree;
    private volatile Map<String, Object> converted;

    ParsedArguments(ObjectNode tree) {
        this.tree = tree;
    }

    /** The arguments as parsed. */
    ObjectNode tree() {
        return tree;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> m = converted;
        if (m == null) {
            m = Collections.unmodifiableMap(JSON.convertValue(tree, LinkedHashMap.class));
            converted = m;
        }
        return m.entrySet();
    }

    @Override
    public int size() {
        return tree.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String k && tree.has(k);
    }
}
