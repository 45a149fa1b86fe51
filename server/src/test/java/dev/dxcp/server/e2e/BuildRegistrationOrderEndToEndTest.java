package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check order of governance §5 for builds: each test makes two steps fail and proves the earlier
 * one answers. Some tests change global settings; the baseline is restored after each.
 */
class BuildRegistrationOrderEndToEndTest extends EndToEndTest {

    @AfterEach
    void restore() {
        restoreBaseline();
    }

    private void setLimits(int read, int mutate, int buildQuota) {
        Response response = put("/v1/admin/system/rate-limits", admin(),
                Map.of("read_rpm", read, "mutate_rpm", mutate, "daily_quota_build_register", buildQuota));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void killSwitch(boolean on) {
        put("/v1/admin/system/mutations-disabled", admin(), Map.of("mutations_disabled", on));
    }

    @Test
    void authenticationComesBeforeTheKillSwitch() {
        killSwitch(true);
        Response response = register(null, "k", buildBody("e2e-svc-5", uniqueVersion()));
        assertError(response, 401, "UNAUTHORIZED");
    }

    @Test
    void killSwitchComesBeforeTheCiGate() {
        killSwitch(true);
        Response response = register(env.identity.ciToken("not-allowlisted"), "k",
                buildBody("e2e-svc-5", uniqueVersion()));
        assertError(response, 503, "MUTATIONS_DISABLED");
        assertThat(get("/v1/settings/public", admin()).json().path("mutations_disabled").asBoolean()).isTrue();
    }

    @Test
    void ciGateComesBeforeTheIdempotencyKey() {
        Response response = post("/v1/builds/register", admin(), buildBody("e2e-svc-5", uniqueVersion()));
        assertError(response, 403, "CI_ONLY");
    }

    @Test
    void idempotencyKeyComesBeforeTheSchema() {
        Response response = post("/v1/builds/register", ci("order"), Map.of("service", "e2e-svc-5"));
        assertError(response, 400, "IDMP_KEY_REQUIRED");
    }

    @Test
    void replayComesBeforeTheRateLimitAndTheQuota() {
        Map<String, Object> body = buildBody("e2e-svc-5", uniqueVersion());
        String key = UUID.randomUUID().toString();
        String token = ci("replay-first");
        assertThat(register(token, key, body).status()).isEqualTo(201);
        setLimits(5000, 1, 0);
        Response replay = register(token, key, body);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
    }

    @Test
    void dailyQuotaComesBeforeTheServiceAllowlistAndCountsOnlyRegistrations() {
        setLimits(5000, 5000, 2);
        String token = ci("quota");
        Map<String, Object> refused = buildBody("e2e-svc-5", uniqueVersion());
        refused.put("service", "unknown-service");
        assertError(register(token, UUID.randomUUID().toString(), refused), 403, "SERVICE_NOT_ALLOWLISTED");
        assertThat(register(token, UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion())).status())
                .isEqualTo(201);
        assertThat(register(token, UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion())).status())
                .isEqualTo(201);
        assertError(register(token, UUID.randomUUID().toString(), refused), 429, "QUOTA_EXCEEDED");
        assertError(register(token, UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion())), 429,
                "QUOTA_EXCEEDED");
        assertThat(register(ci("quota-other-actor"), UUID.randomUUID().toString(),
                buildBody("e2e-svc-5", uniqueVersion())).status()).isEqualTo(201);
    }

    @Test
    void mutateRateLimitAnswersRateLimitedPerActor() {
        setLimits(5000, 2, 5000);
        String token = ci("rate");
        register(token, UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion()));
        register(token, UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion()));
        Response limited = register(token, UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion()));
        assertError(limited, 429, "RATE_LIMITED");
        assertThat(limited.json().path("failure_cause").asText()).isEqualTo("POLICY_CHANGE");
    }

    @Test
    void serviceAllowlistComesBeforeVersionFormat() {
        Map<String, Object> body = buildBody("e2e-svc-5", uniqueVersion());
        body.put("service", "unknown-service");
        body.put("version", "not-a-version");
        assertError(register(ci("order2"), UUID.randomUUID().toString(), body), 403, "SERVICE_NOT_ALLOWLISTED");
    }

    @Test
    void versionFormatComesBeforeBuiltAtAndArtifactSource() {
        Map<String, Object> body = buildBody("e2e-svc-5", uniqueVersion());
        body.put("version", "bad");
        body.put("built_at", "not-a-time");
        body.put("artifactRef", "file:///x");
        assertError(register(ci("order3"), UUID.randomUUID().toString(), body), 400, "INVALID_VERSION");
    }

    @Test
    void artifactSourceComesBeforeLinks() {
        Map<String, Object> body = buildBody("e2e-svc-5", uniqueVersion());
        body.put("artifactRef", "s3://elsewhere/e2e-svc-5/x.zip");
        body.put("commit_url", "not a url");
        assertError(register(ci("order4"), UUID.randomUUID().toString(), body), 400, "INVALID_ARTIFACT");
    }

    @Test
    void killSwitchChangesApplyAtOnceAndTheSwitchItselfStaysUsable() {
        killSwitch(true);
        assertError(register(ci("ks"), UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion())), 503,
                "MUTATIONS_DISABLED");
        Response publishers = put("/v1/admin/system/ci-publishers", admin(), Map.of("publishers", java.util.List.of()),
                "Idempotency-Key", "ks-1");
        assertError(publishers, 503, "MUTATIONS_DISABLED");
        killSwitch(false);
        assertThat(register(ci("ks"), UUID.randomUUID().toString(), buildBody("e2e-svc-5", uniqueVersion())).status())
                .isEqualTo(201);
    }
}
