package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owner-scoped changes through the running server (docs/GOVERNANCE.md): on for a new installation; while on,
 * a DELIVERY_OWNER deploys, validates, promotes and rolls back only services of groups that list its email,
 * and everyone else gets 403 DELIVERY_GROUP_SCOPE_REQUIRED, audited as a denial.
 */
class GovernanceOwnerScopeEndToEndTest extends AuditTestSupport {
    private static final String SETTING = "/v1/admin/system/owner-scoped-changes";
    private static final String OWNER = "scope.owner@example.com";
    private static final String OUTSIDER = "scope.outsider@example.com";

    @AfterEach
    void scopingOffAgain() {
        Response off = put(SETTING, freshAdmin(), Map.of("owner_scoped_changes", false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
    }

    @Test
    void aNewInstallationStartedWithOwnerScopedChangesOn_recordedBySystemAtFirstStart() {
        // The shared test server started on an empty store; the baseline turned scoping off afterwards.
        String first = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE "
                + "payloadtype LIKE '%OwnerScopedChangesSet' ORDER BY globalindex LIMIT 1", String.class);
        assertThat(first).contains("\"oldValue\":null").contains("\"newValue\":true")
                .contains("default for new installations");
        String seededAt = jdbc.queryForObject("SELECT timestamp FROM domainevententry WHERE payloadtype LIKE "
                + "'%OwnerScopedChangesSet' ORDER BY globalindex LIMIT 1", String.class);
        // Newest first: later tests' settings writes would push the first start's entry past any limit.
        String until = java.time.Instant.parse(seededAt).plusSeconds(1).toString();
        JsonNode seeded = awaitAudit("event_type=ADMIN_CONFIG_CHANGE&limit=500&end_time=" + until,
                e -> e.path("target_id").asText().equals("owner_scoped_changes")
                        && e.path("actor_id").asText().equals("system"), 1).get(0);
        assertThat(seeded.path("summary").asText()).contains("\"new_value\":true").contains("\"old_value\":null");
    }

    @Test
    void whileOn_onlyTheGroupsOwnersChangeItsServices_validateAnswersTheSame_andAdminsAreNeverScoped() {
        Lane lane = ownedLane(OWNER);
        String first = registered(lane.service());
        String second = registered(lane.service());
        Response on = put(SETTING, freshAdmin(), Map.of("owner_scoped_changes", true, "reason", "least privilege"));
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().path("owner_scoped_changes").asBoolean()).isTrue();
        assertThat(on.json().path("source").asText()).isEqualTo("persisted");
        String outsider = env.identity.ownerToken(OUTSIDER);
        String owner = env.identity.ownerToken(OWNER);

        assertError(post("/v1/deployments/validate", outsider, intent(lane, first)), 403,
                "DELIVERY_GROUP_SCOPE_REQUIRED");
        assertError(deploy(outsider, intent(lane, first)), 403, "DELIVERY_GROUP_SCOPE_REQUIRED");
        assertThat(post("/v1/deployments/validate", owner, intent(lane, first)).status()).isEqualTo(200);
        String deployed = deployedSuccessfully(owner, lane, first);
        String later = deployedSuccessfully(freshAdmin(), lane, second);

        assertError(rollback(outsider, later), 403, "DELIVERY_GROUP_SCOPE_REQUIRED");
        Response rolledBack = rollback(owner, later);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
        assertThat(rolledBack.json().path("version").asText()).isEqualTo(first);
        assertThat(deployed).isNotBlank();

        List<JsonNode> denials = awaitAudit("event_type=DEPLOY_DENIED&limit=500",
                e -> e.path("service_name").asText().equals(lane.service()), 1);
        assertThat(denials.get(0).path("actor_id").asText()).isEqualTo(OUTSIDER);
        assertThat(denials.get(0).path("summary").asText()).contains("DELIVERY_GROUP_SCOPE_REQUIRED");
        single("event_type=ROLLBACK_DENIED&limit=500", target(later));
    }

    @Test
    void whileOff_anyDeliveryOwnerMayChangeAnyService_asTheContractSaysWithoutTheSetting() {
        Lane lane = ownedLane(OWNER);
        String version = registered(lane.service());
        Response off = get(SETTING, freshAdmin());
        assertThat(off.json().path("owner_scoped_changes").asBoolean()).isFalse();

        Response response = deploy(env.identity.ownerToken(OUTSIDER), intent(lane, version));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        awaitTerminal(response.json().path("id").asText());
    }

    @Test
    void theSettingTakesOnlyAJsonBoolean_andOnlyAdminsMayWriteIt() {
        assertError(put(SETTING, freshAdmin(), Map.of("owner_scoped_changes", "yes")), 400, "INVALID_REQUEST");
        assertError(put(SETTING, env.identity.ownerToken(OWNER), Map.of("owner_scoped_changes", false)), 403,
                "ROLE_FORBIDDEN");
        Admin admin = namedAdmin();
        Response write = TestHttp.put(url(SETTING), admin.token(), Map.of("owner_scoped_changes", true,
                "reason", "audit me"), "X-Request-Id", "req-" + UUID.randomUUID());
        assertThat(write.status()).isEqualTo(200);
        JsonNode entry = awaitAudit("event_type=ADMIN_CONFIG_CHANGE&limit=500",
                e -> e.path("actor_id").asText().equals(admin.sub()), 1).get(0);
        assertThat(entry.path("target_id").asText()).isEqualTo("owner_scoped_changes");
        assertThat(entry.path("actor_role").asText()).isEqualTo("PLATFORM_ADMIN");
        assertThat(entry.path("summary").asText()).contains("\"reason\":\"audit me\"")
                .contains("\"request_id\":\"" + write.header("X-Request-Id").orElseThrow() + "\"");
    }

    private Lane ownedLane(String ownerEmail) {
        Lane lane = laneOfItsOwn();
        ObjectNode update = get("/v1/delivery-groups/" + lane.group(), freshAdmin()).json().deepCopy();
        update.put("owner", ownerEmail);
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        Response updated = put("/v1/delivery-groups/" + lane.group(), freshAdmin(), update);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        return lane;
    }
}
