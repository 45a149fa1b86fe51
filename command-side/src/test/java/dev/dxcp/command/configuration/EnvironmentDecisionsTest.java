package dev.dxcp.command.configuration;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationCommands.CreateEnvironment;
import dev.dxcp.events.configuration.ConfigurationCommands.DeleteEnvironment;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateEnvironment;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentDeleted;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentUpdated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.DeploymentReferences;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentSpec;
import dev.dxcp.events.configuration.Guardrails;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.dxcp.command.RejectionMatchers.rejection;
import static dev.dxcp.command.configuration.ConfigurationFixtures.ADMIN;
import static dev.dxcp.command.configuration.ConfigurationFixtures.BY_ADMIN;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T1;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T2;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seeded;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seededAnd;

/** api-contract §10: environment create, patch (type lock) and delete (blocked while referenced). */
class EnvironmentDecisionsTest {
    private static final Environment STAGING = new Environment("staging", "Staging", "non_prod", "active", null, T1, T1);

    private AggregateTestFixture<DeliveryConfiguration> fixture;

    @BeforeEach
    void setUp() {
        fixture = ConfigurationFixtures.fixture();
    }

    private static EnvironmentSpec create(String id, String type) {
        return new EnvironmentSpec(id, null, type, null, null, null, false);
    }

    private static EnvironmentSpec patch(String type, String lifecycle, Boolean enabled) {
        return new EnvironmentSpec(null, null, type, lifecycle, enabled, null, false);
    }

    @Test
    void anEnvironmentIsCreatedActiveWithItsIdAsDefaultDisplayName() {
        fixture.given(seeded())
                .when(new CreateEnvironment(create("staging", "non_prod"), T1), BY_ADMIN)
                .expectEvents(new EnvironmentCreated(new Environment("staging", "staging", "non_prod", "active", null,
                        T1, T1)));
    }

    @Test
    void isEnabledFalseCreatesItDisabledAndLifecycleStateWins() {
        fixture.given(seeded())
                .when(new CreateEnvironment(new EnvironmentSpec("qa", "QA", "non_prod", null, false,
                        new Guardrails(3, null, null), false), T1), BY_ADMIN)
                .expectEvents(new EnvironmentCreated(new Environment("qa", "QA", "non_prod", "disabled",
                        new Guardrails(3, null, null), T1, T1)));
        ConfigurationFixtures.fixture().given(seeded())
                .when(new CreateEnvironment(new EnvironmentSpec("qa", null, "prod", " Retired ", true, null, false),
                        T1), BY_ADMIN)
                .expectEvents(new EnvironmentCreated(new Environment("qa", "qa", "prod", "retired", null, T1, T1)));
    }

    @Test
    void createChecksIdTypeLifecycleThenExistence() {
        expectCreateRefused(create("Bad_Id", "nope"), "INVALID_ENVIRONMENT_ID", 400);
        expectCreateRefused(create(null, "prod"), "INVALID_ENVIRONMENT_ID", 400);
        expectCreateRefused(create("qa", null), "INVALID_ENVIRONMENT_TYPE", 400);
        expectCreateRefused(create("qa", "staging"), "INVALID_ENVIRONMENT_TYPE", 400);
        expectCreateRefused(new EnvironmentSpec("qa", null, "prod", "paused", null, null, false),
                "INVALID_ENVIRONMENT_LIFECYCLE_STATE", 400);
        expectCreateRefused(new EnvironmentSpec("qa", null, "prod", null, null, new Guardrails(0, null, null), false),
                "INVALID_GUARDRAIL", 400);
        expectCreateRefused(create("sandbox", "non_prod"), "ENVIRONMENT_EXISTS", 409);
    }

    @Test
    void patchingAnUnknownEnvironmentIsNotFound() {
        fixture.given(seeded())
                .when(new UpdateEnvironment("nope", patch(null, null, true), DeploymentReferences.NONE, T1), BY_ADMIN)
                .expectException(rejection("NOT_FOUND", 404))
                .expectExceptionMessage("Environment not found");
    }

    @Test
    void theTypeOfAnUnreferencedEnvironmentMayChange() {
        fixture.given(seededAnd(new EnvironmentCreated(STAGING)))
                .when(new UpdateEnvironment("staging", patch("prod", null, null), DeploymentReferences.NONE, T2),
                        BY_ADMIN)
                .expectEvents(new EnvironmentUpdated(STAGING,
                        new Environment("staging", "Staging", "prod", "active", null, T1, T2)));
    }

    @Test
    void theTypeOfAnEnvironmentBoundToAGroupIsLocked() {
        fixture.given(seeded())
                .when(new UpdateEnvironment("sandbox", patch("prod", null, null), DeploymentReferences.NONE, T1),
                        BY_ADMIN)
                .expectNoEvents()
                .expectException(rejection("ENVIRONMENT_TYPE_LOCKED", 409));
    }

    @Test
    void theTypeOfAnEnvironmentWithDeploymentsIsLockedButTheSameTypeMayBeSent() {
        DeploymentReferences history = new DeploymentReferences(2, List.of("d-1", "d-2"));
        fixture.given(seededAnd(new EnvironmentCreated(STAGING)))
                .when(new UpdateEnvironment("staging", patch("prod", null, null), history, T2), BY_ADMIN)
                .expectException(rejection("ENVIRONMENT_TYPE_LOCKED", 409));
        ConfigurationFixtures.fixture().given(seededAnd(new EnvironmentCreated(STAGING)))
                .when(new UpdateEnvironment("staging", patch("non_prod", null, null), history, T2), BY_ADMIN)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void isEnabledMapsToTheLifecycleAndARetiredEnvironmentStaysRetired() {
        Environment retired = new Environment("old", "Old", "non_prod", "retired", null, T1, T1);
        fixture.given(seededAnd(new EnvironmentCreated(retired)))
                .when(new UpdateEnvironment("old", patch(null, null, false), DeploymentReferences.NONE, T2), BY_ADMIN)
                .expectEvents(new EnvironmentUpdated(retired, new Environment("old", "Old", "non_prod", "retired", null,
                        T1, T2)));
        ConfigurationFixtures.fixture().given(seededAnd(new EnvironmentCreated(retired)))
                .when(new UpdateEnvironment("old", patch(null, null, true), DeploymentReferences.NONE, T2), BY_ADMIN)
                .expectEvents(new EnvironmentUpdated(retired, new Environment("old", "Old", "non_prod", "active", null,
                        T1, T2)));
        ConfigurationFixtures.fixture().given(seededAnd(new EnvironmentCreated(STAGING)))
                .when(new UpdateEnvironment("staging", patch(null, null, false), DeploymentReferences.NONE, T2),
                        BY_ADMIN)
                .expectEvents(new EnvironmentUpdated(STAGING, new Environment("staging", "Staging", "non_prod",
                        "disabled", null, T1, T2)));
    }

    @Test
    void aPatchWithAnInvalidLifecycleIsRefused() {
        fixture.given(seeded())
                .when(new UpdateEnvironment("sandbox", patch(null, "gone", null), DeploymentReferences.NONE, T1),
                        BY_ADMIN)
                .expectException(rejection("INVALID_ENVIRONMENT_LIFECYCLE_STATE", 400));
    }

    @Test
    void anUnreferencedEnvironmentIsDeleted() {
        fixture.given(seededAnd(new EnvironmentCreated(STAGING)))
                .when(new DeleteEnvironment("staging", DeploymentReferences.NONE, T2), BY_ADMIN)
                .expectEvents(new EnvironmentDeleted(STAGING, T2));
    }

    @Test
    void deletingAnUnknownEnvironmentIsNotFound() {
        fixture.given(seeded())
                .when(new DeleteEnvironment("nope", DeploymentReferences.NONE, T1), BY_ADMIN)
                .expectException(rejection("NOT_FOUND", 404));
    }

    @Test
    void deletingAReferencedEnvironmentIsBlockedNamingEveryKindOfReference() {
        DeliveryGroup listing = new DeliveryGroup("team", "Team", null, null, List.of(), List.of("sandbox"),
                List.of(), null, T1, ADMIN, T1, ADMIN, null);
        DeploymentReferences history = new DeploymentReferences(9, List.of("d1", "d2", "d3", "d4", "d5"));
        fixture.given(seededAnd(new DeliveryGroupCreated(listing)))
                .when(new DeleteEnvironment("sandbox", history, T2), BY_ADMIN)
                .expectNoEvents()
                .expectException(new TypeSafeMatcher<Rejection>() {
                    @Override
                    protected boolean matchesSafely(Rejection item) {
                        Map<String, Object> details = item.details();
                        return item.code().equals("ENVIRONMENT_DELETE_BLOCKED_REFERENCED")
                                && item.error().status() == 409
                                && details.get("environment_id").equals("sandbox")
                                && details.get("retire_instead").equals(true)
                                && withoutMessages(details.get("references")).equals(List.of(
                                reference("deployments", 9L, List.of("d1", "d2", "d3", "d4", "d5")),
                                reference("service_environment_routing", 3L, List.of("svc-a", "svc-b", "svc-c")),
                                reference("delivery_group_environment_policy", 1L, List.of("default")),
                                reference("delivery_group_allowed_environments", 1L, List.of("team"))));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("delete blocked by deployments, routes, bindings and group lists");
                    }
                });
    }

    private static Map<String, Object> reference(String type, long count, List<String> examples) {
        return Map.of("reference_type", type, "count", count, "examples", examples);
    }

    /** Each row must explain itself; the wording is not part of the contract, so it is dropped after that check. */
    private static List<Map<String, Object>> withoutMessages(Object rows) {
        return ((List<?>) rows).stream().map(row -> {
            Map<String, Object> copy = new java.util.HashMap<>();
            ((Map<?, ?>) row).forEach((key, value) -> copy.put((String) key, value));
            Object message = copy.remove("message");
            return message instanceof String text && !text.isBlank() ? copy : Map.<String, Object>of();
        }).toList();
    }

    private void expectCreateRefused(EnvironmentSpec spec, String code, int status) {
        ConfigurationFixtures.fixture().given(seeded())
                .when(new CreateEnvironment(spec, T1), BY_ADMIN)
                .expectNoEvents()
                .expectException(rejection(code, status));
    }
}
