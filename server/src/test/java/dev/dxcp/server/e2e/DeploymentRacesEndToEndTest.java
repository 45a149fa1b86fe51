package dev.dxcp.server.e2e;

import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quota and concurrency hold for simultaneous requests (issue: "exact counts"): the lane aggregate
 * decides, the event store's unique key serializes racing decisions.
 */
class DeploymentRacesEndToEndTest extends DeploymentTestSupport {
    private static final int PARALLEL = 12;

    @AfterEach
    void clearOutcomes() {
        env.gate.outcomes().clear();
        cancelUnfinishedExecutions();
    }

    @Test
    void simultaneousDeploysIntoAGroupWithOnePlaceAdmitExactlyOne() throws Exception {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 1, "daily_deploy_quota", 100));
        env.gate.outcomes().forParameter("service", service, Outcome.hang());
        String version = registered(service);
        String owner = env.identity.ownerToken("racer@example.com");

        List<Response> responses = Parallel.run(PARALLEL, i -> deploy(owner, intent(service, version)));

        assertThat(Parallel.count(responses, 201)).as(bodies(responses)).isEqualTo(1);
        assertThat(Parallel.count(responses, 409)).isEqualTo(PARALLEL - 1);
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("CONCURRENCY_LIMIT_REACHED"));
        assertThat(get("/v1/deployments?service=" + service, admin()).json()).hasSize(1);
        assertThat(env.gate.executions().stream().filter(e -> service.equals(
                e.path("trigger").path("parameters").path("service").asText()))).hasSize(1);
    }

    @Test
    void simultaneousDeploysAgainstAQuotaWithThreeLeftAdmitExactlyThree() throws Exception {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 50, "daily_deploy_quota", 3));
        env.gate.outcomes().forParameter("service", service, Outcome.hang());
        String version = registered(service);
        String owner = env.identity.ownerToken("quota.racer@example.com");

        List<Response> responses = Parallel.run(PARALLEL, i -> deploy(owner, intent(service, version)));

        assertThat(Parallel.count(responses, 201)).as(bodies(responses)).isEqualTo(3);
        assertThat(Parallel.count(responses, 429)).isEqualTo(PARALLEL - 3);
        assertThat(get("/v1/deployments?service=" + service, admin()).json()).hasSize(3);
    }

    @Test
    void simultaneousRollbacksOfOneDeploymentAdmitExactlyOne() throws Exception {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 1, "daily_rollback_quota", 50));
        String owner = env.identity.ownerToken("rollback.racer@example.com");
        deployedSuccessfully(owner, service, registered(service));
        String second = deployedSuccessfully(owner, service, registered(service));
        env.gate.outcomes().forParameter("service", service, Outcome.hang());

        List<Response> responses = Parallel.run(PARALLEL, i -> rollback(owner, second));

        assertThat(Parallel.count(responses, 201)).as(bodies(responses)).isEqualTo(1);
        assertThat(Parallel.count(responses, 409)).isEqualTo(PARALLEL - 1);
    }

    @Test
    void aFinishedDeploymentGivesItsPlaceBack() {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 1));
        String owner = env.identity.ownerToken("sequential@example.com");
        deployedSuccessfully(owner, service, registered(service));
        deployedSuccessfully(owner, service, registered(service));
        deployedSuccessfully(owner, service, registered(service));
    }

    private static String bodies(List<Response> responses) {
        return responses.stream().map(r -> r.status() + " " + r.body()).reduce("", (a, b) -> a + "\n" + b);
    }
}
