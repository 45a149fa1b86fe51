package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.SettingsMessages.CiPublishersReplaced;
import dev.dxcp.events.settings.SettingsMessages.EngineAdapterChanged;
import dev.dxcp.events.settings.SettingsMessages.MutationsDisabledChanged;
import dev.dxcp.events.settings.SettingsMessages.RateLimitsChanged;
import dev.dxcp.events.settings.SettingsMessages.UiExposurePolicyChanged;
import dev.dxcp.events.settings.UiExposurePolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * ADMIN_CONFIG_CHANGE entries, one per setting key (governance §14): a rate-limit write yields all
 * three keys, each under its own id (the event id plus ":" and the key) so entry ids stay unique.
 * Values are rendered as the admin API shows them.
 */
final class SettingAuditEntries {
    static final String TARGET = "AdminSetting";

    private final ObjectMapper json;
    private final PublisherWireForm publishers;
    private final ConfigChangeSummary summary;

    SettingAuditEntries(ObjectMapper json, PublisherWireForm publishers) {
        this.json = json;
        this.publishers = publishers;
        this.summary = new ConfigChangeSummary(json);
    }

    List<AuditEvent> rateLimits(RateLimitsChanged e, String eventId, Instant eventTime, AuditActor actor) {
        Instant at = or(e.changedAt(), eventTime);
        return List.of(limit("read_rpm", RateLimits::readRpm, e, eventId, at, actor),
                limit("mutate_rpm", RateLimits::mutateRpm, e, eventId, at, actor),
                limit("daily_quota_build_register", RateLimits::dailyQuotaBuildRegister, e, eventId, at, actor));
    }

    AuditEvent ciPublishers(CiPublishersReplaced e, String eventId, Instant eventTime, AuditActor actor) {
        return entry(eventId, "ci_publishers", e.oldValue() == null ? null : publishers.render(e.oldValue()),
                e.newValue() == null ? null : publishers.render(e.newValue()), null, or(e.changedAt(), eventTime),
                actor);
    }

    AuditEvent mutationsDisabled(MutationsDisabledChanged e, String eventId, Instant eventTime, AuditActor actor) {
        return entry(eventId, "mutations_disabled", json.getNodeFactory().booleanNode(e.oldValue()),
                json.getNodeFactory().booleanNode(e.newValue()), e.reason(), or(e.changedAt(), eventTime), actor);
    }

    AuditEvent uiExposure(UiExposurePolicyChanged e, String eventId, Instant eventTime, AuditActor actor) {
        return entry(eventId, "ui_exposure_policy", policy(e.oldValue()), policy(e.newValue()), null,
                or(e.changedAt(), eventTime), actor);
    }

    /**
     * Every write is audited (governance §14), one entry per {@code engine_adapter.<key>} that has a value
     * before or after it, with the values GET shows: a secret appears only as its {@code *_configured} flag,
     * so a rotated secret is an entry true → true. Keys that are unset on both sides (the other modes'
     * fields) say nothing and are left out; {@code mode} is always set, so no write goes unaudited.
     */
    List<AuditEvent> engineAdapter(EngineAdapterChanged e, String eventId, Instant eventTime, AuditActor actor) {
        Instant at = or(e.changedAt(), eventTime);
        Map<String, Object> before = e.oldValue().shown();
        Map<String, Object> after = e.newValue().shown();
        List<AuditEvent> entries = new ArrayList<>();
        for (String field : after.keySet()) {
            if (!set(before.get(field)) && !set(after.get(field))) {
                continue;
            }
            String key = "engine_adapter." + field;
            entries.add(entry(eventId + ":" + key, key, json.valueToTree(before.get(field)),
                    json.valueToTree(after.get(field)), null, at, actor));
        }
        return entries;
    }

    /** An unconfigured secret shows as false, an unused field as null: neither is a value. */
    private static boolean set(Object shown) {
        return shown != null && !Boolean.FALSE.equals(shown);
    }

    private AuditEvent limit(String key, ToIntFunction<RateLimits> value, RateLimitsChanged e, String eventId,
                             Instant at, AuditActor actor) {
        JsonNode before = e.oldValue() == null ? null : json.getNodeFactory().numberNode(value.applyAsInt(e.oldValue()));
        JsonNode after = e.newValue() == null ? null : json.getNodeFactory().numberNode(value.applyAsInt(e.newValue()));
        return entry(eventId + ":" + key, key, before, after, null, at, actor);
    }

    private AuditEvent entry(String entryId, String key, JsonNode before, JsonNode after, String reason, Instant at,
                             AuditActor actor) {
        return new AuditEvent(entryId, "ADMIN_CONFIG_CHANGE", actor.id(), actor.role(), TARGET, key, at, "SUCCESS",
                summary.render(key, before, after, reason, at, actor), null, null, null);
    }

    /** The PUT body's shape (api-contract §11). */
    private JsonNode policy(UiExposurePolicy policy) {
        if (policy == null) {
            return null;
        }
        ObjectNode node = json.createObjectNode();
        node.putObject("artifactRef").put("display", policy.artifactRefDisplay());
        node.putObject("externalLinks").put("display", policy.externalLinksDisplay());
        return node;
    }

    private static Instant or(Instant preferred, Instant fallback) {
        return preferred != null ? preferred : fallback;
    }
}
