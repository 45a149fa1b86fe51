package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Failure insights (api-contract §12, domain §10) and DORA measures (docs/INSIGHTS.md) over a scripted
 * history of one service: a success, a failure, a success that is then rolled back, another failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsInsightsEndToEndTest extends DeploymentTestSupport {
    private String service;
    private String group;
    private JsonNode s1;
    private JsonNode f1;
    private JsonNode s2;
    private JsonNode r1;
    private JsonNode f2;

    @BeforeAll
    void scriptAHistory() {
        restoreBaseline();
        service = serviceInOwnGroup(null, Map.of("daily_deploy_quota", 50));
        group = "grp-" + service;
        String v1 = registered(service);
        String v2 = registered(service);
        String v3 = registered(service);
        String v4 = registered(service);
        env.gate.outcomes().forParameter("version", v2, Outcome.controllerError("artifact_bucket_mismatch"));
        env.gate.outcomes().forParameter("version", v4, Outcome.controllerError("unauthorized"));
        s1 = finished(deploy(admin(), intent(service, v1, "default")));
        f1 = finished(deploy(admin(), intent(service, v2, "canary")));
        s2 = finished(deploy(admin(), intent(service, v3, "default")));
        r1 = finished(rollback(admin(), s2.path("id").asText()));
        f2 = finished(deploy(admin(), intent(service, v4, "canary")));
        assertThat(List.of(s1, f1, s2, r1, f2)).extracting(r -> r.path("state").asText())
                .containsExactly("SUCCEEDED", "FAILED", "SUCCEEDED", "SUCCEEDED", "FAILED");
    }

    @AfterEach
    void clearOutcomes() {
        env.gate.outcomes().clear();
    }

    @Test
    void failureInsightsCountDeploymentsRollbacksCategoriesRecipesAndGroups() {
        JsonNode insights = get("/v1/insights/failures?windowDays=7&service=" + service, admin()).json();
        assertThat(insights.path("windowDays").asInt()).isEqualTo(7);
        Instant start = Instant.parse(insights.path("windowStart").asText());
        Instant end = Instant.parse(insights.path("windowEnd").asText());
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofDays(7));
        assertThat(insights.path("windowEnd").asText()).endsWith("Z");
        assertThat(insights.path("totalDeployments").asLong()).isEqualTo(4);
        assertThat(insights.path("totalRollbacks").asLong()).isEqualTo(1);
        assertThat(insights.path("rollbackRate").asDouble()).isEqualTo(0.25);
        // One failure each: the tie keeps first-seen order, newest record first (f2 is POLICY).
        assertThat(insights.path("failuresByCategory").toString())
                .isEqualTo("[{\"key\":\"POLICY\",\"count\":1},{\"key\":\"ARTIFACT\",\"count\":1}]");
        // The rollback runs the target's recipe (default): default 3, canary 2.
        assertThat(insights.path("deploymentsByRecipe").toString())
                .isEqualTo("[{\"key\":\"default\",\"count\":3},{\"key\":\"canary\",\"count\":2}]");
        assertThat(insights.path("deploymentsByGroup").toString())
                .isEqualTo("[{\"key\":\"" + group + "\",\"count\":5}]");
        assertThat(get("/v1/insights/failures?groupId=" + group, env.identity.observerToken()).json()
                .path("totalDeployments").asLong()).isEqualTo(4);
    }

    @Test
    void aScopeWithoutRecordsHasZeroRateAndEmptyLists() {
        JsonNode insights = get("/v1/insights/failures?windowDays=1&service=" + service + "&groupId=nobody",
                ci("insights")).json();
        assertThat(insights.path("totalDeployments").asLong()).isZero();
        assertThat(insights.path("rollbackRate").toString()).isEqualTo("0.0");
        assertThat(insights.path("failuresByCategory").size()).isZero();
        assertThat(insights.path("deploymentsByRecipe").size()).isZero();
    }

    @Test
    void windowDaysOutsideOneToThirtyAndUnknownServicesAreRefused() {
        for (String days : List.of("0", "31", "abc", "1.5")) {
            assertError(get("/v1/insights/failures?windowDays=" + days, admin()), 400, "INVALID_REQUEST");
        }
        assertThat(get("/v1/insights/failures?windowDays=30", admin()).status()).isEqualTo(200);
        assertError(get("/v1/insights/failures?service=no-such-service", admin()), 403, "SERVICE_NOT_ALLOWLISTED");
        assertError(get("/v1/insights/dora?service=no-such-service", admin()), 403, "SERVICE_NOT_ALLOWLISTED");
        assertError(get("/v1/insights/dora?windowDays=91", admin()), 400, "INVALID_REQUEST");
        assertError(get("/v1/insights/dora?groupBy=color", admin()), 400, "INVALID_REQUEST");
        assertError(get("/v1/insights/failures", null), 401, "UNAUTHORIZED");
    }

    @Test
    void doraMeasuresFollowTheirDefinitions() {
        JsonNode dora = get("/v1/insights/dora?windowDays=30&service=" + service, admin()).json();
        assertThat(dora.path("windowDays").asInt()).isEqualTo(30);
        JsonNode frequency = dora.path("deploymentFrequency");
        assertThat(frequency.path("successfulDeployments").asLong()).isEqualTo(2);
        assertThat(frequency.path("perDay").asDouble()).isEqualTo(0.0667);

        double lead1 = seconds(Instant.parse("2026-03-01T10:15:30Z"), s1.path("updatedAt").asText());
        double lead2 = seconds(Instant.parse("2026-03-01T10:15:30Z"), s2.path("updatedAt").asText());
        JsonNode lead = dora.path("leadTimeForChanges");
        assertThat(lead.path("samples").asLong()).isEqualTo(2);
        assertThat(lead.path("p50Seconds").asDouble()).isCloseTo((lead1 + lead2) / 2, within(0.01));
        assertThat(lead.path("meanSeconds").asDouble()).isCloseTo((lead1 + lead2) / 2, within(0.01));

        JsonNode failure = dora.path("changeFailureRate");
        assertThat(failure.path("finishedChanges").asLong()).isEqualTo(4);
        assertThat(failure.path("failedChanges").asLong()).isEqualTo(3);
        assertThat(failure.path("rate").asDouble()).isEqualTo(0.75);

        // f1 opens an incident; s2 does not close it (it was rolled back); the rollback r1 does. f2 stays open.
        double restore = seconds(Instant.parse(f1.path("updatedAt").asText()), r1.path("updatedAt").asText());
        JsonNode ttr = dora.path("timeToRestore");
        assertThat(ttr.path("incidents").asLong()).isEqualTo(2);
        assertThat(ttr.path("restored").asLong()).isEqualTo(1);
        assertThat(ttr.path("p50Seconds").asDouble()).isCloseTo(restore, within(0.01));
        assertThat(ttr.path("meanSeconds").asDouble()).isCloseTo(restore, within(0.01));
    }

    @Test
    void doraBreaksDownByEnvironmentGroupAndService() {
        JsonNode dora = get("/v1/insights/dora?groupId=" + group + "&groupBy=environment", env.identity.observerToken())
                .json();
        assertThat(dora.path("breakdown").size()).isEqualTo(1);
        JsonNode sandbox = dora.path("breakdown").get(0);
        assertThat(sandbox.path("key").asText()).isEqualTo("sandbox");
        assertThat(sandbox.path("changeFailureRate").path("rate").asDouble()).isEqualTo(0.75);
        JsonNode byService = get("/v1/insights/dora?environment=sandbox&groupBy=service", admin()).json();
        JsonNode mine = null;
        for (JsonNode entry : byService.path("breakdown")) {
            if (entry.path("key").asText().equals(service)) {
                mine = entry;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("deploymentFrequency").path("successfulDeployments").asLong()).isEqualTo(2);
        JsonNode empty = get("/v1/insights/dora?groupId=nobody", admin()).json();
        assertThat(empty.path("leadTimeForChanges").path("p50Seconds").isNull()).isTrue();
        assertThat(empty.path("changeFailureRate").path("rate").asDouble()).isZero();
    }

    private JsonNode finished(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return awaitTerminal(response.json().path("id").asText());
    }

    private static Map<String, Object> intent(String service, String version, String recipe) {
        Map<String, Object> intent = DeploymentTestSupport.intent(service, version);
        intent.put("recipeId", recipe);
        return intent;
    }

    private static double seconds(Instant from, String to) {
        return Duration.between(from, Instant.parse(to)).toNanos() / 1e9;
    }
}
