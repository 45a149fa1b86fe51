package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.dxcp.server.e2e.OpsProjectionRebuildEndToEndTest.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection that cannot apply an event stops at exactly that event and says which one, while the
 * other projections keep going; once the cause is fixed it resumes from that event by itself.
 * The "poison" is a constraint on the active build table that one specific version violates, as a
 * schema drift in production would.
 */
class OpsProjectionFailureEndToEndTest extends DeploymentTestSupport {

    @Test
    void aPoisonEventStopsOnlyItsProjectionAndIsNamedUntilTheCauseIsFixed() {
        String service = serviceInOwnGroup(null, Map.of("daily_deploy_quota", 50));
        String deployable = registered(service);
        String poison = uniqueVersion();
        String table = "rm_build_g" + find(projections(), "builds").path("activeGeneration").asInt();
        jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT ops_poison CHECK (version <> '" + poison + "')");
        try {
            Response registered = register(ci("poison"), UUID.randomUUID().toString(), buildBody(service, poison));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            Map<String, Object> event = jdbc.queryForMap("SELECT globalindex, eventidentifier FROM domainevententry "
                    + "WHERE payloadtype LIKE '%BuildRegistered' AND convert_from(payload, 'UTF8') LIKE ?",
                    "%\"version\":\"" + poison + "\"%");

            JsonNode builds = awaitState("builds", "failed");
            JsonNode failure = builds.path("failure");
            assertThat(failure.path("globalIndex").asLong()).isEqualTo(((Number) event.get("globalindex")).longValue());
            assertThat(failure.path("eventIdentifier").asText()).isEqualTo(event.get("eventidentifier"));
            assertThat(failure.path("payloadType").asText()).endsWith("BuildRegistered");
            assertThat(failure.path("message").asText()).contains("ops_poison");
            assertThat(builds.path("position").asLong()).isLessThan(failure.path("globalIndex").asLong());

            // The other projections keep going: a deployment after the poison event is read at once.
            String id = deployedSuccessfully(admin(), service, deployable);
            assertThat(get("/v1/deployments/" + id, admin()).json().path("state").asText()).isEqualTo("SUCCEEDED");
            JsonNode deployments = find(projections(), "deployments");
            assertThat(deployments.path("state").asText()).isEqualTo("live");
            assertThat(deployments.path("position").asLong()).isGreaterThan(failure.path("globalIndex").asLong());
            assertThat(find(projections(), "builds").path("state").asText()).isEqualTo("failed");
            assertError(get("/v1/builds?service=" + service + "&version=" + poison, admin()), 404, "NOT_FOUND");
        } finally {
            jdbc.execute("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS ops_poison");
        }
        awaitState("builds", "live");
        assertThat(get("/v1/builds?service=" + service + "&version=" + poison, admin()).status()).isEqualTo(200);
    }

    private JsonNode projections() {
        return get("/v1/admin/projections", admin()).json().path("projections");
    }

    private JsonNode awaitState(String name, String state) {
        long deadline = System.currentTimeMillis() + 90_000;
        JsonNode projection = null;
        while (System.currentTimeMillis() < deadline) {
            projection = find(projections(), name);
            if (projection.path("state").asText().equals(state)
                    && (!state.equals("live") || projection.path("lag").asLong() == 0)) {
                return projection;
            }
            sleep(100);
        }
        throw new AssertionError(name + " never became " + state + ": " + projection);
    }
}
