package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** governance §14 and api-contract §12: what GET /v1/audit/events shows for each kind of action. */
class AuditEventsEndToEndTest extends AuditTestSupport {

    @Test
    void deploysRollbacksAndTheirDenialsAreAuditedWithTheirTargets() {
        Admin admin = namedAdmin();
        Lane lane = laneOfItsOwn();
        String service = lane.service();
        String group = lane.group();
        String v1 = registered(service);
        String first = deployedSuccessfully(admin.token(), lane, v1);

        JsonNode submit = single("event_type=DEPLOY_SUBMIT&delivery_group_id=" + group, target(first));
        assertThat(submit.path("target_type").asText()).isEqualTo("Deployment");
        assertThat(submit.path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(submit.path("actor_id").asText()).isEqualTo(admin.sub());
        assertThat(submit.path("actor_role").asText()).isEqualTo("PLATFORM_ADMIN");
        assertThat(submit.path("service_name").asText()).isEqualTo(service);
        assertThat(submit.path("environment").asText()).isEqualTo(lane.environment());
        assertThat(submit.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(submit.path("summary").asText()).contains(service).contains(v1);

        // The first record has no earlier success: the rollback is refused and audited against it.
        Response refused = rollback(admin.token(), first);
        assertError(refused, 400, "NO_PRIOR_SUCCESSFUL_VERSION");
        JsonNode rollbackDenied = single("event_type=ROLLBACK_DENIED&delivery_group_id=" + group, target(first));
        assertThat(rollbackDenied.path("outcome").asText()).isEqualTo("DENIED");
        assertThat(rollbackDenied.path("target_type").asText()).isEqualTo("Deployment");
        assertThat(rollbackDenied.path("summary").asText()).contains("NO_PRIOR_SUCCESSFUL_VERSION");
        assertThat(rollbackDenied.path("actor_id").asText()).isEqualTo(admin.sub());

        String second = deployedSuccessfully(admin.token(), lane, registered(service));
        Response rolledBack = rollback(admin.token(), second);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
        String rollbackId = rolledBack.json().path("id").asText();
        awaitTerminal(rollbackId);
        JsonNode rollbackSubmit = single("event_type=ROLLBACK_SUBMIT&delivery_group_id=" + group, target(rollbackId));
        assertThat(rollbackSubmit.path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(rollbackSubmit.path("summary").asText()).contains(second).contains(v1);

        Response denied = deploy(admin.token(), intent(lane, "9.9.9"));
        assertError(denied, 400, "VERSION_NOT_FOUND");
        JsonNode deployDenied = single("event_type=DEPLOY_DENIED&delivery_group_id=" + group, target(service));
        assertThat(deployDenied.path("outcome").asText()).isEqualTo("DENIED");
        assertThat(deployDenied.path("target_type").asText()).isEqualTo("Deployment");
        assertThat(deployDenied.path("summary").asText()).contains("VERSION_NOT_FOUND");
        assertThat(deployDenied.path("service_name").asText()).isEqualTo(service);

        JsonNode deploys = auditEvents("event_type=DEPLOY_SUBMIT&delivery_group_id=" + group);
        assertThat(texts(deploys, "target_id")).containsExactly(second, first);
    }

    @Test
    void groupCreateAndUpdateNameTheGroupAndWhatChanged() {
        Admin admin = namedAdmin();
        String id = unique("audit-grp");
        Response created = post("/v1/delivery-groups", admin.token(), group(id, "Group " + id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> renamed = group(id, "Renamed " + id);
        renamed.put("change_reason", "new team name");
        Response updated = put("/v1/delivery-groups/" + id, admin.token(), renamed);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);

        JsonNode create = single("event_type=ADMIN_CREATE&delivery_group_id=" + id, target(id));
        assertThat(create.path("target_type").asText()).isEqualTo("DeliveryGroup");
        assertThat(create.path("delivery_group_id").asText()).isEqualTo(id);
        assertThat(create.path("actor_id").asText()).isEqualTo(admin.sub());
        assertThat(create.path("service_name").isNull()).isTrue();
        JsonNode update = single("event_type=ADMIN_UPDATE&delivery_group_id=" + id, target(id));
        assertThat(update.path("summary").asText()).contains("name").contains("new team name")
                .doesNotContain("services");
        assertThat(texts(auditEvents("delivery_group_id=" + id), "event_type"))
                .containsExactly("ADMIN_UPDATE", "ADMIN_CREATE");
    }

    @Test
    void recipeCreateUpdateAndDeleteAreAuditedWithoutAGroup() {
        Admin admin = namedAdmin();
        String id = unique("audit-recipe");
        assertThat(post("/v1/recipes", admin.token(), recipe(id, "first")).status()).isEqualTo(200);
        assertThat(put("/v1/recipes/" + id, admin.token(), recipe(id, "second")).status()).isEqualTo(200);
        Response deleted = send("DELETE", "/v1/admin/recipes/" + id, admin.token(), null);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        for (String type : List.of("ADMIN_CREATE", "ADMIN_UPDATE", "ADMIN_DELETE")) {
            JsonNode entry = single("event_type=" + type, target(id));
            assertThat(entry.path("target_type").asText()).isEqualTo("Recipe");
            assertThat(entry.path("delivery_group_id").isNull()).as(type).isTrue();
            assertThat(entry.path("outcome").asText()).isEqualTo("SUCCESS");
            assertThat(entry.path("actor_id").asText()).isEqualTo(admin.sub());
        }
        assertThat(single("event_type=ADMIN_UPDATE", target(id)).path("summary").asText()).contains("description");
    }

    @Test
    void everySystemSettingWriteIsOneConfigChangePerKeyWithTheCallerAndTheValues() throws Exception {
        Admin admin = namedAdmin();
        try {
            String limitsRequest = "audit-limits-" + UUID.randomUUID();
            assertThat(put("/v1/admin/system/rate-limits", admin.token(), Map.of("read_rpm", 4000, "mutate_rpm", 4500,
                    "daily_quota_build_register", 4900), "X-Request-Id", limitsRequest).status()).isEqualTo(200);
            List<JsonNode> limits = configChanges(limitsRequest, 3);
            assertThat(texts(array(limits), "target_id"))
                    .containsExactlyInAnyOrder("read_rpm", "mutate_rpm", "daily_quota_build_register");
            for (JsonNode row : limits) {
                JsonNode summary = summaryOf(row, admin, limitsRequest);
                int expected = switch (row.path("target_id").asText()) {
                    case "read_rpm" -> 4000;
                    case "mutate_rpm" -> 4500;
                    default -> 4900;
                };
                assertThat(summary.path("old_value").intValue()).isEqualTo(5000);
                assertThat(summary.path("new_value").intValue()).isEqualTo(expected);
                assertThat(summary.path("setting_key").asText()).isEqualTo(row.path("target_id").asText());
                assertThat(summary.has("reason")).isFalse();
            }
            assertThat(texts(array(limits), "event_id")).doesNotHaveDuplicates();

            String reason = "Freeze for \"incident-7\" \\ ünïcode — see runbook";
            String onRequest = "audit-ks-on-" + UUID.randomUUID();
            Map<String, Object> on = new LinkedHashMap<>();
            on.put("mutations_disabled", true);
            on.put("reason", reason);
            assertThat(put("/v1/admin/system/mutations-disabled", admin.token(), on, "X-Request-Id", onRequest)
                    .status()).isEqualTo(200);
            JsonNode killSwitch = summaryOf(configChanges(onRequest, 1).get(0), admin, onRequest);
            assertThat(killSwitch.path("setting_key").asText()).isEqualTo("mutations_disabled");
            assertThat(killSwitch.path("old_value").isBoolean()).isTrue();
            assertThat(killSwitch.path("old_value").booleanValue()).isFalse();
            assertThat(killSwitch.path("new_value").booleanValue()).isTrue();
            assertThat(killSwitch.path("reason").asText()).isEqualTo(reason);
            String offRequest = "audit-ks-off-" + UUID.randomUUID();
            assertThat(put("/v1/admin/system/mutations-disabled", admin.token(), Map.of("mutations_disabled", false),
                    "X-Request-Id", offRequest).status()).isEqualTo(200);
            JsonNode off = summaryOf(configChanges(offRequest, 1).get(0), admin, offRequest);
            assertThat(off.path("new_value").booleanValue()).isFalse();
            assertThat(off.has("reason")).isFalse();

            String description = "Ships \"release\" builds; owner's \\ notes";
            String publishersRequest = "audit-pub-" + UUID.randomUUID();
            Map<String, Object> publisher = new LinkedHashMap<>();
            publisher.put("name", "e2e-ci");
            publisher.put("provider", "github");
            publisher.put("subject_prefixes", List.of(CI_PREFIX));
            publisher.put("description", description);
            assertThat(put("/v1/admin/system/ci-publishers", admin.token(), Map.of("publishers", List.of(publisher)),
                    "Idempotency-Key", UUID.randomUUID().toString(), "X-Request-Id", publishersRequest).status())
                    .isEqualTo(200);
            JsonNode publishers = summaryOf(configChanges(publishersRequest, 1).get(0), admin, publishersRequest);
            assertThat(publishers.path("setting_key").asText()).isEqualTo("ci_publishers");
            assertThat(publishers.path("old_value").isArray()).isTrue();
            JsonNode saved = publishers.path("new_value").get(0);
            assertThat(saved.path("description").asText()).isEqualTo(description);
            assertThat(saved.path("provider").asText()).isEqualTo("github");
            assertThat(saved.path("subject_prefixes").get(0).asText()).isEqualTo(CI_PREFIX);
            assertThat(saved.has("issuers")).as("empty lists are left out, as in the admin API").isFalse();

            String exposureRequest = "audit-ui-" + UUID.randomUUID();
            assertThat(put("/v1/admin/system/ui-exposure-policy", admin.token(),
                    Map.of("artifactRef", Map.of("display", true)), "X-Request-Id", exposureRequest).status())
                    .isEqualTo(200);
            JsonNode exposure = summaryOf(configChanges(exposureRequest, 1).get(0), admin, exposureRequest);
            assertThat(exposure.path("new_value")).isEqualTo(TestHttp.JSON.readTree(
                    "{\"artifactRef\":{\"display\":true},\"externalLinks\":{\"display\":false}}"));
            assertThat(exposure.path("old_value").path("artifactRef").path("display").isBoolean()).isTrue();
        } finally {
            put("/v1/admin/system/ui-exposure-policy", freshAdmin(), Map.of());
            restoreBaseline();
        }
    }

    @Test
    void buildRegistrationsAndEnvironmentWritesAddNoEntries() {
        long before = auditRows();
        assertThat(register(ci("audit"), UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion()))
                .status()).isEqualTo(201);
        String environment = unique("audit-env").toLowerCase();
        Response created = post("/v1/environments", freshAdmin(), Map.of("environment_id", environment,
                "type", "non_prod"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        sleep(300);
        assertThat(auditRows()).isEqualTo(before);
    }

    @Test
    void filtersNarrowAndTheListIsNewestFirstWithInclusiveTimeBounds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = unique("audit-order");
            assertThat(post("/v1/recipes", freshAdmin(), recipe(id, "order " + i)).status()).isEqualTo(200);
            ids.add(id);
        }
        JsonNode newest = auditEvents("event_type=ADMIN_CREATE&limit=2");
        assertThat(texts(newest, "target_id")).containsExactly(ids.get(2), ids.get(1));

        String t1 = single("event_type=ADMIN_CREATE", target(ids.get(1))).path("timestamp").asText();
        String t2 = single("event_type=ADMIN_CREATE", target(ids.get(2))).path("timestamp").asText();
        assertThat(texts(auditEvents("event_type=ADMIN_CREATE&start_time=" + t1 + "&end_time=" + t1), "target_id"))
                .containsExactly(ids.get(1));
        assertThat(texts(auditEvents("event_type=ADMIN_CREATE&start_time=" + t1 + "&end_time=" + t2), "target_id"))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(texts(auditEvents("event_type=ADMIN_CREATE&end_time=" + t1 + "&limit=500"), "target_id"))
                .contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));

        JsonNode all = auditEvents("limit=500");
        assertThat(texts(all, "timestamp")).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(texts(all, "event_type")).contains("ADMIN_CREATE", "ADMIN_CONFIG_CHANGE");
        JsonNode byDefault = auditEvents("");
        assertThat(byDefault.size()).isEqualTo((int) Math.min(200, auditRows()));
        assertThat(texts(auditEvents("delivery_group_id=default"), "delivery_group_id")).containsOnly("default");

        for (String limit : List.of("0", "501", "ten", "-1")) {
            Response bad = get("/v1/audit/events?limit=" + limit, freshAdmin());
            assertError(bad, 400, "INVALID_REQUEST");
            assertThat(bad.json().path("message").asText()).isEqualTo("limit must be between 1 and 500");
        }
        assertError(get("/v1/audit/events?start_time=yesterday", freshAdmin()), 400, "INVALID_REQUEST");
        assertError(get("/v1/audit/events?end_time=2026-13-01T00:00:00Z", freshAdmin()), 400, "INVALID_REQUEST");
    }

    @Test
    void onlyPlatformAdminsReadVerifyOrReplayTheAudit() {
        List<String> others = List.of(env.identity.ownerToken("owner@example.com"), env.identity.observerToken(),
                ci("audit-reader"));
        for (String path : List.of("/v1/audit/events", "/v1/audit/replay", "/v1/admin/audit/verify")) {
            for (String token : others) {
                Response refused = get(path, token);
                assertError(refused, 403, "ROLE_FORBIDDEN");
                assertThat(refused.json().path("message").asText()).startsWith("Role ");
            }
            assertError(get(path, null), 401, "UNAUTHORIZED");
        }
    }

    private List<JsonNode> configChanges(String requestId, int count) {
        return awaitAudit("event_type=ADMIN_CONFIG_CHANGE&limit=50", entry -> {
            try {
                return requestId.equals(TestHttp.JSON.readTree(entry.path("summary").asText())
                        .path("request_id").asText());
            } catch (Exception e) {
                throw new AssertionError(entry.toString(), e);
            }
        }, count);
    }

    /** The summary of a config-change row, checked for governance §14's fixed parts. */
    private static JsonNode summaryOf(JsonNode row, Admin admin, String requestId) throws Exception {
        assertThat(row.path("event_type").asText()).isEqualTo("ADMIN_CONFIG_CHANGE");
        assertThat(row.path("target_type").asText()).isEqualTo("AdminSetting");
        assertThat(row.path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(row.path("actor_id").asText()).isEqualTo(admin.sub());
        String text = row.path("summary").asText();
        JsonNode summary = TestHttp.JSON.readTree(text);
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted().contains("request_id", "timestamp", "setting_key", "old_value", "new_value",
                "actor_id", "actor_sub", "actor_email", "actor_azp", "actor_role");
        assertThat(summary.path("request_id").asText()).isEqualTo(requestId);
        assertThat(summary.path("timestamp").asText()).isEqualTo(row.path("timestamp").asText());
        assertThat(summary.path("actor_id").asText()).isEqualTo(admin.sub());
        assertThat(summary.path("actor_sub").asText()).isEqualTo(admin.sub());
        assertThat(summary.path("actor_email").asText()).isEqualTo(admin.email());
        assertThat(summary.path("actor_azp").asText()).isEqualTo(admin.azp());
        assertThat(summary.path("actor_role").asText()).isEqualTo("PLATFORM_ADMIN");
        return summary;
    }

    private long auditRows() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
        return count == null ? 0 : count;
    }

    private static JsonNode array(List<JsonNode> entries) {
        return TestHttp.JSON.valueToTree(entries);
    }

    private static Map<String, Object> group(String id, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("services", List.of());
        body.put("allowed_recipes", List.of("default"));
        return body;
    }

    private static Map<String, Object> recipe(String id, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Recipe " + id);
        body.put("description", description);
        body.put("spinnaker_application", "dxcp-demo");
        body.put("deploy_pipeline", "deploy-demo-service");
        body.put("rollback_pipeline", "rollback-demo-service");
        body.put("effective_behavior_summary", "Deploys in place");
        return body;
    }
}
