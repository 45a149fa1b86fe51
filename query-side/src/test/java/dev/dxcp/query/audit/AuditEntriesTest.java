package dev.dxcp.query.audit;

import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackRefused;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackStarted;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.governance.AutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyDeclared;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeDeleted;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeUpdated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.SettingsMessages.CiPublishersReplaced;
import dev.dxcp.events.settings.SettingsMessages.MutationsDisabledChanged;
import dev.dxcp.events.settings.SettingsMessages.RateLimitsChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events become which audit entries (governance §14), as a pure mapping. */
class AuditEntriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final AuditActor ADMIN = new AuditActor("sub-1", "PLATFORM_ADMIN", "sub-1", "a@x.io", "azp-1",
            "req-1");

    private final AuditEntries entries = new AuditEntries(JSON,
            publishers -> JSON.valueToTree(publishers.stream().map(p -> Map.of("name", p.name())).toList()));

    @Test
    void acceptedDeployIsDeploySubmitNamingTheNewRecord() {
        AuditEvent e = single(accepted(DeploymentKind.ROLL_FORWARD, null));
        assertThat(e.eventType()).isEqualTo("DEPLOY_SUBMIT");
        assertThat(e.targetType()).isEqualTo("Deployment");
        assertThat(e.targetId()).isEqualTo("dep-1");
        assertThat(e.outcome()).isEqualTo("SUCCESS");
        assertThat(e.actorId()).isEqualTo("sub-1");
        assertThat(e.deliveryGroupId()).isEqualTo("grp");
        assertThat(e.serviceName()).isEqualTo("svc");
        assertThat(e.environment()).isEqualTo("sandbox");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    }

    @Test
    void acceptedRollbackIsRollbackSubmit() {
        AuditEvent e = single(accepted(DeploymentKind.ROLLBACK, "dep-0"));
        assertThat(e.eventType()).isEqualTo("ROLLBACK_SUBMIT");
        assertThat(e.summary()).contains("dep-0");
    }

    @Test
    void deniedDeployNamesTheServiceAndTheCode() {
        AuditEvent e = single(new DeploymentDenied("svc", "sandbox", "grp", DeploymentKind.ROLL_FORWARD, null,
                "QUOTA_EXCEEDED", "Daily deploy quota exceeded", AT));
        assertThat(e.eventType()).isEqualTo("DEPLOY_DENIED");
        assertThat(e.targetId()).isEqualTo("svc");
        assertThat(e.outcome()).isEqualTo("DENIED");
        assertThat(e.summary()).contains("QUOTA_EXCEEDED");
    }

    @Test
    void deniedRollbackNamesTheRecordItWasAskedFor() {
        AuditEvent e = single(new DeploymentDenied("svc", "sandbox", "grp", DeploymentKind.ROLLBACK, "dep-9",
                "NO_PRIOR_SUCCESSFUL_VERSION", "none", AT));
        assertThat(e.eventType()).isEqualTo("ROLLBACK_DENIED");
        assertThat(e.targetId()).isEqualTo("dep-9");
        assertThat(e.summary()).contains("NO_PRIOR_SUCCESSFUL_VERSION");
    }

    @Test
    void groupUpdateNamesTheChangedFieldsAndSetsTheGroup() {
        DeliveryGroup before = group("Old name", List.of("a"));
        DeliveryGroup after = group("New name", List.of("a", "b"));
        AuditEvent e = single(new DeliveryGroupUpdated(before, after));
        assertThat(e.eventType()).isEqualTo("ADMIN_UPDATE");
        assertThat(e.targetType()).isEqualTo("DeliveryGroup");
        assertThat(e.deliveryGroupId()).isEqualTo("grp");
        assertThat(e.summary()).contains("name").contains("services").doesNotContain("allowed_recipes");
        assertThat(single(new DeliveryGroupCreated(after)).eventType()).isEqualTo("ADMIN_CREATE");
    }

    @Test
    void recipeUpdateAndDeleteLeaveTheGroupEmpty() {
        AuditEvent updated = single(new RecipeUpdated(recipe("one"), recipe("two")));
        assertThat(updated.eventType()).isEqualTo("ADMIN_UPDATE");
        assertThat(updated.targetType()).isEqualTo("Recipe");
        assertThat(updated.deliveryGroupId()).isNull();
        AuditEvent deleted = single(new RecipeDeleted(recipe("two"), AT));
        assertThat(deleted.eventType()).isEqualTo("ADMIN_DELETE");
        assertThat(deleted.targetId()).isEqualTo("r1");
    }

    @Test
    void rateLimitChangeIsThreeEntriesWithUniqueIds() throws Exception {
        List<AuditEvent> list = entries.of(new RateLimitsChanged(new RateLimits(60, 10, 50),
                new RateLimits(70, 10, 50), AT), "ev-1", AT, ADMIN);
        assertThat(list).extracting(AuditEvent::targetId)
                .containsExactly("read_rpm", "mutate_rpm", "daily_quota_build_register");
        assertThat(list).extracting(AuditEvent::eventId)
                .containsExactly("ev-1:read_rpm", "ev-1:mutate_rpm", "ev-1:daily_quota_build_register");
        JsonNode summary = JSON.readTree(list.get(0).summary());
        assertThat(summary.get("old_value").intValue()).isEqualTo(60);
        assertThat(summary.get("new_value").intValue()).isEqualTo(70);
        assertThat(summary.get("request_id").asText()).isEqualTo("req-1");
        assertThat(summary.get("timestamp").asText()).isEqualTo("2026-03-01T10:00:00.123456Z");
    }

    @Test
    void configChangeSummaryHasSortedKeysAndTheReasonVerbatim() throws Exception {
        String reason = "incident \"42\" \\ ünïcode";
        AuditEvent e = single(new MutationsDisabledChanged(false, true, reason, AT));
        JsonNode summary = JSON.readTree(e.summary());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted().containsExactly("actor_azp", "actor_email", "actor_id", "actor_role", "actor_sub",
                "new_value", "old_value", "reason", "request_id", "setting_key", "timestamp");
        assertThat(summary.get("reason").asText()).isEqualTo(reason);
        assertThat(summary.get("new_value").isBoolean()).isTrue();
        assertThat(e.targetType()).isEqualTo("AdminSetting");
        assertThat(e.targetId()).isEqualTo("mutations_disabled");
    }

    @Test
    void noReasonMeansNoReasonKey() throws Exception {
        AuditEvent e = single(new MutationsDisabledChanged(true, false, null, AT));
        assertThat(JSON.readTree(e.summary()).has("reason")).isFalse();
    }

    @Test
    void publishersUseTheWireFormHandedIn() throws Exception {
        CiPublisher publisher = CiPublisher.forSubject("ci@clients");
        AuditEvent e = single(new CiPublishersReplaced(List.of(), List.of(publisher), AT));
        JsonNode summary = JSON.readTree(e.summary());
        assertThat(summary.get("old_value").isArray()).isTrue();
        assertThat(summary.get("new_value").get(0).get("name").asText()).isEqualTo("ci@clients");
    }

    @Test
    void buildsEnvironmentsAndEngineProgressAreNotAudited() {
        Environment env = new Environment("prod", "Prod", "non_prod", "active", null, AT, AT);
        assertThat(entries.of(new EnvironmentCreated(env), "e", AT, ADMIN)).isEmpty();
        assertThat(entries.of(new DeploymentSucceeded("dep-1", AT), "e", AT, ADMIN)).isEmpty();
        assertThat(entries.of(new BuildRegistered("b", null), "e", AT, ADMIN)).isEmpty();
    }

    @Test
    void aStartedAutomaticRollbackIsAuditedAsTheSystems_ofTheFailedDeployment_namingTheRollbackAndCause() {
        AuditEvent e = single(new AutomaticRollbackStarted("dep-1", "rb-1", "auto-prod", "svc", "sandbox", "grp",
                List.of(FailureCategory.APP), AT));
        assertThat(e.eventType()).isEqualTo("AUTO_ROLLBACK_STARTED");
        assertThat(e.actorId()).isEqualTo("system");
        assertThat(e.actorRole()).isEqualTo("SYSTEM");
        assertThat(e.targetId()).isEqualTo("dep-1");
        assertThat(e.outcome()).isEqualTo("SUCCESS");
        assertThat(e.summary()).contains("rb-1").contains("auto-prod").contains("(APP)");
        assertThat(e.serviceName()).isEqualTo("svc");
    }

    @Test
    void aRefusedAutomaticRollbackIsDenied_namingTheCode() {
        AuditEvent e = single(new AutomaticRollbackRefused("dep-1", "auto-prod", "svc", "sandbox", "grp",
                "QUOTA_EXCEEDED", "Daily rollback quota exceeded", AT));
        assertThat(e.eventType()).isEqualTo("AUTO_ROLLBACK_REFUSED");
        assertThat(e.outcome()).isEqualTo("DENIED");
        assertThat(e.actorId()).isEqualTo("system");
        assertThat(e.summary()).contains("QUOTA_EXCEEDED");
    }

    @Test
    void anAutoRollbackPolicyIsAnAdminCreateNamingItsScope() {
        AuditEvent e = single(new AutoRollbackPolicyDeclared(new AutoRollbackPolicy("auto-prod", "grp", "prod",
                null, AT, "sub-1")));
        assertThat(e.eventType()).isEqualTo("ADMIN_CREATE");
        assertThat(e.targetType()).isEqualTo("AutoRollbackPolicy");
        assertThat(e.summary()).contains("environment prod").contains("every recipe");
    }

    private AuditEvent single(Object payload) {
        List<AuditEvent> list = entries.of(payload, "ev-1", AT, ADMIN);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).eventId()).isEqualTo("ev-1");
        return list.get(0);
    }

    private static DeploymentAccepted accepted(DeploymentKind kind, String rollbackOf) {
        return new DeploymentAccepted("dep-1",
                new DeploymentAccepted.Placement("svc", "sandbox", "grp", "lane/grp/sandbox"),
                new DeploymentAccepted.Change(kind, "1.2.3", "change", null, rollbackOf, null),
                new DeploymentAccepted.RecipeUse("default", 1, "summary"),
                new DeploymentAccepted.Artifact(null, null, null),
                null,
                new DeploymentAccepted.Submission(AT, new ActorIdentity("sub-1", "PLATFORM_ADMIN", null, "sub-1",
                        null), new IdempotencyKeyUse("key", "POST", "/v1/deployments")),
                null);
    }

    private static DeliveryGroup group(String name, List<String> services) {
        return new DeliveryGroup("grp", name, null, null, services, null, List.of("default"), null, AT, "x", AT,
                "x", null);
    }

    private static Recipe recipe(String description) {
        return new Recipe("r1", "Recipe one", description, "app", "deploy", "rollback", 1, "behaviour", "active", AT,
                "x", AT, "x", null);
    }
}
