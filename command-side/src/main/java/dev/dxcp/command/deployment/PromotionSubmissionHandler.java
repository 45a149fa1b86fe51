package dev.dxcp.command.deployment;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.deployment.PromotionPolicy.Promotable;
import dev.dxcp.command.deployment.RollForwardRule.Forward;
import dev.dxcp.command.governance.OwnerScope;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.PromotionCommands.SubmitPromotion;
import dev.dxcp.events.deployment.PromotionIntent;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import org.axonframework.commandhandling.CommandHandler;

/**
 * A promotion after the edge's checks (api-contract §6), decided in one unit of work: the promotion's
 * own checks in contract order ({@link PromotionPolicy}), then replay, rate, the target lane's quota
 * and concurrency and the record exactly as a deploy ({@link RollForwardRule}). The record is of kind
 * PROMOTE in the target environment and names its source; refusals are recorded as PROMOTION_DENIED.
 */
public class PromotionSubmissionHandler {
    private final PromotionPolicy policy;
    private final DeliveryConfigurationView configuration;
    private final DenialRecorder denials;
    private final RollForwardRule admission;
    private final OwnerScope ownerScope;

    public PromotionSubmissionHandler(PromotionPolicy policy, DeliveryConfigurationView configuration,
                                      DenialRecorder denials, RollForwardRule admission, OwnerScope ownerScope) {
        this.ownerScope = ownerScope;
        this.policy = policy;
        this.configuration = configuration;
        this.denials = denials;
        this.admission = admission;
    }

    @CommandHandler
    public AdmissionOutcome handle(SubmitPromotion command) {
        PromotionIntent intent = command.intent();
        DeliveryConfigurationState config = configuration.current();
        String groupId = config.groupOf(intent.service()).map(DeliveryGroup::id).orElse(null);
        Promotable promotable;
        try {
            ownerScope.check(config.groupOf(intent.service()), command.actor());
            promotable = policy.check(intent, config);
        } catch (Rejection refused) {
            return deny(command, groupId, refused);
        }
        Forward forward = new Forward(DeploymentKind.PROMOTE, intent.service(), intent.version(),
                intent.sourceEnvironment(), intent.changeSummary());
        return admission.admit(command, forward, promotable.target(), promotable.build(),
                refused -> deny(command, groupId, refused));
    }

    private AdmissionOutcome deny(SubmitPromotion command, String groupId, Rejection refused) {
        return denials.deny(DeploymentKind.PROMOTE, command.intent().service(),
                command.intent().targetEnvironment(), groupId, null, refused, command.requestedAt());
    }
}
