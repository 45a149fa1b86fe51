package dev.dxcp.saga.spinnaker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.saga.spinnaker.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each row of the domain-and-state §9 rule table, on synthetic execution documents. */
class FailureRuleTableTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static FailureModel only(JsonNode execution) {
        var failures = FailureNormalizer.normalize(execution, NOW);
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }

    @ParameterizedTest(name = "code {0} → {1}")
    @CsvSource({
            "missing_service,           VALIDATION",
            "unknown_service,           VALIDATION",
            "artifact_bucket_mismatch,  ARTIFACT",
            "no_previous_artifact,      ROLLBACK",
            "invalid_previous_artifact, ROLLBACK",
            "unauthorized,              POLICY",
            "method_not_allowed,        VALIDATION",
            "not_found,                 INFRASTRUCTURE",
            "ARTIFACT_BUCKET_MISMATCH,  ARTIFACT",
    })
    void controllerCodeInWebhookBodyClassifiesByTheCodeRule(String code, FailureCategory category) {
        FailureModel failure = only(Json.failedWithContext(
                "'webhook':{'statusCodeValue':400,'body':{'error':'" + code + "'},"
                        + "'error':'Error submitting webhook for pipeline 01ABC to https://c.example/deploy with status code 400.'}"));

        assertThat(failure.category()).isEqualTo(category);
        assertThat(failure.detail()).as("code rules carry a neutral detail").isNotBlank();
    }

    @ParameterizedTest(name = "code in {0}")
    @ValueSource(strings = {
            "'context':{'webhook':{'statusCodeValue':400,'body':{'error_code':'missing_service'}}}",
            "'context':{'webhook':{'statusCodeValue':400,'body':{'errorCode':'missing_service'}}}",
            "'context':{'webhook':{'statusCodeValue':400,'body':{'code':'missing_service'}}}",
            "'context':{'webhook':{'statusCodeValue':400,'body':'{\\'error\\':\\'missing_service\\'}'}}",
            "'context':{'webhook':{'monitor':{'statusCodeValue':400,'body':{'error':'missing_service'}}}}",
            "'context':{'error_code':'missing_service'}",
            "'context':{'code':'missing_service'}",
            "'errorCode':'missing_service'",
    })
    void codeIsReadFromEveryPlaceTheSpecNames(String stageFields) {
        assertThat(only(Json.failedWithStage(stageFields)).category()).isEqualTo(FailureCategory.VALIDATION);
    }

    @ParameterizedTest(name = "text \"{0}\" → {1}")
    @CsvSource({
            "Deployment request timeout,                 TIMEOUT",
            "The controller timed out,                   TIMEOUT",
            "Connection reset by peer,                   INFRASTRUCTURE",
            "Service Unavailable,                        INFRASTRUCTURE",
            "upstream answered HTTP 502,                 INFRASTRUCTURE",
            "internal error while deploying,             INFRASTRUCTURE",
            "artifact could not be read,                 ARTIFACT",
            "checksum mismatch,                          ARTIFACT",
            "403 Forbidden,                              POLICY",
            "user is not allowed to deploy here,         POLICY",
            "missing config value,                       CONFIG",
            "Pipeline is disabled and cannot be started, CONFIG",
            "validation of the request failed,           VALIDATION",
            "something odd happened,                     UNKNOWN",
    })
    void stageTextClassifiesByTheFirstMatchingTextRule(String text, FailureCategory category) {
        FailureModel failure = only(Json.failedWithContext("'error':'" + text + "'"));

        assertThat(failure.category()).isEqualTo(category);
        if (category != FailureCategory.UNKNOWN) {
            assertThat(failure.detail()).as("text rules give no detail").isNull();
        }
    }

    @Test
    void internalErrorHasItsOwnSummary() {
        assertThat(only(Json.failedWithContext("'error':'internal error'")).summary()).containsIgnoringCase("internal error");
        assertThat(only(Json.failedWithContext("'error':'connection refused'")).summary()).containsIgnoringCase("unavailable");
    }

    @Test
    void textRulesApplyInTableOrder() {
        assertThat(only(Json.failedWithContext("'error':'artifact download timed out'")).category())
                .isEqualTo(FailureCategory.TIMEOUT);
        assertThat(only(Json.failedWithContext("'error':'artifact store connection lost'")).category())
                .isEqualTo(FailureCategory.INFRASTRUCTURE);
        assertThat(only(Json.failedWithContext("'error':'config forbidden'")).category())
                .isEqualTo(FailureCategory.POLICY);
    }

    @Test
    void codeRulesComeBeforeTextRules() {
        FailureModel failure = only(Json.failedWithContext(
                "'error':'request timed out','error_code':'unauthorized'"));

        assertThat(failure.category()).isEqualTo(FailureCategory.POLICY);
    }

    @Test
    void rollbackExecutionWithUnmatchedTextFailsAsRollback() {
        JsonNode execution = Json.of("{'status':'TERMINAL','name':'rollback-demo-service','stages':[{'type':'dxcpRollback',"
                + "'name':'rollback','status':'TERMINAL','context':{'error':'something odd happened'}}]}");

        FailureModel failure = only(execution);

        assertThat(failure.category()).isEqualTo(FailureCategory.ROLLBACK);
        assertThat(failure.summary()).containsIgnoringCase("rollback");
    }

    @Test
    void rollbackExecutionWithoutAnySignalFailsAsRollback() {
        JsonNode execution = Json.of("{'status':'TERMINAL','name':'rollback-demo-service','stages':[]}");

        assertThat(only(execution).category()).isEqualTo(FailureCategory.ROLLBACK);
    }

    @Test
    void rollbackExecutionStillHonoursMatchingRules() {
        JsonNode execution = Json.of("{'status':'TERMINAL','name':'rollback-demo-service','stages':[{'type':'dxcpRollback',"
                + "'name':'rollback','status':'TERMINAL','context':{'webhook':{'statusCodeValue':409,"
                + "'body':{'error':'no_previous_artifact'}}}}]}");

        FailureModel failure = only(execution);

        assertThat(failure.category()).isEqualTo(FailureCategory.ROLLBACK);
        assertThat(failure.summary()).containsIgnoringCase("no earlier version");
    }

    @Test
    void failureWithNoSignalAtAllIsUnknown() {
        FailureModel failure = only(Json.of("{'status':'TERMINAL','stages':[]}"));

        assertThat(failure.category()).isEqualTo(FailureCategory.UNKNOWN);
        assertThat(failure.summary()).isNotBlank();
        assertThat(failure.actionHint()).isNotBlank();
    }
}
