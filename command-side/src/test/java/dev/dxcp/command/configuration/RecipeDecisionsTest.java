package dev.dxcp.command.configuration;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationCommands.CreateRecipe;
import dev.dxcp.events.configuration.ConfigurationCommands.DeleteRecipe;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateRecipe;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeDeleted;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.ServiceRouteSet;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.RecipeSpec;
import dev.dxcp.events.configuration.ServiceRoute;
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
import static dev.dxcp.command.configuration.ConfigurationFixtures.T0;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T1;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T2;
import static dev.dxcp.command.configuration.ConfigurationFixtures.recipe;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seeded;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seededAnd;

/** api-contract §9: recipe create, update and delete. */
class RecipeDecisionsTest {
    private AggregateTestFixture<DeliveryConfiguration> fixture;

    @BeforeEach
    void setUp() {
        fixture = ConfigurationFixtures.fixture();
    }

    private static Recipe stored(String id, int revision, String status, String reason) {
        return new Recipe(id, "Recipe " + id, "A test recipe", "dxcp-demo", "deploy-" + id, "rollback-" + id,
                revision, "Deploys " + id, status, T1, ADMIN, revision == 1 ? T1 : T2, ADMIN, reason);
    }

    @Test
    void aNewRecipeHasRevisionOneAndIsActiveByDefault() {
        fixture.given(seeded())
                .when(new CreateRecipe(recipe("fast"), "why not", T1), BY_ADMIN)
                .expectEvents(new RecipeCreated(stored("fast", 1, "active", "why not")));
    }

    @Test
    void validationFailsInContractOrder() {
        RecipeSpec valid = recipe("fast");
        expectCreateRefused(new RecipeSpec(null, null, null, null, null, null, "bogus", " "), "RECIPE_ID_REQUIRED");
        expectCreateRefused(new RecipeSpec("fast", " ", null, null, null, null, "bogus", null), "RECIPE_NAME_REQUIRED");
        expectCreateRefused(new RecipeSpec("fast", "Fast", null, "app", null, "rb", "bogus", null),
                "RECIPE_DEPLOY_PIPELINE_REQUIRED");
        expectCreateRefused(new RecipeSpec("fast", "Fast", null, null, "deploy", null, "bogus", null),
                "MISSING_ENGINE_APP");
        expectCreateRefused(new RecipeSpec("fast", "Fast", null, "app", "deploy", null, "bogus", null),
                "INVALID_STATUS");
        expectCreateRefused(new RecipeSpec("fast", "Fast", null, "app", "deploy", null, "deprecated", "  "),
                "RECIPE_BEHAVIOR_REQUIRED");
        expectCreateRefused(new RecipeSpec("fast", "Fast", null, "app", "deploy", null, null, "x".repeat(241)),
                "INVALID_REQUEST");
        fixture.given(seeded())
                .when(new CreateRecipe(valid, null, T1), BY_ADMIN)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRecipeWhoseApplicationHasNoDeployPipelineIsRefused() {
        // The reference requires a deploy pipeline first, so that check answers before MISSING_ENGINE_PIPELINE.
        expectCreateRefused(new RecipeSpec("fast", "Fast", null, "app", null, null, null, "x"),
                "RECIPE_DEPLOY_PIPELINE_REQUIRED");
    }

    @Test
    void anExistingIdIsRefusedOnlyAfterTheBodyIsValid() {
        expectCreateRefused(new RecipeSpec("default", "Again", null, null, null, null, null, "x"),
                "RECIPE_DEPLOY_PIPELINE_REQUIRED");
        fixture.given(seeded())
                .when(new CreateRecipe(recipe("default"), null, T1), BY_ADMIN)
                .expectException(rejection("RECIPE_EXISTS", 409));
    }

    @Test
    void anUpdateBumpsTheRevisionAndKeepsTheCreator() {
        fixture.given(seededAnd(new RecipeCreated(stored("fast", 1, "active", "first"))))
                .when(new UpdateRecipe("fast", new RecipeSpec("fast", "Recipe fast", "A test recipe", "dxcp-demo",
                        "deploy-fast", "rollback-fast", "deprecated", "Deploys fast"), null, T2), BY_ADMIN)
                .expectEvents(new RecipeUpdated(stored("fast", 1, "active", "first"),
                        stored("fast", 2, "deprecated", "first")));
    }

    @Test
    void anUpdateChecksTheBodyThenTheIdThenExistence() {
        fixture.given(seeded())
                .when(new UpdateRecipe("default", recipe("other"), null, T1), BY_ADMIN)
                .expectException(rejection("ID_MISMATCH", 400));
        ConfigurationFixtures.fixture().given(seeded())
                .when(new UpdateRecipe("nope", new RecipeSpec("nope", null, null, null, null, null, null, null), null,
                        T1), BY_ADMIN)
                .expectException(rejection("RECIPE_NAME_REQUIRED", 400));
        ConfigurationFixtures.fixture().given(seeded())
                .when(new UpdateRecipe("nope", recipe("nope"), null, T1), BY_ADMIN)
                .expectException(rejection("NOT_FOUND", 404))
                .expectExceptionMessage("Recipe not found");
    }

    @Test
    void deletingAnUnknownRecipeIsNotFound() {
        fixture.given(seeded())
                .when(new DeleteRecipe("nope", T1), BY_ADMIN)
                .expectException(rejection("NOT_FOUND", 404));
    }

    @Test
    void aRoutedRecipeIsInUseWithRoutesReportedFirst() {
        // Seeding routes svc-a..c to "default" and the default group allows it: routes win.
        fixture.given(seeded())
                .when(new DeleteRecipe("default", T1), BY_ADMIN)
                .expectNoEvents()
                .expectException(inUse("service_environment_routing", 3,
                        List.of(Map.of("service_id", "svc-a", "environment_id", "sandbox"),
                                Map.of("service_id", "svc-b", "environment_id", "sandbox"),
                                Map.of("service_id", "svc-c", "environment_id", "sandbox"))));
    }

    @Test
    void aRecipeAllowedByAGroupIsInUse() {
        fixture.given(seeded())
                .when(new DeleteRecipe("canary", T1), BY_ADMIN)
                .expectException(inUse("delivery_group_allowed_recipes", 1,
                        List.of(Map.of("delivery_group_id", "default"))));
    }

    @Test
    void atMostFiveReferencesAreListedWithTheTotalCount() {
        List<Object> routes = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            routes.add(new ServiceRouteSet(null, new ServiceRoute("svc-" + i, "sandbox", "fast"), T1));
        }
        List<Object> given = seededAnd(new RecipeCreated(stored("fast", 1, "active", null)));
        given.addAll(routes);
        fixture.given(given)
                .when(new DeleteRecipe("fast", T2), BY_ADMIN)
                .expectException(new TypeSafeMatcher<Rejection>() {
                    @Override
                    protected boolean matchesSafely(Rejection item) {
                        return item.details().get("reference_count").equals(7)
                                && ((List<?>) item.details().get("references")).size() == 5;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("7 references, 5 listed");
                    }
                });
    }

    @Test
    void anUnusedRecipeIsDeleted() {
        Recipe fast = stored("fast", 1, "active", null);
        DeliveryGroup unrelated = new DeliveryGroup("team", "Team", null, null, List.of(), null, List.of("default"),
                null, T0, ADMIN, T0, ADMIN, null);
        fixture.given(seededAnd(new RecipeCreated(fast), new DeliveryGroupCreated(unrelated)))
                .when(new DeleteRecipe("fast", T2), BY_ADMIN)
                .expectEvents(new RecipeDeleted(fast, T2));
    }

    private void expectCreateRefused(RecipeSpec spec, String code) {
        ConfigurationFixtures.fixture().given(seeded())
                .when(new CreateRecipe(spec, null, T1), BY_ADMIN)
                .expectNoEvents()
                .expectException(rejection(code, 400));
    }

    private static TypeSafeMatcher<Rejection> inUse(String type, int count, List<Map<String, Object>> references) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection item) {
                Map<String, Object> details = item.details();
                return item.code().equals("RECIPE_IN_USE") && item.error().status() == 409
                        && type.equals(details.get("reference_type")) && details.get("reference_count").equals(count)
                        && references.equals(details.get("references"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RECIPE_IN_USE via " + type + " " + references);
            }
        };
    }
}
