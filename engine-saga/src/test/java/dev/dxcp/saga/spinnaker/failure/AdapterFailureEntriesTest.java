package dev.dxcp.saga.spinnaker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.saga.spinnaker.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** domain-and-state §9: failure entries handed over by an engine adapter. */
class AdapterFailureEntriesTest {

    private static final Instant NOW = Instant.parse("2025-02-02T10:00:00Z");

    @Test
    void blankFieldsGetGenericSentencesAndMissingTimeBecomesNow() {
        FailureModel entry = AdapterFailureEntries.normalize(new FailureModel(null, " ", "d", "", null), NOW);

        assertThat(entry).isEqualTo(new FailureModel(FailureCategory.UNKNOWN, AdapterFailureEntries.GENERIC_SUMMARY, "d",
                AdapterFailureEntries.GENERIC_ACTION_HINT, NOW));
    }

    @Test
    void givenFieldsPassThrough() {
        Instant seen = Instant.parse("2024-01-01T00:00:00Z");
        FailureModel given = new FailureModel(FailureCategory.TIMEOUT, "s", null, "h", seen);

        assertThat(AdapterFailureEntries.normalize(given, NOW)).isEqualTo(given);
    }

    @Test
    void jsonEntryCategoryIsNormalizedAndTimesParsed() {
        FailureModel infra = AdapterFailureEntries.normalize(
                Json.of("{'category':'infra','summary':'down','action_hint':'wait','observed_at':'2024-05-05T05:05:05Z'}"), NOW);
        FailureModel odd = AdapterFailureEntries.normalize(Json.of("{'category':'weird','observedAt':1000}"), NOW);
        FailureModel undated = AdapterFailureEntries.normalize(Json.of("{'category':'Artifact','observedAt':'yesterday'}"), NOW);

        assertThat(infra).isEqualTo(new FailureModel(FailureCategory.INFRASTRUCTURE, "down", null, "wait",
                Instant.parse("2024-05-05T05:05:05Z")));
        assertThat(odd.category()).isEqualTo(FailureCategory.UNKNOWN);
        assertThat(odd.observedAt()).isEqualTo(Instant.ofEpochMilli(1000));
        assertThat(undated.category()).isEqualTo(FailureCategory.ARTIFACT);
        assertThat(undated.observedAt()).isEqualTo(NOW);
    }
}
