package dev.dxcp.saga.spinnaker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.saga.spinnaker.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Signal order of domain-and-state §9 and the corrections spinnaker-gate §7.5 asks for: the controller's
 * code in the webhook body, the causing stage first, exceptions read without stack traces or class names,
 * a 5xx-then-timeout webhook read as a timeout, startup failures, deliberate stops.
 */
class FailureSignalOrderTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static FailureCategory categoryOf(JsonNode execution) {
        var failures = FailureNormalizer.normalize(execution, NOW);
        assertThat(failures).hasSize(1);
        return failures.get(0).category();
    }

    @Test
    void executionTextFieldsComeBeforeStages() {
        JsonNode execution = Json.of("{'status':'TERMINAL','statusMessage':'deploy timed out','stages':[{'status':'TERMINAL',"
                + "'context':{'webhook':{'statusCodeValue':400,'body':{'error':'artifact_bucket_mismatch'}}}}]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.TIMEOUT);
    }

    @Test
    void executionFieldsAreReadInSpecOrder() {
        JsonNode execution = Json.of("{'status':'TERMINAL','message':'checksum mismatch','error':'timed out',"
                + "'exception':'connection refused'}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.ARTIFACT);
    }

    @Test
    void executionFailureItemsComeBeforeStagesAndCarryCodes() {
        JsonNode execution = Json.of("{'status':'FAILED','failures':[{'message':'x','error_code':'unknown_service'}],"
                + "'stages':[{'status':'TERMINAL','context':{'error':'timed out'}}]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.VALIDATION);
    }

    @Test
    void aSignalThatDoesNotClassifyGivesWayToTheNext() {
        JsonNode execution = Json.of("{'status':'TERMINAL','message':'something odd',"
                + "'stages':[{'status':'TERMINAL','context':{'error':'checksum mismatch'}}]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.ARTIFACT);
    }

    @Test
    void theTerminalStageWinsOverAnEarlierFailedContinueStage() {
        JsonNode execution = Json.of("{'status':'TERMINAL','stages':["
                + "{'status':'FAILED_CONTINUE','endTime':1,'context':{'webhook':{'statusCodeValue':400,'body':{'error':'artifact_bucket_mismatch'}}}},"
                + "{'status':'TERMINAL','endTime':9,'context':{'error':'request timed out'}}]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.TIMEOUT);
    }

    @Test
    void aCanceledStageComesAfterTheTerminalOne() {
        JsonNode execution = Json.of("{'status':'TERMINAL','stages':["
                + "{'status':'CANCELED','endTime':1,'context':{'error':'checksum mismatch'}},"
                + "{'status':'TERMINAL','endTime':9,'context':{'error':'connection refused'}}]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.INFRASTRUCTURE);
    }

    @Test
    void succeededNotStartedAndSkippedStagesAreNeverTheCause() {
        JsonNode execution = Json.of("{'status':'TERMINAL','stages':["
                + "{'status':'SUCCEEDED','context':{'error':'checksum mismatch'}},"
                + "{'status':'NOT_STARTED','context':{'error':'timed out'}},"
                + "{'status':'SKIPPED','context':{'error':'forbidden'}}]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.UNKNOWN);
    }

    @Test
    void amongTerminalStagesTheFirstToEndWins() {
        JsonNode execution = Json.of("{'status':'TERMINAL','stages':["
                + "{'status':'TERMINAL','endTime':20,'context':{'error':'checksum mismatch'}},"
                + "{'status':'TERMINAL','endTime':10,'context':{'error':'forbidden'}}]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.POLICY);
    }

    @Test
    void exceptionIsReadFromItsErrorsNotFromItsStackTraceOrClassName() {
        JsonNode execution = Json.failedWithContext("'exception':{'exceptionType':'ConnectionPipelineException',"
                + "'details':{'error':'Unexpected Task Failure','errors':['','Quota of replicas exhausted'],"
                + "'stackTrace':'com.netflix.spinnaker.orca.pipeline.Connection: boom\\n\\tat com.netflix.spinnaker.orca.pipeline.X(X.java:1)'}}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.UNKNOWN);
    }

    @Test
    void exceptionWithoutErrorsFallsBackToItsErrorText() {
        JsonNode execution = Json.failedWithContext("'exception':{'details':{'error':'Forbidden','errors':[]}}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.POLICY);
    }

    @Test
    void qualifiedClassNamesInsideErrorTextsDoNotMatch() {
        JsonNode execution = Json.failedWithContext("'exception':{'details':{'errors':["
                + "'com.netflix.spinnaker.orca.pipeline.util.ConnectionChecker rejected the request']}}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.UNKNOWN);
    }

    @Test
    void networkKindExceptionIsInfrastructure() {
        JsonNode execution = Json.failedWithContext("'exception':{'exceptionType':'SpinnakerNetworkException',"
                + "'details':{'error':'Failed to reach the service','errors':['Failed to reach the service'],'kind':'NETWORK'}}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.INFRASTRUCTURE);
    }

    @Test
    void webhookThatKeptAnswering5xxThenTimedOutIsATimeout() {
        JsonNode execution = Json.failedWithContext("'webhook':{'statusCodeValue':503,'body':{'message':'Service Unavailable'},"
                + "'error':'Error submitting webhook for pipeline 01ABC to https://c.example/deploy with status code 503, will retry.'},"
                + "'exception':{'exceptionType':'TimeoutException','details':{'error':'Unexpected Task Failure',"
                + "'errors':['CreateWebhookTask of stage deploy-artifact timed out after 5 minutes 4 seconds.']}}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.TIMEOUT);
    }

    @Test
    void webhookTimeoutRecordedOnlyOnTheTaskIsStillATimeout() {
        JsonNode execution = Json.failedWithStage("'context':{'webhook':{'statusCodeValue':503}},"
                + "'tasks':[{'status':'TERMINAL','taskExceptionDetails':{'exception':{'details':{'errors':['task timed out']}}}}]");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.TIMEOUT);
    }

    @Test
    void webhookFailFast5xxIsInfrastructure() {
        JsonNode execution = Json.failedWithContext("'webhook':{'statusCodeValue':504,'error':'Received status code 504, "
                + "which is configured to fail fast, terminating stage for pipeline 01ABC to https://c.example/deploy'}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.INFRASTRUCTURE);
    }

    @Test
    void webhookMessageTemplateDoesNotReadAsAConfigurationProblem() {
        // "for pipeline <id> to <url>" is Orca's template, not a statement about configuration.
        JsonNode execution = Json.failedWithContext("'webhook':{'statusCodeValue':422,'body':'rejected',"
                + "'error':'Error submitting webhook for pipeline 01ABC to https://c.example/pipelineConfigs with status code 422.'}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.UNKNOWN);
    }

    @Test
    void webhookConnectionRefusedIsInfrastructure() {
        JsonNode execution = Json.failedWithContext("'webhook':{'error':'An exception occurred for pipeline 01ABC performing a "
                + "request to https://c.example/deploy. org.springframework.web.client.ResourceAccessException: I/O error on POST "
                + "request for https://c.example/deploy: Connection refused'}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.INFRASTRUCTURE);
    }

    @Test
    void webhookStatusWithoutControllerCodeImpliesTheCode() {
        assertThat(categoryOf(Json.failedWithContext("'webhook':{'statusCodeValue':401,'body':'denied'}")))
                .isEqualTo(FailureCategory.POLICY);
        assertThat(categoryOf(Json.failedWithContext("'webhook':{'statusCodeValue':403}")))
                .isEqualTo(FailureCategory.POLICY);
        assertThat(categoryOf(Json.failedWithContext("'webhook':{'statusCodeValue':404,'body':'<html>Not Found</html>'}")))
                .isEqualTo(FailureCategory.INFRASTRUCTURE);
        assertThat(categoryOf(Json.failedWithContext("'webhook':{'statusCodeValue':405}")))
                .isEqualTo(FailureCategory.VALIDATION);
    }

    @Test
    void controllerCodeWinsOverTheStatusItCameWith() {
        JsonNode execution = Json.failedWithContext("'webhook':{'statusCodeValue':404,'body':{'error':'unknown_service'}}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.VALIDATION);
    }

    @Test
    void unknownControllerCodeMentioningArtifactsIsArtifact() {
        JsonNode execution = Json.failedWithContext("'webhook':{'statusCodeValue':400,'body':{'error':'artifact_ref_unparseable'},"
                + "'error':'Error submitting webhook for pipeline 01ABC to https://c.example/deploy with status code 400.'}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.ARTIFACT);
    }

    @Test
    void controllerRejectionWithUnknownCodeIsAnAppFailure() {
        JsonNode execution = Json.failedWithContext("'webhook':{'statusCodeValue':422,'body':{'error':'health_check_failed'}}");

        var failure = FailureNormalizer.normalize(execution, NOW).get(0);

        assertThat(failure.category()).isEqualTo(FailureCategory.APP);
        assertThat(failure.detail()).contains("health_check_failed");
    }

    @Test
    void controllerRejectionInARollbackIsARollbackFailure() {
        JsonNode execution = Json.of("{'status':'TERMINAL','name':'rollback-demo-service','stages':[{'status':'TERMINAL',"
                + "'context':{'webhook':{'statusCodeValue':422,'body':{'error':'health_check_failed'}}}}]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.ROLLBACK);
    }

    @Test
    void startupFailureReasonIsRead() {
        JsonNode disabled = Json.of("{'status':'TERMINAL','canceled':true,'canceledBy':'system',"
                + "'cancellationReason':'Failed on startup: Pipeline is disabled and cannot be started.','stages':[]}");
        JsonNode unresolved = Json.of("{'status':'TERMINAL','canceled':true,'canceledBy':'system',"
                + "'cancellationReason':'Failed on startup: Unmatched expected artifact could not be resolved.'}");

        assertThat(categoryOf(disabled)).isEqualTo(FailureCategory.CONFIG);
        assertThat(categoryOf(unresolved)).isEqualTo(FailureCategory.ARTIFACT);
    }

    @Test
    void anOrdinaryCancellationReasonIsNotAFailureSignal() {
        JsonNode execution = Json.of("{'status':'TERMINAL','canceled':true,"
                + "'cancellationReason':'Stopped: the pipeline config was wrong','stages':[]}");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.UNKNOWN);
    }

    @Test
    void manualJudgmentStopIsADeliberateStopEvenNextToOtherFailures() {
        JsonNode execution = Json.of("{'status':'TERMINAL','stages':["
                + "{'status':'FAILED_CONTINUE','endTime':1,'context':{'error':'timed out'}},"
                + "{'type':'manualJudgment','status':'TERMINAL','endTime':5,'context':{'judgmentStatus':'stop'}}]}");

        var failure = FailureNormalizer.normalize(execution, NOW).get(0);

        assertThat(failure.category()).isEqualTo(FailureCategory.APP);
        assertThat(failure.summary()).containsIgnoringCase("operator");
    }

    @Test
    void failedCloudOperationTextIsRead() {
        JsonNode execution = Json.failedWithContext("'kato.tasks':[{'status':{'failed':true},"
                + "'history':[{'status':'Starting'},{'status':'Quota exceeded: forbidden to create'}]}]");

        assertThat(categoryOf(execution)).isEqualTo(FailureCategory.POLICY);
    }

    @Test
    void onlyFailedExecutionsProduceAFailure() {
        String failedContinueStage = "'stages':[{'status':'FAILED_CONTINUE','context':{'webhook':{'statusCodeValue':400,"
                + "'body':{'error':'artifact_bucket_mismatch'}}}}]";

        assertThat(FailureNormalizer.normalize(Json.of("{'status':'SUCCEEDED'," + failedContinueStage + "}"), NOW)).isEmpty();
        assertThat(FailureNormalizer.normalize(Json.of("{'status':'CANCELED'," + failedContinueStage + "}"), NOW)).isEmpty();
        assertThat(FailureNormalizer.normalize(Json.of("{'status':'RUNNING'," + failedContinueStage + "}"), NOW)).isEmpty();
        assertThat(FailureNormalizer.normalize(Json.of("{'state':'failed'," + failedContinueStage + "}"), NOW))
                .extracting(f -> f.category()).containsExactly(FailureCategory.ARTIFACT);
    }

    @Test
    void explicitRollbackFlagOverridesDerivation() {
        JsonNode execution = Json.failedWithContext("'error':'something odd'");

        assertThat(FailureNormalizer.normalize(execution, true, NOW).get(0).category()).isEqualTo(FailureCategory.ROLLBACK);
        assertThat(FailureNormalizer.normalize(execution, false, NOW).get(0).category()).isEqualTo(FailureCategory.UNKNOWN);
    }
}
