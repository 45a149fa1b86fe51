package dev.dxcp.command.quota;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.quota.QuotaMessages.CheckQuota;
import dev.dxcp.events.quota.QuotaMessages.ConsumeQuotaUnit;
import dev.dxcp.events.quota.QuotaMessages.QuotaUnitConsumed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Units used of one daily quota for one subject on one UTC day (governance §7). Because the count
 * lives in an aggregate, two requests racing for the last unit cannot both get it.
 */
@Aggregate(snapshotTriggerDefinition = "dxcpSnapshotTrigger", cache = "dailyQuotaCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DailyQuota {
    @AggregateIdentifier
    private String dailyQuotaId;
    private int used;

    public DailyQuota() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Boolean handle(CheckQuota command) {
        return used < command.limit();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConsumeQuotaUnit command) {
        if (used >= command.limit()) {
            throw QuotaRejections.exceeded();
        }
        apply(new QuotaUnitConsumed(command.dailyQuotaId(), command.kind(), command.subject(), command.day(),
                used + 1));
    }

    @EventSourcingHandler
    void on(QuotaUnitConsumed event) {
        dailyQuotaId = event.dailyQuotaId();
        used = event.used();
    }

    /** Shared wording for quota denials. */
    public static final class QuotaRejections {
        private QuotaRejections() {
        }

        public static Rejection exceeded() {
            return new Rejection(ErrorCode.QUOTA_EXCEEDED, "Daily quota exceeded");
        }
    }
}
