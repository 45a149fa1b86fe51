package dev.dxcp.server.http.deployment;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.DeploymentCommands.RecordDeploymentDenial;
import dev.dxcp.events.deployment.DeploymentCommands.SubmissionOutcome;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.saga.engine.TriggerOutcomes;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.RequestIds;
import dev.dxcp.server.identity.Caller;
import org.axonframework.messaging.MetaData;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

import java.time.Instant;

/**
 * The edge steps deploys, rollbacks and promotions share: kill switch then Idempotency-Key (governance
 * §5 steps 4–5), both refusals audited as denials (§14), and the answer, which for an accepted record
 * waits (bounded) for the engine's verdict on its trigger (step 15).
 */
public class SubmissionEdge {
    static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final Guards guards;
    private final CommandSender commands;
    private final TriggerOutcomes triggers;

    public SubmissionEdge(Guards guards, CommandSender commands, TriggerOutcomes triggers) {
        this.guards = guards;
        this.commands = commands;
        this.triggers = triggers;
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

    ResponseEntity<String> answer(SubmissionOutcome outcome) {
        if (outcome.kind() == SubmissionOutcome.Kind.DENIED) {
            throw outcome.rejection();
        }
        if (outcome.kind() == SubmissionOutcome.Kind.ACCEPTED) {
            triggers.awaitTrigger(outcome.deploymentId());
        }
        boolean replayed = outcome.kind() == SubmissionOutcome.Kind.REPLAYED;
        return ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, String.valueOf(replayed)).body(outcome.body());
    }
}
