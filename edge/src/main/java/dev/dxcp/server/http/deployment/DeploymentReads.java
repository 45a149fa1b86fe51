package dev.dxcp.server.http.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationQueries.DeliveryGroupOfRecord;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.DeploymentQueries.FindDeployment;
import dev.dxcp.events.deployment.DeploymentQueries.FindDeploymentAsOf;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reading one record with delivery-group read scoping (governance §4): 404 first; platform admins and
 * observers are never scoped; an owner must be on the owner list of the record's group (else the
 * service's current group); a CI identity is always refused. With {@code asOf}, the record is the one
 * DXCP knew then (404 if it did not exist yet); scoping is decided on today's delivery groups, because
 * who may read is a question about now.
 */
public class DeploymentReads {
    private final RateLimiter rateLimiter;
    private final Questions questions;
    private final Clock clock;

    public DeploymentReads(RateLimiter rateLimiter, Questions questions, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.questions = questions;
        this.clock = clock;
    }

    /** @param asOf the raw {@code asOf} parameter, null when absent */
    public DeploymentRecord scopedRecord(Caller caller, String id, String asOf) {
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Guards.requirePrincipal(caller);
        Optional<Instant> moment = AsOf.past(asOf, clock);
        Object query = moment.isPresent() ? new FindDeploymentAsOf(id, moment.get()) : new FindDeployment(id);
        DeploymentRecord record = questions.askOptional(query, DeploymentRecord.class)
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Deployment not found"));
        if (caller.role() == Role.CI_PUBLISHER || caller.role() == Role.DELIVERY_OWNER && !owns(caller, record)) {
            throw new Rejection(ErrorCode.DELIVERY_GROUP_SCOPE_REQUIRED,
                    "This deployment belongs to a delivery group you do not own");
        }
        return record;
    }

    private boolean owns(Caller caller, DeploymentRecord record) {
        if (caller.actorEmail() == null) {
            return false;
        }
        Optional<DeliveryGroup> group = questions.askOptional(
                new DeliveryGroupOfRecord(record.deliveryGroupId(), record.service()), DeliveryGroup.class);
        return group.map(g -> g.ownerEmails().contains(caller.actorEmail())).orElse(false);
    }
}
