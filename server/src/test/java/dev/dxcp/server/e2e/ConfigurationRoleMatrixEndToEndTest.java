package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * governance §2 and §5 for delivery configuration: reads are open to every role, admin reads and
 * writes to platform admins; the role is checked before the kill switch, the kill switch before the body.
 */
class ConfigurationRoleMatrixEndToEndTest extends ConfigurationEndToEndTest {
    private static final List<String> OPEN_READS = List.of("/v1/delivery-groups", "/v1/delivery-groups/default",
            "/v1/recipes", "/v1/recipes/default", "/v1/environments");
    private static final List<String> ADMIN_READS = List.of("/v1/admin/delivery-groups/default/environments",
            "/v1/admin/services/e2e-svc-1/environments");

    /** Every admin write, with a body that would be invalid: refusals must come before validation. */
    private static final List<Write> WRITES = List.of(
            new Write("POST", "/v1/delivery-groups"),
            new Write("PUT", "/v1/delivery-groups/default"),
            new Write("POST", "/v1/recipes"),
            new Write("PUT", "/v1/recipes/default"),
            new Write("DELETE", "/v1/admin/recipes/default"),
            new Write("POST", "/v1/environments"),
            new Write("PATCH", "/v1/environments/sandbox"),
            new Write("DELETE", "/v1/environments/sandbox"),
            new Write("PUT", "/v1/admin/delivery-groups/default/environments/sandbox"),
            new Write("PATCH", "/v1/admin/delivery-groups/default/environments/sandbox"),
            new Write("PUT", "/v1/admin/services/e2e-svc-1/environments/sandbox"),
            new Write("PATCH", "/v1/admin/services/e2e-svc-1/environments/sandbox"));

    private record Write(String method, String path) {
    }

    @AfterEach
    void restore() {
        restoreBaseline();
    }

    private List<String> nonAdmins() {
        return List.of(env.identity.ownerToken("owner@example.com"), env.identity.observerToken(), ci("matrix"));
    }

    @Test
    void everyRoleReadsGroupsRecipesAndEnvironments() {
        for (String token : List.of(admin(), env.identity.ownerToken("owner@example.com"),
                env.identity.observerToken(), ci("matrix-reader"))) {
            for (String path : OPEN_READS) {
                Response response = get(path, token);
                assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        for (String path : OPEN_READS) {
            assertError(get(path, null), 401, "UNAUTHORIZED");
        }
        for (String path : ADMIN_READS) {
            assertError(get(path, null), 401, "UNAUTHORIZED");
        }
        for (Write write : WRITES) {
            assertError(send(write.method(), write.path(), null, Map.of()), 401, "UNAUTHORIZED");
        }
        assertError(post("/v1/admin/guardrails/validate", null, Map.of("guardrails", Map.of())), 401, "UNAUTHORIZED");
    }

    @Test
    void onlyPlatformAdminsReadThePolicyAndPreviewGuardrails() {
        for (String token : nonAdmins()) {
            for (String path : ADMIN_READS) {
                assertError(get(path, token), 403, "ROLE_FORBIDDEN");
            }
            assertError(post("/v1/admin/guardrails/validate", token, "not json"), 403, "ROLE_FORBIDDEN");
        }
    }

    @Test
    void onlyPlatformAdminsChangeConfigurationAndTheMessageNamesTheRole() {
        for (String token : nonAdmins()) {
            for (Write write : WRITES) {
                Response response = send(write.method(), write.path(), token, "{\"broken\":");
                assertError(response, 403, "ROLE_FORBIDDEN");
                assertThat(response.json().path("message").asText()).as(write.toString())
                        .matches("Role (DELIVERY_OWNER|OBSERVER|CI_PUBLISHER) cannot administer delivery configuration");
            }
        }
    }

    @Test
    void theKillSwitchStopsEveryAdminWriteButNotReadsOrThePreview() {
        int before = eventsOfType("DeliveryGroupCreated");
        Response off = put("/v1/admin/system/mutations-disabled", freshAdmin(), Map.of("mutations_disabled", true));
        assertThat(off.status()).isEqualTo(200);
        try {
            for (Write write : WRITES) {
                assertError(send(write.method(), write.path(), admin(), "{\"broken\":"), 503, "MUTATIONS_DISABLED");
            }
            assertError(post("/v1/delivery-groups", admin(), groupBody(unique("ks"))), 503, "MUTATIONS_DISABLED");
            // The role is checked before the kill switch.
            assertError(post("/v1/delivery-groups", env.identity.observerToken(), groupBody(unique("ks"))), 403,
                    "ROLE_FORBIDDEN");
            for (String path : OPEN_READS) {
                assertThat(get(path, admin()).status()).isEqualTo(200);
            }
            assertThat(post("/v1/admin/guardrails/validate", admin(), Map.of("guardrails", Map.of())).status())
                    .isEqualTo(200);
        } finally {
            restoreBaseline();
        }
        assertThat(eventsOfType("DeliveryGroupCreated")).isEqualTo(before);
    }

    @Test
    void adminWritesAreChargedToTheMutateRateLimit() {
        String actor = env.identity.token().sub("rate-" + unique("admin")).roles("dxcp-platform-admins").sign();
        Response limits = put("/v1/admin/system/rate-limits", freshAdmin(),
                Map.of("read_rpm", 5000, "mutate_rpm", 1, "daily_quota_build_register", 5000));
        assertThat(limits.status()).isEqualTo(200);
        try {
            assertThat(post("/v1/environments", actor, Map.of("environment_id", environmentId("rate"),
                    "type", "non_prod")).status()).isEqualTo(201);
            // Windows are clock minutes: when one ends between two writes, the next write opens a new one and
            // is admitted, so the refusal is checked on the write after the first admitted in a minute.
            Response second = post("/v1/environments", actor, Map.of("environment_id", environmentId("rate"),
                    "type", "non_prod"));
            if (second.status() == 201) {
                second = post("/v1/environments", actor, Map.of("environment_id", environmentId("rate"),
                        "type", "non_prod"));
            }
            assertError(second, 429, "RATE_LIMITED");
            assertThat(get("/v1/environments", actor).status()).isEqualTo(200);
        } finally {
            restoreBaseline();
        }
    }
}
