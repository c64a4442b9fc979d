package io.redstream.auth.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.redstream.auth.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML policy file into rules, checking its shape strictly (unknown keys, wrong types and duplicate
 * keys are errors) so that a typo cannot silently widen or narrow access. The contents of the rules (action ids,
 * resource patterns) are checked later against the naming policy.
 *
 * <pre>
 * roles:
 *   planner:
 *     - effect: allow
 *       actions: [stream.publish, stream.read, "group.*"]
 *       resources: ["nova:task:*:*"]
 *     - effect: deny
 *       actions: ["*"]
 *       resources: ["nova:task:secret:&gt;"]
 * </pre>
 */
public final class PolicyFileParser {
    private static final Set<String> RULE_KEYS = Set.of("effect", "actions", "resources", "description");
    // YAML's safe constructor builds only plain maps, lists and scalars, and SnakeYAML limits alias expansion,
    // so a hostile file cannot instantiate classes or blow up memory with alias bombs.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PolicyFileParser() {
    }

    /**
     * Parses {@code yaml} into roles; {@code source} (a file name) prefixes every error.
     *
     * @param yaml   the policy text
     * @param source names the text in error messages
     * @return role name to rules, in file order
     * @throws IllegalArgumentException naming the role, the rule index and the offending value
     */
    public static Map<String, List<PolicyRule>> parse(String yaml, String source) {
        String where = "policy file " + source + ": ";
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(where + "is not valid YAML" + location + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(where + "is empty; expected a top-level 'roles:' mapping");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(where + "must be a mapping with a top-level 'roles:' key");
        }
        for (Map.Entry<String, JsonNode> top : root.properties()) {
            String key = top.getKey();
            if (!key.equals("roles")) {
                throw new IllegalArgumentException(where + "unknown top-level key '" + key + "'; only 'roles' is"
                        + " allowed");
            }
        }
        JsonNode roles = root.get("roles");
        if (roles == null || !roles.isObject()) {
            throw new IllegalArgumentException(where + "'roles' must be a mapping from role name to a list of rules");
        }
        Map<String, List<PolicyRule>> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> role : roles.properties()) {
            String name = role.getKey();
            if (!Identifiers.isRole(name)) {
                throw new IllegalArgumentException(where + "role name '" + Identifiers.printable(name)
                        + "' must match " + Identifiers.ROLE.pattern());
            }
            result.put(name, rules(where + "role '" + name + "'", role.getValue()));
        }
        return result;
    }

    private static List<PolicyRule> rules(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be a list of rules");
        }
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            rules.add(rule(where + " rule #" + i, node.get(i)));
        }
        return rules;
    }

    private static PolicyRule rule(String where, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping with effect, actions and resources");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (!RULE_KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "'; allowed keys are effect,"
                        + " actions, resources, description");
            }
        }
        JsonNode effectNode = node.get("effect");
        if (effectNode == null || !effectNode.isTextual()) {
            throw new IllegalArgumentException(where + ": 'effect' is required and must be allow or deny");
        }
        PolicyRule.Effect effect = switch (effectNode.asText().toLowerCase(Locale.ROOT)) {
            case "allow" -> PolicyRule.Effect.ALLOW;
            case "deny" -> PolicyRule.Effect.DENY;
            default -> throw new IllegalArgumentException(where + ": effect must be allow or deny, but was '"
                    + Identifiers.printable(effectNode.asText()) + "'");
        };
        return new PolicyRule(effect, strings(where, "actions", node.get("actions")),
                strings(where, "resources", node.get("resources")));
    }

    private static List<String> strings(String where, String key, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + key + "' is required and must be a non-empty list"
                    + " of strings (quote \"*\" in YAML)");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isTextual()) {
                throw new IllegalArgumentException(where + ": " + key + "[" + i + "] must be a string, but was "
                        + Identifiers.printable(v.toString()));
            }
            values.add(v.asText());
        }
        return values;
    }
}
