package dev.dxcp.command.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequirement;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApproved;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.deployment.ApprovalMessages.RecordApproval;
import dev.dxcp.events.deployment.ApprovalMessages.RecordRejection;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A deployment's approval, decided inside the {@link Deployment} aggregate (docs/GOVERNANCE.md "Approvals").
 * People are told apart by their lower-cased email, else their actor id. In order: the same person asking
 * again is answered with no change (a retried request is idempotent); someone the policy does not name is
 * refused (403), the requester too (403); a deployment no longer waiting is refused (409); a request at or
 * after the time limit ends the deployment and is refused (409) — the expiry commits with the refusal; else
 * the approval (or rejection) is recorded, and the last approval needed approves the deployment. Two approvals
 * at once collide on the aggregate's sequence and the second is re-decided on the first one's state.
 */
record DeploymentApproval(ApprovalRequirement requirement, List<String> approvedBy, String rejectedBy) {
    DeploymentApproval {
        approvedBy = List.copyOf(approvedBy);
    }

    static DeploymentApproval waitingFor(ApprovalRequirement requirement) {
        return new DeploymentApproval(requirement, List.of(), null);
    }

    static Rejection notPending() {
        return new Rejection(ErrorCode.APPROVAL_NOT_PENDING, "This deployment is not waiting for approval");
    }

    Rejection approve(DeploymentState state, RecordApproval command, DeploymentAccepted deployment) {
        String person = person(command.approver());
        if (approvedBy.contains(person)) {
            return null;
        }
        Rejection refused = mayDecide(state, command.approver(), person, deployment, command.at());
        if (refused != null) {
            return refused;
        }
        int approvals = approvedBy.size() + 1;
        apply(new DeploymentApprovalGranted(deployment.deploymentId(), deployment.service(), deployment.environment(),
                deployment.deliveryGroupId(), command.approver().actorId(), email(command.approver()),
                command.reason(), approvals, command.at()));
        if (approvals >= requirement.requiredApprovals()) {
            apply(new DeploymentApproved(deployment.deploymentId(), command.at()));
        }
        return null;
    }

    Rejection reject(DeploymentState state, RecordRejection command, DeploymentAccepted deployment) {
        String person = person(command.approver());
        if (person.equals(rejectedBy)) {
            return null;
        }
        Rejection refused = mayDecide(state, command.approver(), person, deployment, command.at());
        if (refused != null) {
            return refused;
        }
        apply(new DeploymentRejected(deployment.deploymentId(), deployment.service(), deployment.environment(),
                deployment.deliveryGroupId(), command.approver().actorId(), email(command.approver()),
                command.reason(), command.at()));
        apply(new DeploymentCanceled(deployment.deploymentId(), command.at()));
        return null;
    }

    /** Ends the deployment when its time is up; answers whether it did. */
    boolean lapse(DeploymentAccepted deployment, Instant at) {
        if (at.isBefore(requirement.expiresAt())) {
            return false;
        }
        apply(new DeploymentApprovalExpired(deployment.deploymentId(), deployment.service(), deployment.environment(),
                deployment.deliveryGroupId(), requirement.expiresAt(), at));
        apply(new DeploymentCanceled(deployment.deploymentId(), at));
        return true;
    }

    DeploymentApproval granted(DeploymentApprovalGranted event) {
        List<String> next = new ArrayList<>(approvedBy);
        next.add(person(event.approverId(), event.approverEmail()));
        return new DeploymentApproval(requirement, next, rejectedBy);
    }

    DeploymentApproval rejected(DeploymentRejected event) {
        return new DeploymentApproval(requirement, approvedBy, person(event.approverId(), event.approverEmail()));
    }

    private Rejection mayDecide(DeploymentState state, ActorIdentity approver, String person,
                                DeploymentAccepted deployment, Instant at) {
        ActorIdentity requester = deployment.actor();
        String email = email(approver);
        if (email == null || !requirement.approvers().contains(email)) {
            return new Rejection(ErrorCode.APPROVER_NOT_ALLOWED, "You are not an approver of this deployment",
                    "Approval policy " + requirement.policyId() + " names its approvers (or the group's owners)",
                    null);
        }
        if (requester != null && person.equals(person(requester))) {
            return new Rejection(ErrorCode.SELF_APPROVAL_FORBIDDEN,
                    "The requester of a deployment cannot approve or reject it");
        }
        if (state != DeploymentState.PENDING_APPROVAL) {
            return notPending();
        }
        if (lapse(deployment, at)) {
            return new Rejection(ErrorCode.APPROVAL_EXPIRED, "The approval time limit passed at "
                    + dev.dxcp.events.common.Timestamps.format(requirement.expiresAt()) + "; deploy again");
        }
        return null;
    }

    private static String email(ActorIdentity actor) {
        return actor.email() == null || actor.email().isBlank() ? null
                : actor.email().trim().toLowerCase(Locale.ROOT);
    }

    private static String person(ActorIdentity actor) {
        return person(actor.actorId(), email(actor));
    }

    private static String person(String actorId, String email) {
        return email != null ? email : "id:" + actorId;
    }
}
