package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dxcp.gatesim.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The small part of Orca's SpEL handling that DXCP's pipelines need: {@code ${ parameters.x }},
 * {@code ${ parameters['x'] }} and {@code ${ trigger.x }} inside stage configuration. A field
 * whose whole value is an expression takes the referenced value (or disappears when the
 * referenced key is absent, as a null would); anything not understood is left as written, which
 * is also what Orca does with an expression it cannot evaluate.
 */
final class Expressions {

    private Expressions() {
    }

    static JsonNode evaluate(JsonNode node, ObjectNode trigger) {
        if (node.isTextual()) {
            return evaluateText(node.asText(), trigger);
        }
        if (node.isObject()) {
            ObjectNode result = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = evaluate(field.getValue(), trigger);
                if (value != null) {
                    result.set(field.getKey(), value);
                }
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = Json.array();
            node.forEach(element -> {
                JsonNode value = evaluate(element, trigger);
                result.add(value == null ? NullNode.instance : value);
            });
            return result;
        }
        return node.deepCopy();
    }

    /** Returns null when the text is a single expression whose key is absent. */
    private static JsonNode evaluateText(String text, ObjectNode trigger) {
        String trimmed = text.trim();
        if (trimmed.startsWith("${") && trimmed.endsWith("}") && trimmed.indexOf("${", 2) < 0) {
            Resolution resolution = resolve(trimmed.substring(2, trimmed.length() - 1), trigger);
            return switch (resolution.kind) {
                case FOUND -> resolution.value.deepCopy();
                case ABSENT -> null;
                case NOT_UNDERSTOOD -> TextNode.valueOf(text);
            };
        }
        StringBuilder out = new StringBuilder();
        int position = 0;
        while (true) {
            int start = text.indexOf("${", position);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text, position, text.length());
                return TextNode.valueOf(out.toString());
            }
            out.append(text, position, start);
            Resolution resolution = resolve(text.substring(start + 2, end), trigger);
            out.append(resolution.kind == Kind.FOUND ? resolution.value.asText() : text.substring(start, end + 1));
            position = end + 1;
        }
    }

    private enum Kind { FOUND, ABSENT, NOT_UNDERSTOOD }

    private record Resolution(Kind kind, JsonNode value) {
    }

    private static Resolution resolve(String expression, ObjectNode trigger) {
        List<String> path = parsePath(expression.trim());
        if (path == null || path.isEmpty()) {
            return new Resolution(Kind.NOT_UNDERSTOOD, null);
        }
        JsonNode current = switch (path.get(0)) {
            case "parameters" -> trigger.path("parameters");
            case "trigger" -> trigger;
            default -> null;
        };
        if (current == null) {
            return new Resolution(Kind.NOT_UNDERSTOOD, null);
        }
        for (String key : path.subList(1, path.size())) {
            current = current.get(key);
            if (current == null || current.isNull()) {
                return new Resolution(Kind.ABSENT, null);
            }
        }
        return new Resolution(Kind.FOUND, current);
    }

    /** Splits {@code a.b['c']} into [a, b, c]; null when the text is not a plain property path. */
    private static List<String> parsePath(String expression) {
        List<String> keys = new ArrayList<>();
        int i = 0;
        StringBuilder name = new StringBuilder();
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                name.append(c);
                i++;
            } else if (c == '.') {
                if (name.length() > 0) {
                    keys.add(name.toString());
                    name.setLength(0);
                }
                i++;
            } else if (c == '[') {
                if (name.length() > 0) {
                    keys.add(name.toString());
                    name.setLength(0);
                }
                int close = expression.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                String quoted = expression.substring(i + 1, close).trim();
                if (quoted.length() < 2 || (quoted.charAt(0) != '\'' && quoted.charAt(0) != '"')) {
                    return null;
                }
                keys.add(quoted.substring(1, quoted.length() - 1));
                i = close + 1;
            } else {
                return null;
            }
        }
        if (name.length() > 0) {
            keys.add(name.toString());
        }
        return keys;
    }
}
