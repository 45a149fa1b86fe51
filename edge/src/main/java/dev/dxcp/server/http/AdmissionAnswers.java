package dev.dxcp.server.http;

import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.Answer;
import dev.dxcp.server.http.build.BuildJson;
import dev.dxcp.server.http.build.UploadCapabilityJson;
import dev.dxcp.server.http.deployment.DeploymentJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A governed write's answer on the wire (governance §6): 201 for a created resource, 200 for an existing
 * build, the record rendered as its read endpoint renders it, and {@code Idempotency-Replayed} saying
 * whether it is the remembered first answer. A refusal is thrown to the error handler.
 */
public class AdmissionAnswers {
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final BuildJson builds;
    private final UploadCapabilityJson capabilities;
    private final DeploymentJson deployments;

    public AdmissionAnswers(BuildJson builds, UploadCapabilityJson capabilities, DeploymentJson deployments) {
        this.builds = builds;
        this.capabilities = capabilities;
        this.deployments = deployments;
    }

    public ResponseEntity<String> answer(AdmissionOutcome outcome) {
        if (outcome.kind() == AdmissionOutcome.Kind.REFUSED) {
            throw outcome.refusal();
        }
        if (outcome.kind() == AdmissionOutcome.Kind.NEEDS_MEASUREMENT) {
            throw new IllegalStateException("Build still unverified after measuring its artifact");
        }
        Answer answer = outcome.answer();
        return ResponseEntity.status(status(answer)).contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, String.valueOf(outcome.kind() == AdmissionOutcome.Kind.REPLAYED))
                .body(body(answer));
    }

    private static int status(Answer answer) {
        if (answer.renderedStatus() != null) {
            return answer.renderedStatus();
        }
        return answer.outcome() == Answer.Outcome.CREATED ? 201 : 200;
    }

    /** The build as it was shown when first answered: the answer holds it with the links the policy allowed. */
    private String body(Answer answer) {
        if (answer.renderedBody() != null) {
            return answer.renderedBody();
        }
        if (answer.build() != null) {
            return builds.render(answer.build(), true).toString();
        }
        if (answer.uploadCapability() != null) {
            return capabilities.render(answer.uploadCapability()).toString();
        }
        return deployments.record(answer.deployment(), answer.adminView()).toString();
    }
}
