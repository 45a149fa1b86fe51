package dev.dxcp.notify;

import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequirement;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.governance.GovernanceMessages.FreezeOverridden;
import dev.dxcp.notify.Notification.DeploymentFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationFactsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final DeploymentFacts DEPLOY = new DeploymentFacts("dep-1", "ROLL_FORWARD", "svc", "prod",
            "payments", "1.0.0", null, "dev@example.com");
    private static final DeploymentFacts ROLLBACK = new DeploymentFacts("dep-2", "ROLLBACK", "svc", "prod",
            "payments", "0.9.0", "dep-1", "dev@example.com");
    private static final Function<String, Optional<DeploymentFacts>> KNOWN = id -> Optional.ofNullable(
            Map.of("dep-1", DEPLOY, "dep-2", ROLLBACK).get(id));

    private static String type(Object event) {
        return NotificationFacts.of(event, "e", T0, KNOWN).map(Notification::eventType).orElse("none");
    }

    @Test
    void theEngineStartingADeployOrARollbackIsItsStart() {
        assertThat(type(new EngineExecutionStarted("dep-1", "x", "http://e/x", T0))).isEqualTo("DEPLOYMENT_STARTED");
        assertThat(type(new EngineExecutionStarted("dep-2", "x", "http://e/x", T0))).isEqualTo("ROLLBACK_STARTED");
        assertThat(type(new DeploymentFailed("dep-2", List.of(), T0))).isEqualTo("ROLLBACK_FAILED");
    }

    @Test
    void approvalRequestsAndFreezeOverridesAreNotifications_evenBeforeTheDeploymentIsKnown() {
        Notification requested = NotificationFacts.of(new ApprovalRequested("dep-9", "svc", "prod", "payments",
                new ApprovalRequirement("p", 2, List.of("a@example.com", "b@example.com"), T0), T0), "e", T0, KNOWN)
                .orElseThrow();
        assertThat(requested.eventType()).isEqualTo("APPROVAL_REQUESTED");
        assertThat(requested.deployment().deliveryGroupId()).isEqualTo("payments");
        assertThat(requested.details()).containsEntry("required_approvals", 2);
        Notification overridden = NotificationFacts.of(new FreezeOverridden("dep-9", "ROLL_FORWARD", "svc", "prod",
                "payments", "q4", "quarter end", T0, "hotfix INC-42", T0), "e", T0, KNOWN).orElseThrow();
        assertThat(overridden.eventType()).isEqualTo("FREEZE_OVERRIDDEN");
        assertThat(overridden.details()).containsEntry("reason", "hotfix INC-42").containsEntry("freeze_window_id", "q4");
    }

    @Test
    void otherEventsAndDeploymentsNeverAcceptedAreNoNotification() {
        assertThat(type(new DeploymentCanceled("dep-1", T0))).isEqualTo("none");
        assertThat(type(new DeploymentFailed("unknown", List.of(), T0))).isEqualTo("none");
    }
}
