package dev.dxcp.server.e2e;

import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregates are cached on each instance (decision 157). Two instances on one PostgreSQL database take
 * turns: each request lands on the instance whose cached quota or lane is one step behind what the other
 * just appended (a foreign change reaches the cache follower only after the event store's next fetch, far
 * later than the next request here). The stale decision must lose on the event store's unique key, be
 * re-run from the store, and no limit may be passed.
 */
class AggregateCacheAcrossInstancesEndToEndTest extends DeploymentTestSupport {
    private static SecondInstance second;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start(env);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @AfterEach
    void baselineAgain() {
        env.gate.outcomes().clear();
        cancelUnfinishedExecutions();
        restoreBaseline();
    }

    @Test
    void deploysAlternatingBetweenInstancesNeverPassTheLanesDailyQuotaOfThree() {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 50, "daily_deploy_quota", 3));
        env.gate.outcomes().forParameter("service", service, Outcome.hang());
        String version = registered(service);
        awaitOnSecond("/v1/delivery-groups/grp-" + service, group -> group.status() == 200);
        String owner = env.identity.ownerToken("cache.turns@example.com");

        List<Integer> statuses = new ArrayList<>();
        for (int turn = 0; turn < 6; turn++) {
            Map<String, Object> intent = intent(service, version);
            Response answer = turn % 2 == 0
                    ? TestHttp.post(secondUrl("/v1/deployments"), owner, intent, "Idempotency-Key", key())
                    : deploy(owner, intent);
            statuses.add(answer.status());
            if (answer.status() == 429) {
                assertThat(answer.json().path("code").asText()).as(answer.body()).isEqualTo("QUOTA_EXCEEDED");
            }
        }

        assertThat(statuses).containsExactly(201, 201, 201, 429, 429, 429);
        assertThat(get("/v1/deployments?service=" + service, admin()).json()).hasSize(3);
    }

    @Test
    void registrationsAlternatingBetweenInstancesNeverPassAnActorsDailyQuotaOfThree() {
        Response limits = put("/v1/admin/system/rate-limits", freshAdmin(),
                Map.of("read_rpm", 5000, "mutate_rpm", 5000, "daily_quota_build_register", 3));
        assertThat(limits.status()).as(limits.body()).isEqualTo(200);
        awaitOnSecond("/v1/admin/system/rate-limits",
                answer -> answer.json().path("daily_quota_build_register").asInt() == 3);
        String ci = ci("cache-turns-" + UUID.randomUUID());

        List<Integer> statuses = new ArrayList<>();
        for (int turn = 0; turn < 6; turn++) {
            Map<String, Object> body = buildBody("e2e-svc-7", uniqueVersion());
            Response answer = turn % 2 == 0
                    ? TestHttp.post(secondUrl("/v1/builds/register"), ci, body, "Idempotency-Key", key())
                    : register(ci, key(), body);
            statuses.add(answer.status());
            if (answer.status() == 429) {
                assertThat(answer.json().path("code").asText()).as(answer.body()).isEqualTo("QUOTA_EXCEEDED");
            }
        }

        assertThat(statuses).containsExactly(201, 201, 201, 429, 429, 429);
    }

    /** The settings and delivery configuration reach the other instance within DXCP_SETTINGS_FOLLOW. */
    private void awaitOnSecond(String path, Predicate<Response> condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.test(TestHttp.get(secondUrl(path), freshAdmin()))) {
            assertThat(System.nanoTime()).as("the second instance did not follow " + path).isLessThan(deadline);
            sleep(20);
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String secondUrl(String path) {
        return second.url(path);
    }
}
