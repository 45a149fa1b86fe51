package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The trigger filter of the executions search: the caller sends a JSON subset of the trigger and
 * every execution whose trigger contains it matches. Objects match field by field, lists when
 * each wanted element is found among the actual ones, scalars when their text is equal.
 */
final class TriggerSubset {

    private TriggerSubset() {
    }

    static boolean contains(JsonNode actual, JsonNode wanted) {
        if (wanted == null || wanted.isNull()) {
            return true;
        }
        if (actual == null || actual.isNull() || actual.isMissingNode()) {
            return false;
        }
        if (wanted.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!contains(actual.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isArray()) {
            if (!actual.isArray()) {
                return false;
            }
            for (JsonNode wantedElement : wanted) {
                boolean found = false;
                for (JsonNode actualElement : actual) {
                    if (contains(actualElement, wantedElement)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        return actual.isValueNode() && actual.asText().equals(wanted.asText());
    }
}
