package dev.dxcp.command.governance;

import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationEvents;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryConfigurationSeeded;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.governance.FreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.ChangeGovernanceSeeded;
import dev.dxcp.events.governance.GovernanceMessages.DeclareFreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowDeclared;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowRemoved;
import dev.dxcp.events.governance.GovernanceMessages.OwnerScopedChangesSet;
import dev.dxcp.events.governance.GovernanceMessages.RemoveFreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.SeedChangeGovernance;
import dev.dxcp.events.governance.GovernanceMessages.SetOwnerScopedChanges;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The change governance aggregate's decisions, given-when-then (docs/GOVERNANCE.md). */
class ChangeGovernanceTest {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Map<String, Object> BY_ADMIN = Map.of("actor_id", "admin@example.com");

    private final EmbeddedEventStore configurationStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private AggregateTestFixture<ChangeGovernance> fixture;
    private long configurationSequence;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChangeGovernance.class);
        fixture.registerInjectableResource(new DeliveryConfigurationView(configurationStore));
        givenConfiguration(new EnvironmentCreated(new Environment("prod", "prod", "prod", Environment.ACTIVE, null, T0,
                T0)), new DeliveryGroupCreated(new DeliveryGroup("payments", "Payments", null, "a@example.com",
                List.of("svc"), null, List.of("default"), null, T0, "admin", T0, "admin", null)));
    }

    @Test
    void aNewInstallation_whoseConfigurationWasNeverSeeded_startsWithOwnerScopedChangesOn() {
        fixture.givenNoPriorActivity()
                .when(new SeedChangeGovernance(T0))
                .expectEvents(new OwnerScopedChangesSet(null, true, ChangeGovernance.NEW_INSTALLATION_REASON, T0),
                        new ChangeGovernanceSeeded(true, T0));
    }

    @Test
    void anExistingInstallation_keepsChangesUnscoped_untilAnAdminTurnsScopingOn() {
        givenConfiguration(new DeliveryConfigurationSeeded(T0));

        fixture.givenNoPriorActivity()
                .when(new SeedChangeGovernance(T0))
                .expectEvents(new ChangeGovernanceSeeded(false, T0));
    }

    @Test
    void seedingTwice_changesNothing_soAnAdminsChoiceSurvivesRestarts() {
        fixture.given(new OwnerScopedChangesSet(null, true, "default", T0), new ChangeGovernanceSeeded(true, T0),
                        new OwnerScopedChangesSet(true, false, "pilot", T0))
                .when(new SeedChangeGovernance(T0.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void everySettingWriteIsRecordedWithTheValueBefore_evenWhenUnchanged() {
        fixture.given(new OwnerScopedChangesSet(null, true, "default", T0))
                .when(new SetOwnerScopedChanges(true, "confirm", T0.plusSeconds(1)))
                .expectEvents(new OwnerScopedChangesSet(true, true, "confirm", T0.plusSeconds(1)));
    }

    @Test
    void aDeclaredWindowRecordsWhoDeclaredItAndWhen() {
        FreezeWindow proposed = oneOff("q4", "payments", "prod");
        fixture.givenNoPriorActivity()
                .when(new DeclareFreezeWindow(proposed, T0), BY_ADMIN)
                .expectEvents(new FreezeWindowDeclared(new FreezeWindow("q4", "payments", "prod", "quarter end",
                        proposed.startsAt(), proposed.endsAt(), null, true, T0, "admin@example.com")));
    }

    @Test
    void aSecondWindowWithTheSameId_isRefusedWithFreezeWindowExists() {
        fixture.given(new FreezeWindowDeclared(oneOff("q4", null, null)))
                .when(new DeclareFreezeWindow(oneOff("q4", null, "prod"), T0), BY_ADMIN)
                .expectException(Rejection.class)
                .expectExceptionMessage("Freeze window q4 already exists")
                .expectNoEvents();
    }

    @Test
    void aRecurringWindowWithABadCronOrZone_isRefusedNamingTheField() {
        FreezeWindow badCron = recurring("weekend", "0 18 * * FRIDAY", "Europe/Berlin");
        fixture.givenNoPriorActivity()
                .when(new DeclareFreezeWindow(badCron, T0), BY_ADMIN)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("schedule.cron: cron day of week"))
                .expectNoEvents();
        FreezeWindow badZone = recurring("weekend", "0 18 * * FRI", "Mars/Olympus");
        fixture.givenNoPriorActivity()
                .when(new DeclareFreezeWindow(badZone, T0), BY_ADMIN)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("schedule.time_zone"))
                .expectNoEvents();
    }

    @Test
    void aWindowNamingAnUnknownGroupOrBothKinds_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new DeclareFreezeWindow(oneOff("x", "no-such-group", null), T0), BY_ADMIN)
                .expectExceptionMessage("delivery_group_id no-such-group is not a delivery group");
        FreezeWindow both = new FreezeWindow("x", null, null, "r", T0, T0.plusSeconds(60),
                new FreezeWindow.Schedule("0 0 * * *", 60, "UTC"), true, null, null);
        fixture.givenNoPriorActivity()
                .when(new DeclareFreezeWindow(both, T0), BY_ADMIN)
                .expectExceptionMessage("give either starts_at and ends_at, or schedule");
    }

    @Test
    void removingAWindowRecordsIt_andAnUnknownOneIsNotFound() {
        FreezeWindow window = oneOff("q4", null, null);
        fixture.given(new FreezeWindowDeclared(window))
                .when(new RemoveFreezeWindow("q4", T0))
                .expectEvents(new FreezeWindowRemoved(window, T0));
        fixture.givenNoPriorActivity()
                .when(new RemoveFreezeWindow("q4", T0))
                .expectException(Rejection.class)
                .expectExceptionMessage("Freeze window not found");
    }

    @Test
    void theFoldKeepsWindowsAndTheSetting() {
        GovernanceState state = GovernanceState.EMPTY
                .apply(new OwnerScopedChangesSet(null, true, null, T0))
                .apply(new FreezeWindowDeclared(oneOff("a", null, null)))
                .apply(new FreezeWindowDeclared(oneOff("b", null, null)))
                .apply(new FreezeWindowRemoved(oneOff("a", null, null), T0));
        assertThat(state.ownerScoped()).isTrue();
        assertThat(state.freezeWindows()).extracting(FreezeWindow::id).containsExactly("b");
        assertThat(GovernanceState.EMPTY.ownerScoped()).as("never set reads as off").isFalse();
        assertThat(ErrorCode.FREEZE_WINDOW_EXISTS.status()).isEqualTo(409);
    }

    static FreezeWindow oneOff(String id, String group, String environment) {
        return new FreezeWindow(id, group, environment, "quarter end", T0, T0.plusSeconds(3600), null, true, null,
                null);
    }

    static FreezeWindow recurring(String id, String cron, String zone) {
        return new FreezeWindow(id, null, null, "weekend", null, null, new FreezeWindow.Schedule(cron, 3840, zone),
                true, null, null);
    }

    private void givenConfiguration(Object... events) {
        for (Object event : events) {
            configurationStore.publish(new GenericDomainEventMessage<>("DeliveryConfiguration",
                    ConfigurationEvents.CONFIGURATION_ID, configurationSequence++, event));
        }
    }
}
