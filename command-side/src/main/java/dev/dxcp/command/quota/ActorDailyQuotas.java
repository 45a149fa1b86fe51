package dev.dxcp.command.quota;

import dev.dxcp.command.admission.AdmissionTicket;
import dev.dxcp.command.admission.QuotaPass;
import dev.dxcp.command.admission.QuotaStep;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.events.common.Hashing;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.quota.QuotaMessages.CheckQuota;
import dev.dxcp.events.quota.QuotaMessages.ConsumeQuotaUnit;
import org.axonframework.modelling.command.Repository;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static dev.dxcp.events.quota.QuotaMessages.dailyQuotaId;

/**
 * An actor's daily quota as an admission step (governance §7: build registrations, upload capabilities):
 * room is checked at the quota step, and the unit is spent only when the request succeeds.
 */
public class ActorDailyQuotas {
    private final Repository<DailyQuota> quotas;

    public ActorDailyQuotas(Repository<DailyQuota> quotas) {
        this.quotas = quotas;
    }

    /** The quota of this kind for the ticket's actor, on the ticket's UTC day. */
    public QuotaStep<QuotaPass> of(String kind, int dailyLimit) {
        return ticket -> pass(kind, dailyLimit, ticket);
    }

    private QuotaPass pass(String kind, int limit, AdmissionTicket ticket) {
        LocalDate day = LocalDate.ofInstant(ticket.at(), ZoneOffset.UTC);
        String quotaId = dailyQuotaId(kind, Hashing.sha256Hex(ticket.actorId()), day);
        Boolean room = AggregateCommands.handle(quotas, quotaId, DailyQuota::new, new CheckQuota(quotaId, limit));
        Optional<Rejection> refusal = room ? Optional.empty() : Optional.of(DailyQuota.QuotaRejections.exceeded());
        return QuotaPass.of(refusal, () -> AggregateCommands.handle(quotas, quotaId, DailyQuota::new,
                new ConsumeQuotaUnit(quotaId, kind, ticket.actorId(), day, limit)));
    }
}
