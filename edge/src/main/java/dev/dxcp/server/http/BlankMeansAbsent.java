package dev.dxcp.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * An empty or whitespace-only string in a request body means "not given", as JSON null does: CI systems
 * and forms send the optional fields they have no value for as {@code ""} (issue 9). Applied once, to every
 * member of every object of a body (arrays of objects included), before any schema reads it, so every
 * endpoint and every optional field follows the rule, and what is stored and answered is null. A member
 * becomes null, it is not removed: where the contract tells an omitted member from a null one (the
 * engine adapter's secrets: omitted keeps, null clears), a blank one counts as null. Required fields then
 * fail their schema check by name, as blank ones did.
 *
 * <p>Strings inside arrays are left alone: list rules (blank entries dropped, or refused) apply to them.
 * A few required top-level fields keep a blank value because the contract gives it a meaning of its own:
 * an empty environment is ENVIRONMENT_REQUIRED at its place in the check order, and a deploy's
 * changeSummary may be blank (api-contract §5, §6).</p>
 */
final class BlankMeansAbsent {
    private BlankMeansAbsent() {
    }

    /** Turns blank string members into null, except the top-level ones named in {@code blankIsAValue}. */
    static void apply(ObjectNode body, Set<String> blankIsAValue) {
        Iterator<Map.Entry<String, JsonNode>> members = body.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode value = member.getValue();
            if (value.isTextual() && value.textValue().isBlank() && !blankIsAValue.contains(member.getKey())) {
                member.setValue(body.nullNode());
            } else if (value.isObject()) {
                apply((ObjectNode) value, Set.of());
            } else if (value.isArray()) {
                value.forEach(item -> {
                    if (item.isObject()) {
                        apply((ObjectNode) item, Set.of());
                    }
                });
            }
        }
    }
}
