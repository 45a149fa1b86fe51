package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * An empty or whitespace-only optional field means "not given", on every endpoint that takes a body, as CI
 * systems and forms send the fields they have no value for (issue 9): the request is accepted and the field
 * is stored and answered as absent (null, or the default the contract gives an absent field). A blank
 * required field is still refused by name. Both tables below make one test per field and blank spelling.
 */
class BlankOptionalFieldsEndToEndTest extends AuditTestSupport {
    private static final List<String> BLANKS = List.of("", "   ");
    private static final String REGISTERING_SERVICE = "e2e-svc-9";
    private static Lane lane;

    /**
     * One optional field of one endpoint. {@code send} makes a valid request of its own with the field set to
     * the blank given and answers the endpoint's answer; {@code readBack} finds the field's value as stored,
     * in that answer or by reading it again; {@code absent} checks it.
     */
    private record Optional(String endpoint, String field, Function<String, Response> send,
                            Function<Response, JsonNode> readBack, Consumer<JsonNode> absent) {
    }

    /** One required field of one endpoint, and the named refusal a blank value gets. */
    private record Required(String endpoint, String field, Function<String, Response> send,
                            Consumer<Response> refusal) {
    }

    @BeforeEach
    void showExternalLinks() {
        // commit_url and run_url are answered only while the UI exposure policy shows external links.
        assertThat(put("/v1/admin/system/ui-exposure-policy", freshAdmin(),
                Map.of("artifactRef", Map.of("display", true), "externalLinks", Map.of("display", true))).status())
                .isEqualTo(200);
    }

    @AfterEach
    void restoreDefaults() {
        assertThat(put("/v1/admin/system/ui-exposure-policy", freshAdmin(), Map.of()).status()).isEqualTo(200);
        restoreBaseline();
    }

    @TestFactory
    Stream<DynamicTest> aBlankOptionalFieldIsAcceptedAndStoredAndAnsweredAsAbsent() {
        return optionalFields().stream().flatMap(row -> BLANKS.stream().map(blank -> dynamicTest(
                row.endpoint() + " " + row.field() + "=\"" + blank + "\"", () -> {
                    Response answer = row.send().apply(blank);
                    assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
                    row.absent().accept(row.readBack().apply(answer));
                })));
    }

    @TestFactory
    Stream<DynamicTest> aBlankRequiredFieldIsStillRefusedByName() {
        return requiredFields().stream().flatMap(row -> BLANKS.stream().map(blank -> dynamicTest(
                row.endpoint() + " " + row.field() + "=\"" + blank + "\"",
                () -> row.refusal().accept(row.send().apply(blank)))));
    }

    private List<Optional> optionalFields() {
        Consumer<JsonNode> isNull = value -> assertThat(value.isNull() || value.isMissingNode()).as(value.toString())
                .isTrue();
        List<Optional> rows = new java.util.ArrayList<>();
        for (String field : List.of("checksum_sha256", "repo", "actor", "commit_url", "run_url")) {
            rows.add(new Optional("POST /v1/builds/register", field, blank -> register(field, blank),
                    this::buildAsStored, built -> isNull.accept(built.path(field))));
            rows.add(new Optional("POST /v1/builds", field, blank -> uploadBuild(field, blank),
                    this::buildAsStored, built -> isNull.accept(built.path(field))));
        }
        // Accepted on /register but measured in the store (api-contract §7): answered with the measured values.
        for (String field : List.of("sha256", "contentType", "sizeBytes", "s3Bucket", "s3Key")) {
            rows.add(new Optional("POST /v1/builds/register", field, blank -> register(field, blank),
                    this::buildAsStored, built -> assertThat(built.path("sha256").asText()).hasSize(64)));
        }
        // Blank recipeId: the service's routed recipe for the environment (canary here, not the default).
        rows.add(new Optional("POST /v1/deployments/validate", "recipeId", blank -> post("/v1/deployments/validate",
                admin(), intentWith("recipeId", blank)), Response::json,
                answer -> assertThat(answer.path("recipeId").asText()).isEqualTo("canary")));
        rows.add(new Optional("POST /v1/deployments", "recipeId", blank -> deploy(admin(), intentWith("recipeId", blank)),
                answer -> awaitTerminal(answer.json().path("id").asText()),
                record -> assertThat(record.path("recipeId").asText() + " " + record.path("state").asText())
                        .isEqualTo("canary SUCCEEDED")));
        rows.add(new Optional("POST /v1/policy/summary", "recipeId", blank -> post("/v1/policy/summary", admin(),
                with(Map.of("service", lane().service(), "environment", lane().environment()), "recipeId", blank)),
                Response::json, answer -> assertThat(answer.path("recipeId").asText()).isEqualTo("canary")));
        for (String field : List.of("description", "owner", "allowed_environments")) {
            rows.add(new Optional("POST /v1/delivery-groups", field, blank -> createGroupWith(field, blank),
                    Response::json, group -> isNull.accept(group.path(field))));
        }
        rows.add(new Optional("POST /v1/delivery-groups", "change_reason", blank -> createGroupWith("change_reason",
                blank), Response::json, group -> isNull.accept(group.path("last_change_reason"))));
        for (String guardrail : List.of("max_concurrent_deployments", "daily_deploy_quota", "daily_rollback_quota")) {
            rows.add(new Optional("POST /v1/delivery-groups", "guardrails." + guardrail,
                    blank -> createGroupWith("guardrails", Map.of(guardrail, blank)), Response::json,
                    group -> isNull.accept(group.path("guardrails").path(guardrail))));
        }
        rows.add(new Optional("PUT /v1/delivery-groups/{id}", "change_reason", this::updateGroupWithBlankReason,
                Response::json, group -> assertThat(group.path("last_change_reason").asText()).isEqualTo("first")));
        for (String field : List.of("description", "rollback_pipeline", "change_reason")) {
            rows.add(new Optional("POST /v1/recipes", field, blank -> post("/v1/recipes", admin(),
                    with(ConfigurationEndToEndTest.recipeBody(unique("blank-recipe")), field, blank)), Response::json,
                    recipe -> isNull.accept(recipe.path(field.equals("change_reason") ? "last_change_reason" : field))));
        }
        rows.add(new Optional("POST /v1/recipes", "status", blank -> post("/v1/recipes", admin(),
                with(ConfigurationEndToEndTest.recipeBody(unique("blank-recipe")), "status", blank)), Response::json,
                recipe -> assertThat(recipe.path("status").asText()).isEqualTo("active")));
        for (String field : List.of("display_name", "lifecycle_state", "is_enabled")) {
            rows.add(new Optional("POST /v1/environments", field, blank -> createEnvironmentWith(field, blank),
                    Response::json, environment -> assertThat(List.of(environment.path("display_name").asText(),
                            environment.path("lifecycle_state").asText())).as(environment.toString())
                            .containsExactly(environment.path("id").asText(), "active")));
        }
        for (String field : List.of("display_name", "type", "lifecycle_state")) {
            rows.add(new Optional("PATCH /v1/environments/{id}", field, blank -> patchNewEnvironment(field, blank),
                    Response::json, environment -> assertThat(List.of(environment.path("display_name").asText(),
                            environment.path("type").asText(), environment.path("lifecycle_state").asText()))
                            .as("unchanged").containsExactly("Kept name", "prod", "active")));
        }
        for (String field : List.of("is_enabled", "order_index")) {
            rows.add(new Optional("PUT /v1/admin/delivery-groups/{id}/environments/{id}", field,
                    blank -> bindNewEnvironment(field, blank), Response::json,
                    binding -> assertThat(binding.path("is_enabled").asBoolean()).isTrue()));
        }
        rows.add(new Optional("PUT /v1/admin/system/ci-publishers", "provider", blank -> publishersWith("provider",
                blank), this::blankPublisher, publisher -> assertThat(publisher.path("provider").asText())
                .isEqualTo("custom")));
        for (String field : List.of("description", "owner")) {
            rows.add(new Optional("PUT /v1/admin/system/ci-publishers", field, blank -> publishersWith(field, blank),
                    this::blankPublisher, publisher -> isNull.accept(publisher.path(field))));
        }
        rows.add(new Optional("PUT /v1/admin/system/mutations-disabled", "reason", this::killSwitchOffWithReason,
                this::killSwitchAudit, summary -> assertThat(summary.has("reason")).as(summary.toString()).isFalse()));
        rows.add(new Optional("PUT /v1/admin/system/ui-exposure-policy", "artifactRef.display",
                blank -> put("/v1/admin/system/ui-exposure-policy", freshAdmin(), Map.of("artifactRef",
                        Map.of("display", blank), "externalLinks", Map.of("display", true))), Response::json,
                answer -> assertThat(answer.path("policy").path("artifactRef").path("display").asBoolean()).isFalse()));
        for (String field : List.of("header_name", "token_url", "client_id", "audience", "scope", "server_name",
                "ca_bundle_path")) {
            rows.add(new Optional("PUT /v1/admin/system/engine-adapters/main", field, blank -> put(
                    "/v1/admin/system/engine-adapters/main", freshAdmin(), with(Map.of("mode", "http", "gate_url",
                            env.gate.baseUrl()), field, blank)), Response::json,
                    adapter -> isNull.accept(adapter.path("config").path(field))));
        }
        return rows;
    }

    private List<Required> requiredFields() {
        List<Required> rows = new java.util.ArrayList<>();
        for (String field : List.of("service", "version", "artifactRef", "git_sha", "git_branch", "ci_provider",
                "ci_run_id", "built_at")) {
            rows.add(new Required("POST /v1/builds/register", field, blank -> register(field, blank),
                    refusal -> invalidFields(refusal, field)));
        }
        for (String field : List.of("sha256", "contentType", "sizeBytes")) {
            rows.add(new Required("POST /v1/builds", field, blank -> uploadBuild(field, blank),
                    refusal -> invalidFields(refusal, field)));
        }
        for (String field : List.of("service", "version", "expectedSha256", "contentType", "expectedSizeBytes")) {
            rows.add(new Required("POST /v1/builds/upload-capability", field, blank -> post(
                    "/v1/builds/upload-capability", ci("blank-cap"), with(UploadCapabilityTestSupport.announcement(
                            uniqueVersion(), 10, UploadCapabilityTestSupport.sha(), "application/zip"), field, blank),
                    "Idempotency-Key", UUID.randomUUID().toString()),
                    refusal -> schemaError(refusal, "INVALID_REQUEST", field)));
        }
        for (String field : List.of("service", "version")) {
            rows.add(new Required("POST /v1/deployments", field, blank -> deploy(admin(), intentWith(field, blank)),
                    refusal -> schemaError(refusal, "INVALID_REQUEST", field)));
        }
        rows.add(new Required("POST /v1/deployments", "environment", blank -> deploy(admin(),
                intentWith("environment", blank)), refusal -> assertError(refusal, 400, "ENVIRONMENT_REQUIRED")));
        rows.add(new Required("POST /v1/promotions", "service", blank -> post("/v1/promotions", admin(),
                PromotionTestSupport.promotion(blank, "sandbox", "staging", "1.0.0"), "Idempotency-Key",
                UUID.randomUUID().toString()), refusal -> schemaError(refusal, "INVALID_REQUEST", "service")));
        rows.add(new Required("POST /v1/delivery-groups", "id", blank -> createGroupWith("id", blank),
                refusal -> assertError(refusal, 400, "MISSING_ID")));
        rows.add(new Required("POST /v1/delivery-groups", "name", blank -> createGroupWith("name", blank),
                refusal -> assertError(refusal, 400, "MISSING_NAME")));
        Map<String, String> recipeCodes = Map.of("id", "RECIPE_ID_REQUIRED", "name", "RECIPE_NAME_REQUIRED",
                "effective_behavior_summary", "RECIPE_BEHAVIOR_REQUIRED");
        recipeCodes.forEach((field, code) -> rows.add(new Required("POST /v1/recipes", field, blank -> post(
                "/v1/recipes", admin(), with(ConfigurationEndToEndTest.recipeBody(unique("blank-recipe")), field,
                        blank)), refusal -> assertError(refusal, 400, code))));
        rows.add(new Required("POST /v1/environments", "type", blank -> createEnvironmentWith("type", blank),
                refusal -> assertError(refusal, 400, "INVALID_ENVIRONMENT_TYPE")));
        rows.add(new Required("PUT /v1/admin/system/ci-publishers", "name", blank -> publishersWith("name", blank),
                refusal -> schemaError(refusal, "INVALID_REQUEST", "name")));
        rows.add(new Required("PUT /v1/admin/services/{service}/environments/{id}", "recipe_id", blank -> put(
                "/v1/admin/services/" + lane().service() + "/environments/" + lane().environment(), admin(),
                Map.of("recipe_id", blank)), refusal -> schemaError(refusal, "INVALID_REQUEST", "recipe_id")));
        return rows;
    }

    // ---- requests, each valid but for the field under test ----

    private Response register(String field, Object blank) {
        return register(ci("blank-fields"), UUID.randomUUID().toString(),
                with(buildBody(REGISTERING_SERVICE, uniqueVersion()), field, blank));
    }

    /** POST /v1/builds after an upload capability for exactly the asserted integrity. */
    private Response uploadBuild(String field, Object blank) {
        String ci = ci("blank-upload-" + UUID.randomUUID());
        String version = uniqueVersion();
        String sha = UploadCapabilityTestSupport.sha();
        Map<String, Object> announcement = UploadCapabilityTestSupport.announcement(version, 10, sha, "application/zip");
        Response capability = post("/v1/builds/upload-capability", ci, announcement, "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(capability.status()).as(capability.body()).isEqualTo(201);
        Map<String, Object> build = buildBody(UploadCapabilityTestSupport.SERVICE, version);
        build.put("sha256", sha);
        build.put("sizeBytes", 10);
        build.put("contentType", "application/zip");
        return post("/v1/builds", ci, with(build, field, blank), "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** The build as answered, and as read back: both must show the same stored value. */
    private JsonNode buildAsStored(Response registered) {
        JsonNode answered = registered.json();
        JsonNode read = get("/v1/builds?service=" + answered.path("service").asText() + "&version="
                + answered.path("version").asText(), admin()).json();
        assertThat(read).as("read back as answered").isEqualTo(answered);
        return read;
    }

    private Lane lane() {
        if (lane == null) {
            lane = laneOfItsOwn();
            Response routed = put("/v1/admin/services/" + lane.service() + "/environments/" + lane.environment(),
                    admin(), Map.of("recipe_id", "canary"));
            assertThat(routed.status()).as(routed.body()).isEqualTo(200);
        }
        return lane;
    }

    private Map<String, Object> intentWith(String field, Object blank) {
        return with(intent(lane(), registered(lane().service())), field, blank);
    }

    private Response createGroupWith(String field, Object blank) {
        return post("/v1/delivery-groups", freshAdmin(), with(ConfigurationEndToEndTest.groupBody(
                unique("blank-group")), field, blank));
    }

    private Response updateGroupWithBlankReason(String blank) {
        String id = unique("blank-group");
        Map<String, Object> body = ConfigurationEndToEndTest.groupBody(id);
        assertThat(post("/v1/delivery-groups", freshAdmin(), with(body, "change_reason", "first")).status())
                .isEqualTo(201);
        return put("/v1/delivery-groups/" + id, freshAdmin(), with(with(body, "description", "second"),
                "change_reason", blank));
    }

    private Response createEnvironmentWith(String field, Object blank) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environment_id", ConfigurationEndToEndTest.environmentId("blank-env"));
        body.put("type", "non_prod");
        body.put(field, blank);
        return post("/v1/environments", freshAdmin(), body);
    }

    private Response patchNewEnvironment(String field, Object blank) {
        String id = ConfigurationEndToEndTest.environmentId("blank-env");
        assertThat(post("/v1/environments", freshAdmin(), Map.of("environment_id", id, "type", "prod",
                "display_name", "Kept name")).status()).isEqualTo(201);
        return send("PATCH", "/v1/environments/" + id, freshAdmin(), Map.of(field, blank));
    }

    private Response bindNewEnvironment(String field, Object blank) {
        String group = unique("blank-group");
        assertThat(createGroupWith("description", "binding").status()).isEqualTo(201);
        assertThat(post("/v1/delivery-groups", freshAdmin(), ConfigurationEndToEndTest.groupBody(group)).status())
                .isEqualTo(201);
        String environment = ConfigurationEndToEndTest.environmentId("blank-env");
        assertThat(post("/v1/environments", freshAdmin(), Map.of("environment_id", environment, "type", "non_prod"))
                .status()).isEqualTo(201);
        return put("/v1/admin/delivery-groups/" + group + "/environments/" + environment, freshAdmin(),
                Map.of(field, blank));
    }

    /** The baseline entry plus one with the field blank (PUT replaces the whole list). */
    private Response publishersWith(String field, Object blank) {
        Map<String, Object> tested = new LinkedHashMap<>();
        tested.put("name", "blank-publisher");
        tested.put("subjects", List.of("blank-publisher@clients"));
        tested.put(field, blank);
        return put("/v1/admin/system/ci-publishers", freshAdmin(), Map.of("publishers", List.of(Map.of("name",
                "e2e-ci", "provider", "custom", "subject_prefixes", List.of(CI_PREFIX)), tested)),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private JsonNode blankPublisher(Response saved) {
        for (JsonNode publisher : saved.json().path("publishers")) {
            if (publisher.path("subjects").toString().contains("blank-publisher@clients")) {
                return publisher;
            }
        }
        throw new AssertionError("no saved publisher with the blank field: " + saved.body());
    }

    private Response killSwitchOffWithReason(String blank) {
        return put("/v1/admin/system/mutations-disabled", freshAdmin(), Map.of("mutations_disabled", false,
                "reason", blank), "X-Request-Id", "blank-reason-" + UUID.randomUUID());
    }

    /** The ADMIN_CONFIG_CHANGE summary recorded for that request. */
    private JsonNode killSwitchAudit(Response answered) {
        String requestId = answered.header("X-Request-Id").orElseThrow();
        JsonNode entry = awaitAudit("event_type=ADMIN_CONFIG_CHANGE", row -> row.toString().contains(requestId), 1)
                .get(0);
        try {
            return TestHttp.JSON.readTree(entry.path("summary").asText());
        } catch (java.io.IOException e) {
            throw new AssertionError("summary is not JSON: " + entry, e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        return ConfigurationEndToEndTest.with(body, field, value);
    }

    private static void invalidFields(Response refusal, String field) {
        assertError(refusal, 400, "INVALID_BUILD_REGISTRATION");
        assertThat(refusal.json().path("details").path("invalid_fields").toString()).isEqualTo("[\"" + field + "\"]");
    }

    /** The code, and the field named in the explanation when the caller may see it (platform admins). */
    private static void schemaError(Response refusal, String code, String field) {
        assertError(refusal, 400, code);
        if (refusal.json().has("operator_hint")) {
            assertThat(refusal.json().path("operator_hint").asText()).contains(field);
        }
    }
}
