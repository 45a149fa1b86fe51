package dev.dxcp.command.configuration;

import dev.dxcp.events.configuration.ConfigurationQueries.GuardrailsPreview;
import dev.dxcp.events.configuration.ConfigurationQueries.GuardrailsPreview.Message;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.configuration.RecipeSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.dxcp.command.configuration.ConfigurationFixtures.fold;
import static dev.dxcp.command.configuration.ConfigurationFixtures.group;
import static dev.dxcp.command.configuration.ConfigurationFixtures.recipe;
import static dev.dxcp.command.configuration.ConfigurationFixtures.registry;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seeded;
import static org.assertj.core.api.Assertions.assertThat;

/** api-contract §11 guardrails preview: the save rules as messages, plus warnings about defaults. */
class GuardrailsPreviewsTest {
    private static final DeliveryConfigurationState STATE = fold(seeded());

    @Test
    void aCompleteValidGroupIsOk() {
        GuardrailsPreview result = GuardrailsPreviews.ofDeliveryGroup(group("team").services("svc-d")
                        .guardrails(new Guardrails(1, 5, 2)).spec(),
                Set.of("id", "name", "services", "allowed_recipes", "guardrails"), STATE, registry());
        assertThat(result.validationStatus()).isEqualTo("OK");
        assertThat(result.messages()).isEmpty();
    }

    @Test
    void unsetGuardrailsAndEmptyListsAreWarnings() {
        GuardrailsPreview result = GuardrailsPreviews.ofDeliveryGroup(group(null).name(null).recipes(List.of())
                        .environments(List.of()).guardrails(new Guardrails(3, null, null)).spec(),
                Set.of("guardrails", "services", "allowed_recipes", "allowed_environments"), STATE, registry());
        assertThat(result.validationStatus()).isEqualTo("WARNING");
        assertThat(result.messages()).extracting(Message::field).containsExactly("daily_deploy_quota",
                "daily_rollback_quota", "services", "allowed_recipes", "allowed_environments");
        assertThat(result.messages()).extracting(Message::code).containsOnlyNulls();
    }

    @Test
    void brokenRulesAreErrorsOnlyForTheFieldsSent() {
        GuardrailsPreview result = GuardrailsPreviews.ofDeliveryGroup(group(null).name(null).services("svc-a", "svc-zz")
                        .guardrails(new Guardrails(0, 1, 1)).spec(),
                Set.of("services", "guardrails"), STATE, registry());
        assertThat(result.validationStatus()).isEqualTo("ERROR");
        assertThat(result.messages()).filteredOn(m -> m.type().equals("ERROR")).extracting(Message::field)
                .containsExactly("services", "services", "max_concurrent_deployments");
        // Each error names the code the save would answer, so a form can show it on the field.
        assertThat(result.messages()).filteredOn(m -> m.type().equals("ERROR")).extracting(Message::code)
                .containsExactly("SERVICE_ALREADY_ASSIGNED", "SERVICE_NOT_ALLOWLISTED", "INVALID_GUARDRAIL");
    }

    @Test
    void aRecipePreviewReportsTheSaveRulesAndWarnsAboutRollbackAndDeprecation() {
        assertThat(GuardrailsPreviews.ofRecipe(recipe("fast")).validationStatus()).isEqualTo("OK");
        GuardrailsPreview deprecated = GuardrailsPreviews.ofRecipe(new RecipeSpec("fast", "Fast", null, "app",
                "deploy", null,
                "deprecated", "x"));
        assertThat(deprecated.validationStatus()).isEqualTo("WARNING");
        assertThat(deprecated.messages()).extracting(Message::field).containsExactly("rollback_pipeline", "status");
        GuardrailsPreview broken = GuardrailsPreviews.ofRecipe(new RecipeSpec(null, null, null, null, "deploy", "rb",
                null, null));
        assertThat(broken.validationStatus()).isEqualTo("ERROR");
        assertThat(broken.messages()).extracting(Message::field).containsExactly("id", "name",
                "spinnaker_application", "effective_behavior_summary");
    }
}
