package dev.dxcp.command.quota;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.quota.QuotaMessages.CheckQuota;
import dev.dxcp.events.quota.QuotaMessages.ConsumeQuotaUnit;
import dev.dxcp.events.quota.QuotaMessages.QuotaUnitConsumed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DailyQuotaTest {
    private static final String ID = "quota/build-register/2026-03-01/x";
    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    private AggregateTestFixture<DailyQuota> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DailyQuota.class);
    }

    @Test
    void freshQuotaHasRoom() {
        fixture.givenNoPriorActivity().when(new CheckQuota(ID, 2)).expectResultMessagePayload(true);
    }

    @Test
    void consumingCountsUnitsUpToTheLimit() {
        fixture.given(new QuotaUnitConsumed(ID, "build-register", "ci", DAY, 1))
                .when(new ConsumeQuotaUnit(ID, "build-register", "ci", DAY, 2))
                .expectEvents(new QuotaUnitConsumed(ID, "build-register", "ci", DAY, 2));
    }

    @Test
    void exhaustedQuotaAnswersNoRoom() {
        fixture.given(new QuotaUnitConsumed(ID, "build-register", "ci", DAY, 1),
                        new QuotaUnitConsumed(ID, "build-register", "ci", DAY, 2))
                .when(new CheckQuota(ID, 2))
                .expectResultMessagePayload(false);
    }

    @Test
    void consumingBeyondTheLimitIsRefusedWithQuotaExceeded() {
        fixture.given(new QuotaUnitConsumed(ID, "build-register", "ci", DAY, 1))
                .when(new ConsumeQuotaUnit(ID, "build-register", "ci", DAY, 1))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage("Daily quota exceeded");
        assertThat(DailyQuota.QuotaRejections.exceeded().code()).isEqualTo("QUOTA_EXCEEDED");
    }

    @Test
    void loweredLimitTakesEffectForTheSameDay() {
        fixture.given(new QuotaUnitConsumed(ID, "build-register", "ci", DAY, 1),
                        new QuotaUnitConsumed(ID, "build-register", "ci", DAY, 2))
                .when(new CheckQuota(ID, 1))
                .expectResultMessagePayload(false);
    }
}
