package dev.dxcp.command.deployment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dxcp.events.deployment.DeploymentCommands.AdmitDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.InspectLane;
import dev.dxcp.events.deployment.DeploymentCommands.LaneDecision;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentCommands.ReleaseDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAdmitted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentReleased;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The delivery lane of one (delivery group, environment): who holds a place in it and how much of
 * today's deploy and rollback quota is used. Admission is this aggregate's decision, so N simultaneous
 * deploys into a lane with one place admit exactly one, and a quota with k units left admits exactly k.
 */
@Aggregate(snapshotTriggerDefinition = "dxcpSnapshotTrigger", cache = "deliveryLaneCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DeliveryLane {
    @AggregateIdentifier
    private String laneId;
    private Set<String> members = new LinkedHashSet<>();
    private LocalDate day;
    private int deploysUsed;
    private int rollbacksUsed;

    public DeliveryLane() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public LaneSnapshot handle(InspectLane command) {
        boolean today = command.day().equals(day);
        return new LaneSnapshot(List.copyOf(members), today ? deploysUsed : 0, today ? rollbacksUsed : 0);
    }

    /** governance §5 steps 13–14: quota (429) before concurrency (409); a passed quota step consumes a unit. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public LaneDecision handle(AdmitDeployment command) {
        int used = usedOn(command.day(), command.deploymentKind());
        if (used >= command.dailyQuota()) {
            return new LaneDecision(LaneDecision.Kind.QUOTA_EXCEEDED, used, command.inFlight());
        }
        apply(new LaneQuotaConsumed(command.laneId(), command.deploymentKind(), command.day(), used + 1));
        if (command.inFlight() >= command.maxConcurrent()) {
            return new LaneDecision(LaneDecision.Kind.CONCURRENCY_LIMIT_REACHED, used, command.inFlight());
        }
        if (command.takePlace()) {
            apply(new DeploymentAdmitted(command.laneId(), command.deploymentId(), command.at()));
        }
        return new LaneDecision(LaneDecision.Kind.ADMITTED, used, command.inFlight());
    }

    @CommandHandler
    public void handle(ReleaseDeployment command) {
        if (members.contains(command.deploymentId())) {
            apply(new DeploymentReleased(command.laneId(), command.deploymentId(), command.at()));
        }
    }

    private int usedOn(LocalDate date, DeploymentKind kind) {
        if (!date.equals(day)) {
            return 0;
        }
        return kind == DeploymentKind.ROLLBACK ? rollbacksUsed : deploysUsed;
    }

    @EventSourcingHandler
    void on(LaneQuotaConsumed event) {
        laneId = event.laneId();
        if (!event.day().equals(day)) {
            day = event.day();
            deploysUsed = 0;
            rollbacksUsed = 0;
        }
        if (event.deploymentKind() == DeploymentKind.ROLLBACK) {
            rollbacksUsed = event.used();
        } else {
            deploysUsed = event.used();
        }
    }

    @EventSourcingHandler
    void on(DeploymentAdmitted event) {
        laneId = event.laneId();
        members.add(event.deploymentId());
    }

    @EventSourcingHandler
    void on(DeploymentReleased event) {
        members.remove(event.deploymentId());
    }
}
