package dev.dxcp.events.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Daily quotas counted per subject and UTC day (governance §7). One {@code DailyQuota} aggregate
 * per (kind, subject, day), so concurrent requests cannot both take the last unit.
 */
public final class QuotaMessages {
    private QuotaMessages() {
    }

    public static String dailyQuotaId(String kind, String subjectHash, LocalDate day) {
        return "quota/" + kind + "/" + day + "/" + subjectHash;
    }

    /** Asks whether a unit is left; changes nothing. Answers a Boolean. */
    public record CheckQuota(@TargetAggregateIdentifier String dailyQuotaId, int limit) {
    }

    public record ConsumeQuotaUnit(@TargetAggregateIdentifier String dailyQuotaId, String kind, String subject,
                                   LocalDate day, int limit) {
    }

    public record QuotaUnitConsumed(String dailyQuotaId, String kind, String subject, LocalDate day, int used) {
    }
}
