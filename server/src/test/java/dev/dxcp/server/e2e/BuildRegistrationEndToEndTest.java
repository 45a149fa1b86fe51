package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Build registration over HTTP (api-contract §7, governance §3, §5 builds, §6, §7). */
class BuildRegistrationEndToEndTest extends EndToEndTest {
    private static final List<String> BUILD_KEYS = List.of("id", "service", "version", "artifactRef", "git_sha",
            "git_branch", "ci_publisher", "ci_provider", "ci_run_id", "built_at", "sha256", "sizeBytes",
            "contentType", "checksum_sha256", "repo", "actor", "commit_url", "run_url", "registeredAt");

    @Test
    void firstRegistrationAnswers201WithTheNineteenKeysAndIntegrityFromTheStore() {
        String version = uniqueVersion();
        Map<String, Object> body = buildBody("e2e-svc-1", version);
        body.put("built_at", "2026-03-01T12:15:30+02:00");
        body.put("sha256", "f".repeat(64));
        Response response = register(ci("first"), UUID.randomUUID().toString(), body);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Idempotency-Replayed")).contains("false");
        JsonNode build = response.json();
        assertThat(iterable(build)).containsExactlyElementsOf(BUILD_KEYS);
        assertThat(build.path("ci_publisher").asText()).isEqualTo("e2e-ci");
        assertThat(build.path("built_at").asText()).isEqualTo("2026-03-01T10:15:30.000000Z");
        assertThat(build.path("sha256").asText()).hasSize(64).isNotEqualTo("f".repeat(64));
        assertThat(build.path("sizeBytes").asLong()).isPositive();
        assertThat(build.path("contentType").asText()).isEqualTo("application/zip");
        assertThat(build.path("registeredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void sameKeyAndSameBodyReplaysTheOriginalResponse() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        String key = UUID.randomUUID().toString();
        Response first = register(ci("replay"), key, body);
        Response replay = register(ci("replay"), key, body);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(first.body());
    }

    @Test
    void sameKeyWithADifferentBodyIsABuildRegistrationConflict() {
        String key = UUID.randomUUID().toString();
        register(ci("conflict"), key, buildBody("e2e-svc-1", uniqueVersion()));
        Response response = register(ci("conflict"), key, buildBody("e2e-svc-1", uniqueVersion()));
        assertError(response, 409, "BUILD_REGISTRATION_CONFLICT");
    }

    @Test
    void reRegisteringAnIdenticalBuildUnderANewKeyAnswers200WithTheExistingRecord() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        Response first = register(ci("again"), UUID.randomUUID().toString(), body);
        Response again = register(ci("again-other"), UUID.randomUUID().toString(), body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(again.json().path("registeredAt")).isEqualTo(first.json().path("registeredAt"));
    }

    @Test
    void aRegisteredVersionIsImmutableADifferentGitShaIsAConflictNamingTheExistingBuild() {
        String version = uniqueVersion();
        Map<String, Object> body = buildBody("e2e-svc-1", version);
        register(ci("immutable"), UUID.randomUUID().toString(), body);
        body.put("git_sha", "ffffffffffffffffffffffffffffffffffffffff");
        Response response = register(ci("immutable"), UUID.randomUUID().toString(), body);

        assertError(response, 409, "BUILD_REGISTRATION_CONFLICT");
        JsonNode details = response.json().path("details");
        assertThat(details.path("service").asText()).isEqualTo("e2e-svc-1");
        assertThat(details.path("version").asText()).isEqualTo(version);
        assertThat(details.path("existing_git_sha").asText()).startsWith("0123456789");
        assertThat(details.path("existing_artifactRef").asText()).startsWith("s3://");
    }

    @Test
    void missingIdempotencyKeyIsRefusedWithIdmpKeyRequired() {
        Response response = post("/v1/builds/register", ci("nokey"), buildBody("e2e-svc-1", uniqueVersion()));
        assertError(response, 400, "IDMP_KEY_REQUIRED");
        Response blank = register(ci("nokey"), "   ", buildBody("e2e-svc-1", uniqueVersion()));
        assertError(blank, 400, "IDMP_KEY_REQUIRED");
    }

    @Test
    void humansAndNonAllowlistedCiIdentitiesAreRefusedWithCiOnly() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        assertError(register(admin(), "k1", body), 403, "CI_ONLY");
        assertError(register(env.identity.ownerToken("owner@example.com"), "k1", body), 403, "CI_ONLY");
        assertError(register(env.identity.observerToken(), "k1", body), 403, "CI_ONLY");
        assertError(register(env.identity.ciToken("rogue-pipeline"), "k1", body), 403, "CI_ONLY");
    }

    @Test
    void schemaErrorsNameEveryMissingAndInvalidFieldSorted() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        body.remove("git_branch");
        body.remove("ci_run_id");
        body.put("built_at", null);
        body.put("git_sha", Map.of("nested", true));
        body.put("commit_url", List.of("x"));
        Response response = register(ci("schema"), UUID.randomUUID().toString(), body);

        assertError(response, 400, "INVALID_BUILD_REGISTRATION");
        JsonNode details = response.json().path("details");
        assertThat(details.path("missing_fields").toString()).isEqualTo("[\"ci_run_id\",\"git_branch\"]");
        assertThat(details.path("invalid_fields").toString()).isEqualTo("[\"built_at\",\"commit_url\",\"git_sha\"]");
    }

    @Test
    void numbersWhereStringsAreExpectedAreTakenInTheirStringForm() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        body.put("ci_run_id", 987654);
        Response response = register(ci("lenient"), UUID.randomUUID().toString(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("ci_run_id").asText()).isEqualTo("987654");
    }

    @Test
    void unknownPropertiesAreIgnored() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        body.put("provenance", Map.of("ciSystem", "github"));
        body.put("registeredAt", "1999-01-01T00:00:00Z");
        Response response = register(ci("unknown"), UUID.randomUUID().toString(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("registeredAt").asText()).doesNotStartWith("1999");
    }

    @Test
    void serviceOutsideTheRegistryIsRefusedWith403ServiceNotAllowlisted() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        body.put("service", "not-a-registered-service");
        assertError(register(ci("allowlist"), UUID.randomUUID().toString(), body), 403, "SERVICE_NOT_ALLOWLISTED");
    }

    @Test
    void versionOutsideTheFormatIsRefusedWithInvalidVersion() {
        for (String bad : List.of("1.2", "v1.2.3", "1.2.3+build.5", "01.2.x")) {
            Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
            body.put("version", bad);
            assertError(register(ci("version"), UUID.randomUUID().toString(), body), 400, "INVALID_VERSION");
        }
    }

    @Test
    void unparsableBuiltAtIsAnInvalidFieldNamedBuiltAt() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        body.put("built_at", "yesterday");
        Response response = register(ci("builtat"), UUID.randomUUID().toString(), body);
        assertError(response, 400, "INVALID_BUILD_REGISTRATION");
        assertThat(response.json().path("details").path("invalid_fields").toString()).isEqualTo("[\"built_at\"]");
    }

    @Test
    void artifactRefsOfTheWrongFormOrSourceAreRefusedWithInvalidArtifact() {
        for (String ref : List.of("", "not-a-uri", "file:///etc/passwd", "s3://bucket-only",
                "s3://" + DxcpTestEnvironment.BUCKET + "/../secrets.zip", "s3://other-bucket/e2e-svc-1/x.zip",
                "javascript://alert(1)", "s3://" + DxcpTestEnvironment.BUCKET + "//e2e-svc-1/x.zip",
                "s3://" + DxcpTestEnvironment.BUCKET + "/e2e-svc-1//x.zip")) {
            Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
            body.put("artifactRef", ref);
            Response response = register(ci("artifact"), UUID.randomUUID().toString(), body);
            if (ref.isEmpty()) {
                assertError(response, 400, "INVALID_BUILD_REGISTRATION");
            } else {
                assertError(response, 400, "INVALID_ARTIFACT");
            }
        }
    }

    @Test
    void artifactThatIsNotInTheStoreIsRefusedWithInvalidArtifact() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        body.put("artifactRef", "s3://" + DxcpTestEnvironment.BUCKET + "/e2e-svc-1/never-uploaded.zip");
        Response response = register(ci("missing"), UUID.randomUUID().toString(), body);
        assertError(response, 400, "INVALID_ARTIFACT");
        assertThat(response.json().path("message").asText()).contains("does not exist");
    }

    @Test
    void linksThatAreNotHttpUrlsAreRefusedWithInvalidUrlNamingTheField() {
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        body.put("run_url", "ftp://ci.example.com/run/1");
        Response response = register(ci("links"), UUID.randomUUID().toString(), body);
        assertError(response, 400, "INVALID_URL");
        assertThat(response.json().path("message").asText()).contains("run_url");
    }

    @Test
    void externalLinksAreStoredButShownOnlyWhenTheExposurePolicyDisplaysThem() {
        String version = uniqueVersion();
        Map<String, Object> body = buildBody("e2e-svc-2", version);
        body.put("commit_url", "https://git.example.com/c/1");
        Response created = register(ci("links-shown"), UUID.randomUUID().toString(), body);
        assertThat(created.json().path("commit_url").isNull()).isTrue();
        try {
            put("/v1/admin/system/ui-exposure-policy", admin(), Map.of("externalLinks", Map.of("display", true)));
            Response read = get("/v1/builds?service=e2e-svc-2&version=" + version, admin());
            assertThat(read.json().path("commit_url").asText()).isEqualTo("https://git.example.com/c/1");
        } finally {
            put("/v1/admin/system/ui-exposure-policy", admin(), Map.of());
        }
    }

    @Test
    void aRegisteredBuildIsReadableAtOnceFromBuildsAndTheVersionsList() {
        String version = uniqueVersion();
        Response created = register(ci("read"), UUID.randomUUID().toString(), buildBody("e2e-svc-3", version));
        assertThat(created.status()).isEqualTo(201);

        Response build = get("/v1/builds?service=e2e-svc-3&version=" + version, env.identity.observerToken());
        assertThat(build.status()).as(build.body()).isEqualTo(200);
        assertThat(build.body()).isEqualTo(created.body());

        Response versions = get("/v1/services/e2e-svc-3/versions", env.identity.observerToken());
        assertThat(versions.json().path("source").asText()).isEqualTo("cache");
        assertThat(versions.json().path("versions").get(0).path("version").asText()).isEqualTo(version);
        assertThat(versions.json().path("versions").get(0).path("artifactRef").asText())
                .isEqualTo(created.json().path("artifactRef").asText());
    }

    @Test
    void buildsLookupNeedsServiceAndVersionAndAnswers404ForUnknownBuilds() {
        assertError(get("/v1/builds?service=e2e-svc-1", admin()), 400, "INVALID_REQUEST");
        assertError(get("/v1/builds?service=e2e-svc-1&version=9.9.9", admin()), 404, "NOT_FOUND");
    }

    @Test
    void refreshedVersionsComeFromScanningTheArtifactStoreInSemverOrder() {
        env.publish("e2e-svc-4", "1.10.0");
        env.publish("e2e-svc-4", "1.9.0");
        env.publish("e2e-svc-4", "1.10.0-rc.1");
        Response versions = get("/v1/services/e2e-svc-4/versions?refresh=1", admin());
        assertThat(versions.json().path("source").asText()).isEqualTo("s3");
        assertThat(versions.json().path("versions").findValuesAsText("version"))
                .containsExactly("1.10.0", "1.10.0-rc.1", "1.9.0");
    }

    @Test
    void versionsOfAServiceOutsideTheRegistryAre403() {
        assertError(get("/v1/services/nope/versions", admin()), 403, "SERVICE_NOT_ALLOWLISTED");
    }

    @Test
    void servicesListIsTheRegistrySortedByName() {
        Response services = get("/v1/services", env.identity.observerToken());
        List<String> names = services.json().findValuesAsText("service_name");
        assertThat(names).contains("demo-service", "e2e-svc-1").isSorted();
        assertThat(services.json().get(0).has("allowed_artifact_sources")).isTrue();
        assertThat(services.json().get(0).has("backstage_entity_ref")).isTrue();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
