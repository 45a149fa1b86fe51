package dev.dxcp.command.governance;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.governance.ApprovalPolicy;
import dev.dxcp.events.governance.AutoRollbackPolicy;
import dev.dxcp.events.governance.FreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyRemoved;
import dev.dxcp.events.governance.GovernanceMessages.DeclareAutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.RemoveAutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyRemoved;
import dev.dxcp.events.governance.GovernanceMessages.DeclareApprovalPolicy;
import dev.dxcp.events.governance.GovernanceMessages.RemoveApprovalPolicy;
import dev.dxcp.events.governance.GovernanceMessages;
import dev.dxcp.events.governance.GovernanceMessages.ChangeGovernanceSeeded;
import dev.dxcp.events.governance.GovernanceMessages.DeclareFreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowDeclared;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowRemoved;
import dev.dxcp.events.governance.GovernanceMessages.OwnerScopedChangesSet;
import dev.dxcp.events.governance.GovernanceMessages.RemoveFreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.SeedChangeGovernance;
import dev.dxcp.events.governance.GovernanceMessages.SetOwnerScopedChanges;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Change governance as one singleton (docs/GOVERNANCE.md): the owner-scoped changes setting, the freeze
 * windows, the approval policies and the automatic rollback policies. Every write is an event with who made it in its metadata, so each is audited; the fold is
 * {@link GovernanceState}, shared with the per-request {@link ChangeGovernanceView}.
 */
@Aggregate(snapshotTriggerDefinition = "dxcpSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ChangeGovernance {
    static final String NEW_INSTALLATION_REASON = "default for new installations";

    @AggregateIdentifier
    private String governanceId;
    private GovernanceState state = GovernanceState.EMPTY;

    public ChangeGovernance() {
    }

    /**
     * Once per store, before the delivery configuration is seeded: a store whose configuration was never
     * seeded is a new installation and starts owner-scoped; an older one keeps what it had (off).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SeedChangeGovernance command, DeliveryConfigurationView configuration) {
        if (state.seeded()) {
            return;
        }
        boolean newInstallation = !configuration.current().seeded();
        if (newInstallation && state.ownerScopedChanges() == null) {
            apply(new OwnerScopedChangesSet(null, true, NEW_INSTALLATION_REASON, command.at()));
        }
        apply(new ChangeGovernanceSeeded(newInstallation, command.at()));
    }

    /** Every write is applied, even unchanged, so each is audited (governance §14 ADMIN_CONFIG_CHANGE). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetOwnerScopedChanges command) {
        apply(new OwnerScopedChangesSet(state.ownerScopedChanges(), command.enabled(), command.reason(),
                command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareFreezeWindow command, DeliveryConfigurationView configuration,
                       @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        FreezeWindow proposed = command.window();
        FreezeWindowRules.check(proposed, configuration.current());
        if (state.window(proposed.id()).isPresent()) {
            throw new Rejection(ErrorCode.FREEZE_WINDOW_EXISTS, "Freeze window " + proposed.id() + " already exists");
        }
        apply(new FreezeWindowDeclared(new FreezeWindow(proposed.id(), proposed.deliveryGroupId(),
                proposed.environment(), proposed.reason().trim(), proposed.startsAt(), proposed.endsAt(),
                proposed.schedule(), proposed.allowRollbacks(), command.at(), actor)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemoveFreezeWindow command) {
        FreezeWindow window = state.window(command.windowId())
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Freeze window not found"));
        apply(new FreezeWindowRemoved(window, command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareApprovalPolicy command, DeliveryConfigurationView configuration,
                       @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        ApprovalPolicy proposed = command.policy();
        ApprovalPolicyRules.check(proposed, configuration.current());
        if (state.approvalPolicy(proposed.id()).isPresent()) {
            throw new Rejection(ErrorCode.APPROVAL_POLICY_EXISTS, "Approval policy " + proposed.id()
                    + " already exists");
        }
        state.approvalPolicies().stream()
                .filter(p -> p.deliveryGroupId().equals(proposed.deliveryGroupId())
                        && java.util.Objects.equals(p.environment(), proposed.environment()))
                .findFirst().ifPresent(p -> {
                    throw new Rejection(ErrorCode.APPROVAL_POLICY_EXISTS, "Approval policy " + p.id()
                            + " already covers this delivery group and environment");
                });
        apply(new ApprovalPolicyDeclared(new ApprovalPolicy(proposed.id(), proposed.deliveryGroupId(),
                proposed.environment(), proposed.requiredApprovals(), ApprovalPolicyRules.emails(proposed.approvers()),
                proposed.expiresAfterMinutes(), command.at(), actor)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemoveApprovalPolicy command) {
        ApprovalPolicy policy = state.approvalPolicy(command.policyId())
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Approval policy not found"));
        apply(new ApprovalPolicyRemoved(policy, command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareAutoRollbackPolicy command, DeliveryConfigurationView configuration,
                       @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        AutoRollbackPolicy proposed = command.policy();
        AutoRollbackPolicyRules.check(proposed, configuration.current());
        if (state.autoRollbackPolicy(proposed.id()).isPresent()) {
            throw new Rejection(ErrorCode.AUTO_ROLLBACK_POLICY_EXISTS, "Automatic rollback policy " + proposed.id()
                    + " already exists");
        }
        state.autoRollbackPolicies().stream().filter(p -> p.sameScopeAs(proposed)).findFirst().ifPresent(p -> {
            throw new Rejection(ErrorCode.AUTO_ROLLBACK_POLICY_EXISTS, "Automatic rollback policy " + p.id()
                    + " already covers this delivery group, environment and recipe");
        });
        apply(new AutoRollbackPolicyDeclared(new AutoRollbackPolicy(proposed.id(), proposed.deliveryGroupId(),
                proposed.environment(), proposed.recipeId(), command.at(), actor)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemoveAutoRollbackPolicy command) {
        AutoRollbackPolicy policy = state.autoRollbackPolicy(command.policyId())
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Automatic rollback policy not found"));
        apply(new AutoRollbackPolicyRemoved(policy, command.at()));
    }

    private void remember(Object event) {
        governanceId = GovernanceMessages.GOVERNANCE_ID;
        state = state.apply(event);
    }

    @EventSourcingHandler
    void on(ChangeGovernanceSeeded event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(OwnerScopedChangesSet event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(FreezeWindowDeclared event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(FreezeWindowRemoved event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(ApprovalPolicyDeclared event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(ApprovalPolicyRemoved event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(AutoRollbackPolicyDeclared event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(AutoRollbackPolicyRemoved event) {
        remember(event);
    }
}
