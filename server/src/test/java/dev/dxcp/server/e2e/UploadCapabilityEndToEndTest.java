package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * api-contract §7 upload capabilities and POST /v1/builds, in the check order of governance §5: a CI
 * publisher announces exactly the artifact it will register, and the registration must match the
 * announcement and uses it up.
 */
class UploadCapabilityEndToEndTest extends UploadCapabilityTestSupport {

    @Test
    void aCapabilityIsATokenValidForFifteenMinutesAndItsKeyReplaysIt() {
        String sha = sha().toUpperCase(Locale.ROOT);
        Map<String, Object> body = announcement(uniqueVersion(), 1234, sha, ZIP);
        String key = UUID.randomUUID().toString();
        Instant before = Instant.now();
        Response created = issue(ci("cap-issue"), key, body);
        Instant after = Instant.now();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Idempotency-Replayed")).contains("false");
        JsonNode capability = created.json();
        List<String> keys = new ArrayList<>();
        capability.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("uploadType", "uploadUrl", "uploadToken", "expiresAt", "expectedSizeBytes",
                "expectedSha256", "expectedContentType");
        assertThat(capability.path("uploadType").asText()).isEqualTo("TOKEN");
        assertThat(capability.get("uploadUrl").isNull()).isTrue();
        assertThat(UUID.fromString(capability.path("uploadToken").asText())).isNotNull();
        assertThat(Instant.parse(capability.path("expiresAt").asText()))
                .isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(1), after.plus(Duration.ofMinutes(15)));
        assertThat(capability.path("expectedSizeBytes").isIntegralNumber()).isTrue();
        assertThat(capability.path("expectedSizeBytes").asLong()).isEqualTo(1234);
        assertThat(capability.path("expectedSha256").asText()).isEqualTo(sha.toLowerCase(Locale.ROOT));
        assertThat(capability.path("expectedContentType").asText()).isEqualTo(ZIP);

        int issued = eventsOfType("UploadCapabilityIssued");
        Response replay = issue(ci("cap-issue"), key, body);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(created.body());
        assertThat(eventsOfType("UploadCapabilityIssued")).as("a replay issues nothing").isEqualTo(issued);
    }

    @Test
    void aDifferentAnnouncementUnderTheSameKeyConflicts() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = announcement(uniqueVersion(), 10, sha(), ZIP);
        assertThat(issue(ci("cap-conflict"), key, body).status()).isEqualTo(201);
        Map<String, Object> bigger = new java.util.LinkedHashMap<>(body);
        bigger.put("expectedSizeBytes", 11);
        Response conflict = issue(ci("cap-conflict"), key, bigger);
        assertError(conflict, 409, "IDEMPOTENCY_CONFLICT");
        assertThat(conflict.header("Idempotency-Replayed")).isEmpty();
    }

    @Test
    void theKillSwitchComesBeforeTheCiGateThenTheKeyThenTheSchema() {
        Map<String, Object> body = announcement(uniqueVersion(), 10, sha(), ZIP);
        put("/v1/admin/system/mutations-disabled", freshAdmin(), Map.of("mutations_disabled", true));
        try {
            assertError(issue(admin(), body), 503, "MUTATIONS_DISABLED");
            assertError(issue(ci("cap-gates"), body), 503, "MUTATIONS_DISABLED");
            assertError(postBuild(admin(), uploadedBuild(uniqueVersion(), 10, sha(), ZIP)), 503,
                    "MUTATIONS_DISABLED");
        } finally {
            restoreBaseline();
        }
        for (String token : List.of(admin(), env.identity.observerToken(), env.identity.ownerToken("o@example.com"))) {
            assertError(issue(token, body), 403, "CI_ONLY");
            assertError(postBuild(token, uploadedBuild(uniqueVersion(), 10, sha(), ZIP)), 403, "CI_ONLY");
        }
        assertThat(post(CAPABILITIES, null, body).status()).isEqualTo(401);
        assertError(post(CAPABILITIES, ci("cap-gates"), Map.of("nonsense", true)), 400, "IDMP_KEY_REQUIRED");
        for (Object size : List.of("big", -1, 1.5)) {
            Map<String, Object> invalid = new java.util.LinkedHashMap<>(body);
            invalid.put("expectedSizeBytes", size);
            assertError(issue(ci("cap-gates"), invalid), 400, "INVALID_REQUEST");
        }
        for (String field : List.of("service", "version", "expectedSizeBytes", "expectedSha256", "contentType")) {
            Map<String, Object> missing = new java.util.LinkedHashMap<>(body);
            missing.remove(field);
            assertError(issue(ci("cap-gates"), missing), 400, "INVALID_REQUEST");
        }
    }

    @Test
    void serviceThenVersionThenArtifactLimitsEachEarlierStepWinning() {
        String token = ci("cap-order");
        Map<String, Object> body = announcement("not-a-version", 209_715_201L, "xyz", "text/plain");
        body.put("service", "unknown-service");
        assertError(issue(token, body), 403, "SERVICE_NOT_ALLOWLISTED");
        body.put("service", SERVICE);
        assertError(issue(token, body), 400, "INVALID_VERSION");
        body.put("version", uniqueVersion());
        Response tooBig = issue(token, body);
        assertError(tooBig, 400, "INVALID_ARTIFACT");
        assertThat(tooBig.json().path("message").asText()).contains("size");
        body.put("expectedSizeBytes", 209_715_200L);
        assertThat(issue(token, body).json().path("message").asText()).contains("sha256");
        body.put("expectedSha256", "g".repeat(64));
        assertThat(issue(token, body).json().path("message").asText()).contains("sha256");
        body.put("expectedSha256", sha().substring(1));
        assertThat(issue(token, body).json().path("message").asText()).contains("sha256");
        body.put("expectedSha256", sha());
        Response wrongType = issue(token, body);
        assertError(wrongType, 400, "INVALID_ARTIFACT");
        assertThat(wrongType.json().path("message").asText()).contains("text/plain");
        body.put("contentType", "application/gzip");
        assertThat(issue(token, body).status()).as("200 MiB exactly is allowed").isEqualTo(201);
    }

    @Test
    void theDailyUploadQuotaIsFiftyPerActorCountsOnlyIssuedCapabilitiesAndComesBeforeTheService() {
        String token = ci("cap-quota");
        Map<String, Object> refused = announcement("not-a-version", 1, sha(), ZIP);
        assertError(issue(token, refused), 400, "INVALID_VERSION");
        String firstKey = UUID.randomUUID().toString();
        Map<String, Object> first = announcement(uniqueVersion(), 1, sha(), ZIP);
        assertThat(issue(token, firstKey, first).status()).isEqualTo(201);
        for (int i = 2; i <= 50; i++) {
            Response issued = issue(token, announcement(uniqueVersion(), i, sha(), ZIP));
            assertThat(issued.status()).as("capability " + i + ": " + issued.body()).isEqualTo(201);
        }
        Response over = issue(token, announcement(uniqueVersion(), 51, sha(), ZIP));
        assertError(over, 429, "QUOTA_EXCEEDED");
        Map<String, Object> unknownService = announcement(uniqueVersion(), 1, sha(), ZIP);
        unknownService.put("service", "unknown-service");
        assertError(issue(token, unknownService), 429, "QUOTA_EXCEEDED");
        Response replay = issue(token, firstKey, first);
        assertThat(replay.status()).as("a replay uses no quota").isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
        assertThat(issue(ci("cap-quota-other"), announcement(uniqueVersion(), 1, sha(), ZIP)).status())
                .isEqualTo(201);
    }

    @Test
    void aBuildMatchingACapabilityIsRegisteredWithTheAssertedIntegrityAndUsesTheCapabilityUp() {
        String token = ci("cap-build");
        String version = uniqueVersion();
        String sha = sha();
        assertThat(issue(token, announcement(version, 4096, sha, ZIP)).status()).isEqualTo(201);
        Map<String, Object> body = uploadedBuild(version, 4096, sha, ZIP);
        body.put("registeredAt", "2001-01-01T00:00:00Z");
        int consumed = eventsOfType("UploadCapabilityConsumed");
        String key = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(1);

        Response created = postBuild(token, key, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Idempotency-Replayed")).contains("false");
        JsonNode build = created.json();
        assertThat(build.size()).isEqualTo(19);
        assertThat(build.path("sha256").asText()).isEqualTo(sha);
        assertThat(build.path("sizeBytes").asLong()).isEqualTo(4096);
        assertThat(build.path("contentType").asText()).isEqualTo(ZIP);
        assertThat(build.path("ci_publisher").asText()).isEqualTo("e2e-ci");
        assertThat(Instant.parse(build.path("registeredAt").asText())).as("a client-sent registeredAt is ignored")
                .isAfter(before);
        assertThat(eventsOfType("UploadCapabilityConsumed")).isEqualTo(consumed + 1);

        Response replay = postBuild(token, key, body);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(created.body());
        Map<String, Object> otherBranch = new java.util.LinkedHashMap<>(body);
        otherBranch.put("git_branch", "release");
        assertError(postBuild(token, key, otherBranch), 409, "BUILD_REGISTRATION_CONFLICT");

        Response again = postBuild(token, body);
        assertThat(again.status()).as("the existing build answers before any capability is needed: " + again.body())
                .isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(build.path("id").asText());
        assertThat(eventsOfType("UploadCapabilityConsumed")).isEqualTo(consumed + 1);
        Map<String, Object> otherCommit = new java.util.LinkedHashMap<>(body);
        otherCommit.put("git_sha", "fedcba9876543210fedcba9876543210fedcba98");
        Response conflict = postBuild(token, otherCommit);
        assertError(conflict, 409, "BUILD_REGISTRATION_CONFLICT");
        assertThat(conflict.json().path("details").path("existing_git_sha").asText())
                .isEqualTo(body.get("git_sha"));

        JsonNode read = get("/v1/builds?service=" + SERVICE + "&version=" + version, admin()).json();
        assertThat(read.path("id").asText()).isEqualTo(build.path("id").asText());
        assertThat(read.path("sha256").asText()).isEqualTo(sha);
    }

    @Test
    void aBuildDifferingFromTheAnnouncementInAnyFieldFindsNoCapabilityAndLeavesItUnused() {
        String token = ci("cap-mismatch");
        String version = uniqueVersion();
        String sha = sha();
        assertThat(issue(token, announcement(version, 100, sha, ZIP)).status()).isEqualTo(201);
        List<Map<String, Object>> mismatches = List.of(uploadedBuild(version, 101, sha, ZIP),
                uploadedBuild(version, 100, sha(), ZIP), uploadedBuild(version, 100, sha, "application/gzip"),
                uploadedBuild(uniqueVersion(), 100, sha, ZIP));
        for (Map<String, Object> mismatch : mismatches) {
            Response refused = postBuild(token, mismatch);
            assertError(refused, 400, "INVALID_ARTIFACT");
            assertThat(refused.json().path("message").asText()).isEqualTo("No matching upload capability");
            assertThat(refused.header("Idempotency-Replayed")).isEmpty();
        }
        Response exact = postBuild(token, uploadedBuild(version, 100, sha.toUpperCase(Locale.ROOT), ZIP));
        assertThat(exact.status()).as(exact.body()).isEqualTo(201);
        assertThat(exact.json().path("sha256").asText()).isEqualTo(sha);
    }

    @Test
    void buildChecksRunInContractOrderWithTheCapabilityAfterTheExistingVersion() {
        String token = ci("cap-build-order");
        Map<String, Object> incomplete = buildBody(SERVICE, uniqueVersion());
        Response schema = postBuild(token, incomplete);
        assertError(schema, 400, "INVALID_BUILD_REGISTRATION");
        assertThat(schema.json().path("details").path("missing_fields").toString())
                .isEqualTo("[\"contentType\",\"sha256\",\"sizeBytes\"]");
        Map<String, Object> nullSize = uploadedBuild(uniqueVersion(), 1, sha(), ZIP);
        nullSize.put("sizeBytes", null);
        assertThat(postBuild(token, nullSize).json().path("details").path("invalid_fields").toString())
                .isEqualTo("[\"sizeBytes\"]");

        Map<String, Object> body = uploadedBuild(uniqueVersion(), 1, "not-hex", "text/plain");
        body.put("built_at", "yesterday");
        body.put("artifactRef", "s3://elsewhere/" + SERVICE + "/x.zip");
        body.put("commit_url", "not a url");
        Response builtAt = postBuild(token, body);
        assertError(builtAt, 400, "INVALID_BUILD_REGISTRATION");
        assertThat(builtAt.json().path("details").path("invalid_fields").toString()).isEqualTo("[\"built_at\"]");
        body.put("built_at", "2026-03-01T10:15:30Z");
        Response integrity = postBuild(token, body);
        assertError(integrity, 400, "INVALID_ARTIFACT");
        assertThat(integrity.json().path("message").asText()).contains("sha256");
        body.put("sha256", sha());
        body.put("contentType", ZIP);
        Response source = postBuild(token, body);
        assertError(source, 400, "INVALID_ARTIFACT");
        assertThat(source.json().path("message").asText()).isEqualTo("Artifact source not allowlisted");
        body.put("artifactRef", env.publish(SERVICE, (String) body.get("version")));
        assertError(postBuild(token, body), 400, "INVALID_URL");
        body.remove("commit_url");
        assertThat(postBuild(token, body).json().path("message").asText()).isEqualTo("No matching upload capability");

        String version = uniqueVersion();
        assertThat(register(token, UUID.randomUUID().toString(), buildBody(SERVICE, version)).status())
                .isEqualTo(201);
        Map<String, Object> sameArtifact = uploadedBuild(version, 1, sha(), ZIP);
        assertThat(postBuild(token, sameArtifact).status()).as("existing service/version, no capability needed")
                .isEqualTo(200);
        sameArtifact.put("git_sha", "fedcba9876543210fedcba9876543210fedcba98");
        assertError(postBuild(token, sameArtifact), 409, "BUILD_REGISTRATION_CONFLICT");
    }

    @Test
    void uploadedAndStoreVerifiedRegistrationsShareTheDailyRegistrationQuota() {
        Response limits = put("/v1/admin/system/rate-limits", freshAdmin(), Map.of("read_rpm", 5000,
                "mutate_rpm", 5000, "daily_quota_build_register", 1));
        assertThat(limits.status()).as(limits.body()).isEqualTo(200);
        try {
            String token = ci("cap-shared-quota");
            assertThat(register(token, UUID.randomUUID().toString(), buildBody(SERVICE, uniqueVersion())).status())
                    .isEqualTo(201);
            String version = uniqueVersion();
            String sha = sha();
            assertThat(issue(token, announcement(version, 7, sha, ZIP)).status())
                    .as("capabilities have a quota of their own").isEqualTo(201);
            assertError(postBuild(token, uploadedBuild(version, 7, sha, ZIP)), 429, "QUOTA_EXCEEDED");
        } finally {
            restoreBaseline();
        }
    }
}
