package dev.dxcp.command.deployment;

import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.DeploymentCommands.RecordDeploymentDenial;
import org.axonframework.commandhandling.CommandHandler;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.DeploymentKind;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;

/**
 * Records a refused deploy, rollback or promotion as a DeploymentDenied event in the current unit of work
 * (governance §14 DEPLOY_DENIED / PROMOTION_DENIED, outcome DENIED). The unit of work then commits, so a quota
 * unit consumed before the refusal stays consumed.
 */
public class DenialRecorder {
    private final EventBus eventBus;

    public DenialRecorder(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    /** Edge refusals (kill switch, key) name no group yet; the current configuration supplies it. */
    @CommandHandler
    public void handle(RecordDeploymentDenial command, DeliveryConfigurationView configuration) {
        String groupId = command.service() == null ? null
                : configuration.current().groupOf(command.service()).map(DeliveryGroup::id).orElse(null);
        deny(command.deploymentKind(), command.service(), command.environment(), groupId,
                command.targetDeploymentId(), new Rejection(command.code(), command.message()), command.at());
    }

    public AdmissionOutcome deny(DeploymentKind kind, String service, String environment, String groupId,
                                  String targetDeploymentId, Rejection rejection, Instant at) {
        eventBus.publish(GenericEventMessage.asEventMessage(new DeploymentDenied(service, environment, groupId, kind,
                targetDeploymentId, rejection.code(), rejection.getMessage(), at)));
        return AdmissionOutcome.refused(rejection);
    }
}
