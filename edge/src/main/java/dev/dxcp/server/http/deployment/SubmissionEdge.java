package dev.dxcp.server.http.deployment;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.DeploymentCommands.RecordDeploymentDenial;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.engine.EngineMessages.AwaitTrigger;
import dev.dxcp.events.engine.EngineMessages.TriggerAwaited;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AdmissionAnswers;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.observability.RequestIds;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

import java.time.Instant;

/**
 * The edge steps deploys, rollbacks and promotions share: kill switch then Idempotency-Key (governance
 * §5 steps 4–5), both refusals audited as denials (§14), and the answer, which for an accepted record
 * waits (bounded) for the engine's verdict on its trigger (step 15).
 */
public class SubmissionEdge {
    private final Guards guards;
    private final CommandSender commands;
    private final Questions questions;
    private final AdmissionAnswers answers;

    public SubmissionEdge(Guards guards, CommandSender commands, Questions questions, AdmissionAnswers answers) {
        this.guards = guards;
        this.commands = commands;
        this.questions = questions;
        this.answers = answers;
    }

    /** Answers the Idempotency-Key; service, environment and target are what the refusal's audit names. */
    String keyOrDenial(ServerWebExchange exchange, Caller caller, DeploymentKind kind, String service,
                       String environment, String targetId, Instant now) {
        try {
            guards.mutationsEnabled();
            return Guards.requireIdempotencyKey(exchange);
        } catch (Rejection refused) {
            MetaData audit = AuditMetadata.of(caller, RequestIds.of(exchange), null);
            commands.send(new RecordDeploymentDenial(kind, service, environment, targetId, refused.error(),
                    refused.getMessage(), now), audit);
            throw refused;
        }
    }

    ResponseEntity<String> answer(AdmissionOutcome outcome) {
        // A deployment waiting for approval has no trigger to wait for (docs/GOVERNANCE.md "Approvals").
        if (outcome.kind() == AdmissionOutcome.Kind.ACCEPTED
                && outcome.answer().deployment().state() != DeploymentState.PENDING_APPROVAL) {
            questions.ask(new AwaitTrigger(outcome.answer().deployment().id()), TriggerAwaited.class);
        }
        return answers.answer(outcome);
    }
}
