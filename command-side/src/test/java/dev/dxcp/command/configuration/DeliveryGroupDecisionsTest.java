package dev.dxcp.command.configuration;

import dev.dxcp.events.configuration.ConfigurationCommands.CreateDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentBindingSet;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.DeliveryGroupSpec;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.Guardrails;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dxcp.command.RejectionMatchers.rejection;
import static dev.dxcp.command.configuration.ConfigurationFixtures.ADMIN;
import static dev.dxcp.command.configuration.ConfigurationFixtures.BY_ADMIN;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T1;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T2;
import static dev.dxcp.command.configuration.ConfigurationFixtures.group;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seeded;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seededAnd;

/** api-contract §8: creating and updating delivery groups, each rule and its place in the check order. */
class DeliveryGroupDecisionsTest {
    private AggregateTestFixture<DeliveryConfiguration> fixture;

    @BeforeEach
    void setUp() {
        fixture = ConfigurationFixtures.fixture();
    }

    private static DeliveryGroup stored(String id, List<String> services, String owner, Guardrails rails,
                                        List<String> environments, String reason) {
        return new DeliveryGroup(id, "Team " + id, null, owner, services, environments, List.of("default"), rails, T1,
                ADMIN, T1, ADMIN, reason);
    }

    @Test
    void aGroupIsCreatedWithItsOwnerNormalizedAndTheActorAsCreatorAndUpdater() {
        DeliveryGroupSpec spec = group("team-a").services("svc-d").owner(" Alice@Example.com ,bob@example.org, ,")
                .guardrails(new Guardrails(2, null, 5)).spec();
        fixture.given(seeded())
                .when(new CreateDeliveryGroup(spec, "  first cut  ", T1), BY_ADMIN)
                .expectEvents(new DeliveryGroupCreated(stored("team-a", List.of("svc-d"),
                        "alice@example.com, bob@example.org", new Guardrails(2, null, 5), null, "first cut")));
    }

    @Test
    void theIdIsRequired() {
        fixture.given(seeded())
                .when(new CreateDeliveryGroup(group(" ").spec(), null, T1), BY_ADMIN)
                .expectException(rejection("MISSING_ID", 400));
    }

    @Test
    void anExistingIdIsRefusedBeforeTheBodyIsJudged() {
        fixture.given(seeded())
                .when(new CreateDeliveryGroup(group("default").name(null).services((List<String>) null).spec(), null,
                        T1), BY_ADMIN)
                .expectNoEvents()
                .expectException(rejection("DELIVERY_GROUP_EXISTS", 409));
    }

    @Test
    void theNameIsRequired() {
        expectRefused(group("team-a").name("  ").spec(), "MISSING_NAME", 400);
    }

    @Test
    void servicesMustBeAList() {
        expectRefused(group("team-a").services((List<String>) null).spec(), "INVALID_SERVICES", 400);
        expectRefused(group("team-a").malformed(DeliveryGroupSpec.SERVICES).spec(), "INVALID_SERVICES", 400);
    }

    @Test
    void allowedEnvironmentsMustBeUniqueNonBlankEnvironmentIds() {
        for (List<String> environments : List.of(List.of("dev", " dev "), List.of("dev", " "),
                List.of("Not An Id"))) {
            expectRefused(group("team-a").environments(environments).spec(), "INVALID_ENVIRONMENTS", 400);
        }
        expectRefused(group("team-a").malformed(DeliveryGroupSpec.ALLOWED_ENVIRONMENTS).spec(),
                "INVALID_ENVIRONMENTS", 400);
    }

    @Test
    void allowedRecipesMustBeAList() {
        expectRefused(group("team-a").recipes(null).spec(), "INVALID_RECIPES", 400);
    }

    @Test
    void aServiceOutsideTheRegistryIsNotAllowlisted() {
        expectRefused(group("team-a").services("svc-unknown").spec(), "SERVICE_NOT_ALLOWLISTED", 400);
    }

    @Test
    void aServiceOfAnotherGroupIsAlreadyAssigned() {
        expectRefused(group("team-a").services("svc-a").spec(), "SERVICE_ALREADY_ASSIGNED", 409);
    }

    @Test
    void anUnknownRecipeIsNotFound() {
        expectRefused(group("team-a").recipes(List.of("default", "nope")).spec(), "RECIPE_NOT_FOUND", 400);
    }

    @Test
    void guardrailsMustBePositiveIntegers() {
        expectRefused(group("team-a").guardrails(new Guardrails(0, null, null)).spec(), "INVALID_GUARDRAIL", 400);
        expectRefused(group("team-a").guardrails(new Guardrails(null, -3, null)).spec(), "INVALID_GUARDRAIL", 400);
        expectRefused(group("team-a").malformed("guardrails.daily_deploy_quota").spec(), "INVALID_GUARDRAIL", 400);
    }

    @Test
    void everyOwnerEntryMustBeAnEmailAddress() {
        for (String owner : List.of("alice", "alice@example", "a@b.com, team-lead", "@example.com")) {
            expectRefused(group("team-a").owner(owner).spec(), "INVALID_OWNER", 400);
        }
    }

    @Test
    void theFirstFailingCheckAnswersInContractOrder() {
        DeliveryGroupSpec everythingWrong = group("team-a").services("svc-unknown").recipes(List.of("nope"))
                .guardrails(new Guardrails(0, 0, 0)).owner("not-an-email").spec();
        expectRefused(everythingWrong, "SERVICE_NOT_ALLOWLISTED", 400);
        expectRefused(group("team-a").services("svc-a").recipes(List.of("nope")).owner("x").spec(),
                "SERVICE_ALREADY_ASSIGNED", 409);
        expectRefused(group("team-a").recipes(List.of("nope")).guardrails(new Guardrails(0, 1, 1)).spec(),
                "RECIPE_NOT_FOUND", 400);
        expectRefused(group("team-a").guardrails(new Guardrails(0, 1, 1)).owner("x").spec(), "INVALID_GUARDRAIL", 400);
        expectRefused(group("team-a").name(null).services((List<String>) null).spec(), "MISSING_NAME", 400);
    }

    @Test
    void namingEnvironmentsCreatesTheMissingOnesAndBindsThemInListOrder() {
        DeliveryGroupSpec spec = group("team-a").environments(List.of("sandbox", " staging ", "prod")).spec();
        fixture.given(seeded())
                .when(new CreateDeliveryGroup(spec, null, T1), BY_ADMIN)
                .expectEvents(
                        new DeliveryGroupCreated(stored("team-a", List.of(), null, null,
                                List.of("sandbox", "staging", "prod"), null)),
                        new EnvironmentBindingSet(null, new EnvironmentBinding("team-a", "sandbox", true, 1), T1),
                        new EnvironmentCreated(new Environment("staging", "staging", "non_prod", "active", null, T1, T1)),
                        new EnvironmentBindingSet(null, new EnvironmentBinding("team-a", "staging", true, 2), T1),
                        new EnvironmentCreated(new Environment("prod", "prod", "prod", "active", null, T1, T1)),
                        new EnvironmentBindingSet(null, new EnvironmentBinding("team-a", "prod", true, 3), T1));
    }

    @Test
    void anUpdateWithAnotherIdInTheBodyIsAMismatch() {
        fixture.given(seeded())
                .when(new UpdateDeliveryGroup("default", group("other").spec(), null, T1), BY_ADMIN)
                .expectException(rejection("ID_MISMATCH", 400));
    }

    @Test
    void updatingAnUnknownGroupIsNotFound() {
        fixture.given(seeded())
                .when(new UpdateDeliveryGroup("nope", group(null).spec(), null, T1), BY_ADMIN)
                .expectException(rejection("NOT_FOUND", 404))
                .expectExceptionMessage("Delivery group not found");
    }

    @Test
    void anUpdateKeepsStoredEnvironmentsWhenOmittedAndItsOwnServicesAreNotAssignedElsewhere() {
        DeliveryGroup before = stored("team-a", List.of("svc-d"), null, null, List.of("sandbox"), "created");
        DeliveryGroupSpec spec = group("team-a").services("svc-d").owner("carol@example.com").spec();
        DeliveryGroup after = new DeliveryGroup("team-a", "Team team-a", null, "carol@example.com", List.of("svc-d"),
                List.of("sandbox"), List.of("default"), null, T1, ADMIN, T2, "bob", "created");
        fixture.given(seededAnd(new DeliveryGroupCreated(before)))
                .when(new UpdateDeliveryGroup("team-a", spec, "   ", T2), java.util.Map.of("actor_id", "bob"))
                .expectEvents(new DeliveryGroupUpdated(before, after));
    }

    @Test
    void aNonBlankChangeReasonReplacesTheLastOneTrimmed() {
        DeliveryGroup before = stored("team-a", List.of(), null, null, null, "created");
        DeliveryGroup after = new DeliveryGroup("team-a", "Team team-a", null, null, List.of(), null,
                List.of("default"), null, T1, ADMIN, T2, ADMIN, "quota raised");
        fixture.given(seededAnd(new DeliveryGroupCreated(before)))
                .when(new UpdateDeliveryGroup("team-a", group(null).name("Team team-a").spec(), " quota raised ", T2), BY_ADMIN)
                .expectEvents(new DeliveryGroupUpdated(before, after));
    }

    @Test
    void movingAServiceOutOfDefaultThenIntoAnotherGroupSucceeds() {
        DeliveryGroup defaultGroup = ConfigurationFixtures.fold(seeded()).group("default").orElseThrow();
        fixture.given(seededAnd(new DeliveryGroupUpdated(defaultGroup, new DeliveryGroup("default",
                        defaultGroup.name(), null, null, List.of("svc-b", "svc-c"), null, defaultGroup.allowedRecipes(),
                        null, defaultGroup.createdAt(), "system", T1, ADMIN, null))))
                .when(new CreateDeliveryGroup(group("team-a").services("svc-a").spec(), null, T2), BY_ADMIN)
                .expectEvents(new DeliveryGroupCreated(new DeliveryGroup("team-a", "Team team-a", null, null,
                        List.of("svc-a"), null, List.of("default"), null, T2, ADMIN, T2, ADMIN, null)));
    }

    private void expectRefused(DeliveryGroupSpec spec, String code, int status) {
        ConfigurationFixtures.fixture().given(seeded())
                .when(new CreateDeliveryGroup(spec, null, T1), BY_ADMIN)
                .expectNoEvents()
                .expectException(rejection(code, status));
    }
}
