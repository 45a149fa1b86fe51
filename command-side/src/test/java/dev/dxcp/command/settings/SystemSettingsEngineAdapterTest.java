package dev.dxcp.command.settings;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.settings.EngineAdapterProposal;
import dev.dxcp.events.settings.EngineAdapterProposal.SecretChange;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.events.settings.SettingsMessages.ChangeEngineAdapter;
import dev.dxcp.events.settings.SettingsMessages.EngineAdapterChanged;
import dev.dxcp.events.settings.UiExposurePolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.dxcp.command.settings.EngineAdapterFixtures.header;
import static dev.dxcp.command.settings.EngineAdapterFixtures.http;
import static dev.dxcp.command.settings.EngineAdapterFixtures.tokenMinting;

/** The engine adapter setting of the SystemSettings aggregate: which secret survives a write, and what is refused. */
class SystemSettingsEngineAdapterTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String OLD_GATE = "https://gate-a.example.internal";
    private static final String NEW_GATE = "https://gate-b.example.internal";
    private static final EngineAdapterSettings STARTUP = header(OLD_GATE, "X-Gate-Key", "startup:header_value");

    private AggregateTestFixture<SystemSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SystemSettings.class);
        fixture.registerInjectableResource(new SettingsDefaults(RateLimits.DEFAULTS, List.of(),
                UiExposurePolicy.DEFAULTS, false, STARTUP));
    }

    @Test
    void firstWriteRecordsTheStartupSettingsAsOldAndKeepsTheSecretItLeftOut() {
        EngineAdapterSettings proposed = header(NEW_GATE, "X-Gate-Key", null);
        fixture.givenNoPriorActivity()
                .when(change(proposed, SecretChange.keep(), SecretChange.keep(), SecretChange.keep()))
                .expectEvents(new EngineAdapterChanged(STARTUP, header(NEW_GATE, "X-Gate-Key", "startup:header_value"),
                        T0));
    }

    @Test
    void aSecretSentReplacesTheStoredOne() {
        EngineAdapterSettings stored = header(OLD_GATE, "X-Gate-Key", "stored:first");
        fixture.given(new EngineAdapterChanged(STARTUP, stored, T0))
                .when(change(header(OLD_GATE, "X-Gate-Key", null), SecretChange.set("stored:second"),
                        SecretChange.keep(), SecretChange.keep()))
                .expectEvents(new EngineAdapterChanged(stored, header(OLD_GATE, "X-Gate-Key", "stored:second"), T0));
    }

    @Test
    void aKeptSecretTheNewSettingsNoLongerUseIsDropped() {
        EngineAdapterSettings minting = tokenMinting(NEW_GATE, "https://idp.example/token", "dxcp", null, 30);
        fixture.given(new EngineAdapterChanged(STARTUP, STARTUP, T0))
                .when(change(minting, SecretChange.keep(), SecretChange.set("stored:client"), SecretChange.keep()))
                .expectEvents(new EngineAdapterChanged(STARTUP,
                        tokenMinting(NEW_GATE, "https://idp.example/token", "dxcp", "stored:client", 30), T0));
    }

    @Test
    void anUnchangedWriteIsStillRecordedBecauseEveryWriteIsAudited() {
        EngineAdapterSettings stored = http(NEW_GATE);
        fixture.given(new EngineAdapterChanged(STARTUP, stored, T0))
                .when(change(http(NEW_GATE), SecretChange.keep(), SecretChange.keep(), SecretChange.keep()))
                .expectEvents(new EngineAdapterChanged(stored, stored, T0));
    }

    @Test
    void clearingASecretTheSettingsNeedIsRefusedNamingTheFieldAndChangesNothing() {
        fixture.given(new EngineAdapterChanged(STARTUP, header(OLD_GATE, "X-Gate-Key", "stored:first"), T0))
                .when(change(header(OLD_GATE, "X-Gate-Key", null), SecretChange.clear(), SecretChange.keep(),
                        SecretChange.keep()))
                .expectNoEvents()
                .expectException(invalidNaming("header_value"));
    }

    @Test
    void aStubWithAGateUrlIsRefused() {
        EngineAdapterSettings stubWithUrl = EngineAdapterFixtures.withMode(http(NEW_GATE),
                EngineAdapterSettings.Mode.STUB);
        fixture.givenNoPriorActivity()
                .when(change(stubWithUrl, SecretChange.keep(), SecretChange.keep(), SecretChange.keep()))
                .expectNoEvents()
                .expectException(invalidNaming("gate_url"));
    }

    private static ChangeEngineAdapter change(EngineAdapterSettings settings, SecretChange headerValue,
                                              SecretChange clientSecret, SecretChange keystorePassword) {
        return new ChangeEngineAdapter(new EngineAdapterProposal(settings, headerValue, clientSecret,
                keystorePassword), T0);
    }

    private static Matcher<Rejection> invalidNaming(String field) {
        return new CustomTypeSafeMatcher<>("INVALID_REQUEST naming " + field) {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                if (!"INVALID_REQUEST".equals(rejection.code()) || rejection.error().status() != 400) {
                    return false;
                }
                Object errors = rejection.details().get("errors");
                return errors instanceof List<?> list && list.stream()
                        .anyMatch(error -> error instanceof Map<?, ?> map && field.equals(map.get("field")));
            }
        };
    }
}
