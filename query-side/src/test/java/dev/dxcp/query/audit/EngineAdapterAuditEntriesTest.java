package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import dev.dxcp.events.settings.SettingsMessages.EngineAdapterChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * governance §14 engine_adapter.*: every write is one ADMIN_CONFIG_CHANGE per key set before or after it,
 * secrets only as configured flags.
 */
class EngineAdapterAuditEntriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final AuditActor ADMIN = new AuditActor("sub-1", "PLATFORM_ADMIN", "sub-1", "a@x.io", null,
            "req-1");

    private final AuditEntries entries = new AuditEntries(JSON, publishers -> JSON.createArrayNode());

    @Test
    void eachKeySetBeforeOrAfterIsOneEntryAndKeysUnsetOnBothSidesNone() throws Exception {
        EngineAdapterSettings before = header("http://gate-a:8084", null, null);
        EngineAdapterSettings after = header("http://gate-b:8084", "X-Gate-Key", "stored:secret-ref");
        List<AuditEvent> list = entries.of(new EngineAdapterChanged(before, after, AT), "ev-1", AT, ADMIN);

        assertThat(list).extracting(AuditEvent::targetId).containsExactly("engine_adapter.mode",
                "engine_adapter.gate_url", "engine_adapter.header_name", "engine_adapter.header_value_configured");
        assertThat(list).extracting(AuditEvent::eventId).containsExactly("ev-1:engine_adapter.mode",
                "ev-1:engine_adapter.gate_url", "ev-1:engine_adapter.header_name",
                "ev-1:engine_adapter.header_value_configured");
        assertThat(list).extracting(AuditEvent::eventType).containsOnly("ADMIN_CONFIG_CHANGE");
        assertThat(list).extracting(AuditEvent::targetType).containsOnly("AdminSetting");
        JsonNode mode = JSON.readTree(list.get(0).summary());
        assertThat(mode.get("old_value").asText()).isEqualTo("http");
        assertThat(mode.get("new_value").asText()).isEqualTo("http");
        JsonNode url = JSON.readTree(list.get(1).summary());
        assertThat(url.get("setting_key").asText()).isEqualTo("engine_adapter.gate_url");
        assertThat(url.get("old_value").asText()).isEqualTo("http://gate-a:8084");
        assertThat(url.get("new_value").asText()).isEqualTo("http://gate-b:8084");
        assertThat(url.get("actor_id").asText()).isEqualTo("sub-1");
        assertThat(url.get("request_id").asText()).isEqualTo("req-1");
        JsonNode header = JSON.readTree(list.get(2).summary());
        assertThat(header.get("old_value").isNull()).isTrue();
        assertThat(header.get("new_value").asText()).isEqualTo("X-Gate-Key");
        JsonNode secret = JSON.readTree(list.get(3).summary());
        assertThat(secret.get("old_value").booleanValue()).isFalse();
        assertThat(secret.get("new_value").booleanValue()).isTrue();
        assertThat(list).extracting(AuditEvent::summary).noneMatch(summary -> summary.contains("stored:secret-ref"));
    }

    @Test
    void aReplacedSecretIsAnEntryTrueToTrueAndNeverShowsItsReference() throws Exception {
        EngineAdapterSettings before = header("http://gate:8084", "X-Gate-Key", "stored:first");
        EngineAdapterSettings after = header("http://gate:8084", "X-Gate-Key", "stored:second");
        List<AuditEvent> list = entries.of(new EngineAdapterChanged(before, after, AT), "ev-2", AT, ADMIN);

        assertThat(list).extracting(AuditEvent::targetId).containsExactly("engine_adapter.mode",
                "engine_adapter.gate_url", "engine_adapter.header_name", "engine_adapter.header_value_configured");
        JsonNode summary = JSON.readTree(list.get(3).summary());
        assertThat(summary.get("old_value").booleanValue()).isTrue();
        assertThat(summary.get("new_value").booleanValue()).isTrue();
        assertThat(list).extracting(AuditEvent::summary).noneMatch(s -> s.contains("stored:first")
                || s.contains("stored:second"));
    }

    @Test
    void aModeSwitchNamesTheModeAndEverySettingThatWent() throws Exception {
        EngineAdapterSettings before = header("http://gate:8084", "X-Gate-Key", "stored:first");
        List<AuditEvent> list = entries.of(new EngineAdapterChanged(before, EngineAdapterSettings.stub(), AT), "ev-3",
                AT, ADMIN);

        assertThat(list).extracting(AuditEvent::targetId).containsExactly("engine_adapter.mode",
                "engine_adapter.gate_url", "engine_adapter.header_name", "engine_adapter.header_value_configured");
        JsonNode mode = JSON.readTree(list.get(0).summary());
        assertThat(mode.get("old_value").asText()).isEqualTo("http");
        assertThat(mode.get("new_value").asText()).isEqualTo("stub");
        assertThat(JSON.readTree(list.get(1).summary()).get("new_value").isNull()).isTrue();
    }

    @Test
    void aWriteThatChangesNothingIsStillAuditedWithTheKeysItSets() throws Exception {
        EngineAdapterSettings same = header("http://gate:8084", null, null);
        List<AuditEvent> list = entries.of(new EngineAdapterChanged(same, same, AT), "ev-4", AT, ADMIN);
        assertThat(list).extracting(AuditEvent::targetId).containsExactly("engine_adapter.mode",
                "engine_adapter.gate_url");
        JsonNode url = JSON.readTree(list.get(1).summary());
        assertThat(url.get("old_value").asText()).isEqualTo("http://gate:8084");
        assertThat(url.get("new_value").asText()).isEqualTo("http://gate:8084");
    }

    @Test
    void aStubWriteOverAStubIsTheModeAlone() {
        List<AuditEvent> list = entries.of(new EngineAdapterChanged(EngineAdapterSettings.stub(),
                EngineAdapterSettings.stub(), AT), "ev-5", AT, ADMIN);
        assertThat(list).extracting(AuditEvent::targetId).containsExactly("engine_adapter.mode");
    }

    private static EngineAdapterSettings header(String gateUrl, String name, String valueRef) {
        return new EngineAdapterSettings(Mode.HTTP, gateUrl, name, valueRef, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
