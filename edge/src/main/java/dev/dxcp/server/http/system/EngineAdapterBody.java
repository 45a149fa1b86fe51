package dev.dxcp.server.http.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.settings.EngineAdapterProposal;
import dev.dxcp.events.settings.EngineAdapterProposal.SecretChange;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.events.settings.SettingProblem;
import dev.dxcp.server.http.TextRules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The body of PUT and POST …/engine-adapters/main: the settings as GET's {@code config} shows them,
 * either alone or inside GET's whole answer (so a client can send back what it read, edited). Secrets
 * are write-only: left out means keep, null or "" means clear, a value replaces. Every type problem is
 * collected under its field; the rules on the values come after. Names that are no setting are ignored
 * (README of the spec: unknown properties never answer 400) but remembered, so validate can point at a typo.
 */
final class EngineAdapterBody {
    private static final Set<String> ENVELOPE = Set.of("adapter_id", "label", "engine_type", "engine_options",
            "source", "config");
    private static final Set<String> TEXT_FIELDS = Set.of("gate_url", "header_name", "token_url", "client_id",
            "audience", "scope", "client_cert_path", "client_key_path", "keystore_path", "ca_bundle_path",
            "server_name");

    private final Map<String, String> texts = new HashMap<>();
    private final Map<Secret, Optional<String>> secrets = new EnumMap<>(Secret.class);
    private final List<SettingProblem> problems = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private Mode mode;
    private Integer refreshSkewSeconds;

    private EngineAdapterBody() {
    }

    static EngineAdapterBody parse(JsonNode body) {
        EngineAdapterBody parsed = new EngineAdapterBody();
        JsonNode config = body.get("config");
        if (config == null) {
            parsed.readConfig(body);
        } else {
            parsed.readEnvelope(body);
            if (config.isObject()) {
                parsed.readConfig(config);
            } else {
                parsed.problems.add(new SettingProblem("config", "config must be an object"));
            }
        }
        return parsed;
    }

    List<SettingProblem> problems() {
        return List.copyOf(problems);
    }

    /** Names in the body that are no setting, in the order sent. */
    List<String> ignored() {
        return List.copyOf(ignored);
    }

    /** The proposal, each secret sent replaced by the reference {@code refFor} gives it (secret, value). */
    EngineAdapterProposal proposal(BiFunction<Secret, String, String> refFor) {
        EngineAdapterSettings settings = new EngineAdapterSettings(mode, texts.get("gate_url"), texts.get("header_name"),
                null, texts.get("token_url"), texts.get("client_id"), null, texts.get("audience"), texts.get("scope"),
                refreshSkewSeconds, texts.get("client_cert_path"), texts.get("client_key_path"),
                texts.get("keystore_path"), null, texts.get("ca_bundle_path"), texts.get("server_name"));
        return new EngineAdapterProposal(settings, change(Secret.HEADER_VALUE, refFor),
                change(Secret.CLIENT_SECRET, refFor), change(Secret.KEYSTORE_PASSWORD, refFor));
    }

    /** The proposal before anything is saved: secrets sent stand under placeholder references. */
    EngineAdapterProposal unsavedProposal() {
        return proposal((secret, value) -> EngineAdapterProposal.unsavedRef(secret));
    }

    /**
     * The secret values sent (a cleared secret is no value): what the placeholders resolve to, and what a
     * save stores.
     */
    Map<Secret, String> sentSecrets() {
        Map<Secret, String> values = new EnumMap<>(Secret.class);
        secrets.forEach((secret, value) -> value.ifPresent(text -> values.put(secret, text)));
        return values;
    }

    private SecretChange change(Secret secret, BiFunction<Secret, String, String> refFor) {
        Optional<String> sent = secrets.get(secret);
        if (sent == null) {
            return SecretChange.keep();
        }
        return sent.map(value -> SecretChange.set(refFor.apply(secret, value))).orElseGet(SecretChange::clear);
    }

    private void readEnvelope(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE.contains(name)) {
                ignored.add(name);
            }
        }
        expectIfPresent(body, "adapter_id", "main");
        expectIfPresent(body, "engine_type", "SPINNAKER");
    }

    private void readConfig(JsonNode config) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = config.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            read(field.getKey(), field.getValue());
        }
    }

    private void read(String name, JsonNode value) {
        if (name.equals("mode")) {
            readMode(value);
        } else if (name.equals("refresh_skew_seconds")) {
            readRefreshSkew(value);
        } else if (TEXT_FIELDS.contains(name)) {
            text(name, value).ifPresent(text -> texts.put(name, text.strip()));
        } else if (secret(name) != null) {
            readSecret(secret(name), value);
        } else if (configuredFlag(name)) {
            // GET's read-only flags may come back with the rest of what GET showed; they change nothing.
            if (!value.isNull() && !value.isBoolean()) {
                problems.add(new SettingProblem(name, name + " is a read-only boolean"));
            }
        } else {
            ignored.add(name);
        }
    }

    private void readMode(JsonNode value) {
        Optional<String> text = text("mode", value);
        if (text.isEmpty()) {
            return;
        }
        String wanted = text.get().strip().toLowerCase(Locale.ROOT);
        for (Mode candidate : Mode.values()) {
            if (candidate.wireName().equals(wanted)) {
                mode = candidate;
                return;
            }
        }
        problems.add(new SettingProblem("mode", "mode must be http, mtls or stub"));
    }

    private void readRefreshSkew(JsonNode value) {
        if (value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(new SettingProblem("refresh_skew_seconds", "refresh_skew_seconds must be a JSON integer"));
            return;
        }
        refreshSkewSeconds = value.intValue();
    }

    /** Secrets are taken as sent (no trimming): they are compared byte for byte by whoever checks them. */
    private void readSecret(Secret secret, JsonNode value) {
        if (value.isNull()) {
            secrets.put(secret, Optional.empty());
            return;
        }
        if (!value.isTextual()) {
            problems.add(new SettingProblem(secret.field(), secret.field() + " must be a string"));
            return;
        }
        if (TextRules.hasForbiddenCharacters(value.textValue())) {
            problems.add(new SettingProblem(secret.field(), secret.field() + " must not contain control characters"));
            return;
        }
        secrets.put(secret, value.textValue().isEmpty() ? Optional.empty() : Optional.of(value.textValue()));
    }

    /** A string field: null and blank mean "not set"; other JSON types and control characters are problems. */
    private Optional<String> text(String name, JsonNode value) {
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add(new SettingProblem(name, name + " must be a string"));
            return Optional.empty();
        }
        if (TextRules.hasForbiddenCharacters(value.textValue())) {
            problems.add(new SettingProblem(name, name + " must not contain control characters"));
            return Optional.empty();
        }
        return value.textValue().isBlank() ? Optional.empty() : Optional.of(value.textValue());
    }

    private void expectIfPresent(JsonNode body, String field, String expected) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !expected.equals(value.asText())) {
            problems.add(new SettingProblem(field, field + " must be " + expected));
        }
    }

    private static Secret secret(String name) {
        for (Secret secret : Secret.values()) {
            if (secret.field().equals(name)) {
                return secret;
            }
        }
        return null;
    }

    private static boolean configuredFlag(String name) {
        for (Secret secret : Secret.values()) {
            if (secret.configuredField().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
