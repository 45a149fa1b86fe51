package dev.dxcp.server.http.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.settings.CiPublisher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CI publisher entries on the wire (api-contract §11, governance §3): snake_case names, null fields
 * omitted; parsing trims values, drops blanks, defaults provider to custom, and requires unique names.
 */
public final class CiPublisherJson {
    private static final Set<String> PROVIDERS = Set.of("github", "jenkins", "spinnaker", "custom");
    private static final List<String> LISTS = List.of("issuers", "audiences", "authorized_party_azp", "subjects",
            "subject_prefixes", "emails", "links");

    private CiPublisherJson() {
    }

    /** The admin PUT body, or a bootstrap array: objects, or plain strings meaning "this subject". */
    public static List<CiPublisher> parseList(JsonNode array, boolean allowStrings) {
        if (array == null || !array.isArray()) {
            throw invalid("publishers must be a list");
        }
        List<CiPublisher> publishers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode item : array) {
            CiPublisher publisher;
            if (allowStrings && item.isTextual() && !item.asText().isBlank()) {
                publisher = CiPublisher.forSubject(item.asText().trim());
            } else if (item.isObject()) {
                publisher = parse(item);
            } else {
                throw invalid("each publisher must be an object");
            }
            if (!names.add(publisher.name())) {
                throw invalid("publisher names must be unique: " + publisher.name());
            }
            publishers.add(publisher);
        }
        return publishers;
    }

    private static CiPublisher parse(JsonNode node) {
        String name = optionalText(node, "name");
        if (name == null || name.isBlank()) {
            throw invalid("publisher name is required");
        }
        String provider = optionalText(node, "provider");
        provider = provider == null || provider.isBlank() ? "custom" : provider.trim().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw invalid("provider must be one of github, jenkins, spinnaker, custom");
        }
        return new CiPublisher(name.trim(), provider, list(node, "issuers"), list(node, "audiences"),
                list(node, "authorized_party_azp"), list(node, "subjects"), list(node, "subject_prefixes"),
                list(node, "emails"), list(node, "links"), optionalText(node, "description"),
                optionalText(node, "owner"));
    }

    public static ObjectNode render(ObjectMapper json, CiPublisher publisher) {
        ObjectNode node = json.createObjectNode();
        node.put("name", publisher.name());
        node.put("provider", publisher.provider());
        List<List<String>> values = List.of(publisher.issuers(), publisher.audiences(),
                publisher.authorizedPartyAzp(), publisher.subjects(), publisher.subjectPrefixes(), publisher.emails(),
                publisher.links());
        for (int i = 0; i < LISTS.size(); i++) {
            if (!values.get(i).isEmpty()) {
                ArrayNode array = node.putArray(LISTS.get(i));
                values.get(i).forEach(array::add);
            }
        }
        if (publisher.description() != null) {
            node.put("description", publisher.description());
        }
        if (publisher.owner() != null) {
            node.put("owner", publisher.owner());
        }
        return node;
    }

    public static ArrayNode renderList(ObjectMapper json, List<CiPublisher> publishers) {
        ArrayNode array = json.createArrayNode();
        publishers.forEach(p -> array.add(render(json, p)));
        return array;
    }

    private static List<String> list(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid(field + " must be a list of strings");
            }
            if (!item.asText().isBlank()) {
                values.add(item.asText().trim());
            }
        }
        return values;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return value.asText();
    }

    private static Rejection invalid(String why) {
        return new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", why, null);
    }
}
