package dev.dxcp.saga.spinnaker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Client-side tag filter over Gate's application list. Spinnaker has no standard tag field and
 * {@code GET /applications} cannot filter by tag (spinnaker-gate §2.5), so "tags" are whatever an operator
 * stored as custom attributes. Interpretation, names and values compared case-insensitively:
 *
 * <ul>
 *   <li>The tag is present when the application has a top-level attribute named like the tag, or a
 *       {@code tags} attribute that holds it: an object keyed by tag name, or an array of
 *       {@code "name"}, {@code "name:value"}, {@code "name=value"} strings or
 *       {@code {"name"|"key": …, "value": …}} objects.</li>
 *   <li>An attribute that is null or an empty string does not count as a tag.</li>
 *   <li>When a value is asked for, it must equal the tag's value; a comma-separated string (Gate's
 *       shape for {@code accounts}) or an array matches when one entry equals it. Without a value,
 *       presence is enough. Without a tag name, every application matches.</li>
 * </ul>
 */
final class ApplicationTagFilter {

    private final String tagName;
    private final String tagValue;

    ApplicationTagFilter(String tagName, String tagValue) {
        this.tagName = tagName == null ? "" : tagName.trim();
        this.tagValue = tagValue == null || tagValue.isBlank() ? null : tagValue.trim();
    }

    boolean matches(JsonNode application) {
        if (tagName.isEmpty()) {
            return true;
        }
        JsonNode attribute = fieldIgnoringCase(application, tagName);
        if (attribute != null && valueMatches(attribute)) {
            return true;
        }
        JsonNode tags = fieldIgnoringCase(application, "tags");
        if (tags == null) {
            return false;
        }
        if (tags.isObject()) {
            JsonNode tag = fieldIgnoringCase(tags, tagName);
            return tag != null && valueMatches(tag);
        }
        if (tags.isArray()) {
            for (JsonNode entry : tags) {
                if (entryMatches(entry)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean entryMatches(JsonNode entry) {
        if (entry.isTextual()) {
            String text = entry.asText().trim();
            int sep = indexOfSeparator(text);
            String name = sep < 0 ? text : text.substring(0, sep).trim();
            String value = sep < 0 ? null : text.substring(sep + 1).trim();
            return name.equalsIgnoreCase(tagName) && (tagValue == null || tagValue.equalsIgnoreCase(value));
        }
        if (entry.isObject()) {
            JsonNode name = entry.hasNonNull("name") ? entry.get("name") : entry.get("key");
            return name != null && name.asText().trim().equalsIgnoreCase(tagName)
                    && (tagValue == null || (entry.hasNonNull("value") && valueMatches(entry.get("value"))));
        }
        return false;
    }

    private boolean valueMatches(JsonNode value) {
        if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return false;
        }
        if (tagValue == null) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isValueNode() && item.asText().trim().equalsIgnoreCase(tagValue)) {
                    return true;
                }
            }
            return false;
        }
        if (!value.isValueNode()) {
            return false;
        }
        for (String part : value.asText().split(",")) {
            if (part.trim().equalsIgnoreCase(tagValue)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfSeparator(String text) {
        int colon = text.indexOf(':');
        int equals = text.indexOf('=');
        return colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
    }

    private static JsonNode fieldIgnoringCase(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
