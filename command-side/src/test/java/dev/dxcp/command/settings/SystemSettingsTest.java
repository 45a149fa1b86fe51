package dev.dxcp.command.settings;

import dev.dxcp.events.settings.CiPublisher;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.SettingsMessages.ChangeRateLimits;
import dev.dxcp.events.settings.SettingsMessages.CiPublishersReplaced;
import dev.dxcp.events.settings.SettingsMessages.MutationsDisabledChanged;
import dev.dxcp.events.settings.SettingsMessages.RateLimitsChanged;
import dev.dxcp.events.settings.SettingsMessages.ReplaceCiPublishers;
import dev.dxcp.events.settings.SettingsMessages.SetMutationsDisabled;
import dev.dxcp.events.settings.UiExposurePolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SystemSettingsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final CiPublisher BOOTSTRAP = CiPublisher.forSubject("bootstrap-ci@clients");
    private static final SettingsDefaults DEFAULTS = new SettingsDefaults(RateLimits.DEFAULTS, List.of(BOOTSTRAP),
            UiExposurePolicy.DEFAULTS, false, EngineAdapterSettings.stub());

    private AggregateTestFixture<SystemSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SystemSettings.class);
        fixture.registerInjectableResource(DEFAULTS);
    }

    @Test
    void firstAllowlistWriteRecordsTheStartupListAsTheOldValue() {
        CiPublisher github = CiPublisher.forSubject("gh@clients");
        fixture.givenNoPriorActivity()
                .when(new ReplaceCiPublishers(List.of(github), T0))
                .expectEvents(new CiPublishersReplaced(List.of(BOOTSTRAP), List.of(github), T0));
    }

    @Test
    void laterWritesRecordThePersistedValueAsOld() {
        RateLimits first = new RateLimits(100, 20, 60);
        RateLimits second = new RateLimits(200, 30, 70);
        fixture.given(new RateLimitsChanged(RateLimits.DEFAULTS, first, T0))
                .when(new ChangeRateLimits(second, T0.plusSeconds(5)))
                .expectEvents(new RateLimitsChanged(first, second, T0.plusSeconds(5)));
    }

    @Test
    void unchangedKillSwitchWriteIsStillRecordedBecauseEveryWriteIsAudited() {
        fixture.given(new MutationsDisabledChanged(false, true, "incident", T0))
                .when(new SetMutationsDisabled(true, "still incident", T0.plusSeconds(1)))
                .expectEvents(new MutationsDisabledChanged(true, true, "still incident", T0.plusSeconds(1)));
    }

    @Test
    void effectiveSettingsReportTheirSource() {
        SettingsState state = SettingsState.EMPTY.apply(new MutationsDisabledChanged(false, true, null, T0));
        EffectiveSettings effective = state.effective(DEFAULTS);
        assertThat(effective.mutationsDisabled().value()).isTrue();
        assertThat(effective.mutationsDisabled().source()).isEqualTo("persisted");
        assertThat(effective.ciPublishers().value()).containsExactly(BOOTSTRAP);
        assertThat(effective.ciPublishers().source()).isEqualTo("runtime");
    }
}
