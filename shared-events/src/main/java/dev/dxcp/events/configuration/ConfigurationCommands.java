package dev.dxcp.events.configuration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

import static dev.dxcp.events.configuration.ConfigurationEvents.CONFIGURATION_ID;

/**
 * What admins (and first start) ask of the delivery configuration. Every command targets the one
 * {@code DeliveryConfiguration} aggregate; who asked travels in the metadata ({@code actor_id}).
 */
public final class ConfigurationCommands {
    private ConfigurationCommands() {
    }

    /** First start on an empty store (domain §14); a no-op once seeded. */
    public record SeedDeliveryConfiguration(@TargetAggregateIdentifier String configurationId, List<String> services,
                                            Instant at) {
        public SeedDeliveryConfiguration(List<String> services, Instant at) {
            this(CONFIGURATION_ID, services, at);
        }
    }

    public record CreateDeliveryGroup(@TargetAggregateIdentifier String configurationId, DeliveryGroupSpec spec,
                                      String changeReason, Instant at) {
        public CreateDeliveryGroup(DeliveryGroupSpec spec, String changeReason, Instant at) {
            this(CONFIGURATION_ID, spec, changeReason, at);
        }
    }

    /** {@code groupId} is the id in the path; the spec's id may be null (then it is the path id). */
    public record UpdateDeliveryGroup(@TargetAggregateIdentifier String configurationId, String groupId,
                                      DeliveryGroupSpec spec, String changeReason, Instant at) {
        public UpdateDeliveryGroup(String groupId, DeliveryGroupSpec spec, String changeReason, Instant at) {
            this(CONFIGURATION_ID, groupId, spec, changeReason, at);
        }
    }

    public record CreateRecipe(@TargetAggregateIdentifier String configurationId, RecipeSpec spec,
                               String changeReason, Instant at) {
        public CreateRecipe(RecipeSpec spec, String changeReason, Instant at) {
            this(CONFIGURATION_ID, spec, changeReason, at);
        }
    }

    public record UpdateRecipe(@TargetAggregateIdentifier String configurationId, String recipeId, RecipeSpec spec,
                               String changeReason, Instant at) {
        public UpdateRecipe(String recipeId, RecipeSpec spec, String changeReason, Instant at) {
            this(CONFIGURATION_ID, recipeId, spec, changeReason, at);
        }
    }

    public record DeleteRecipe(@TargetAggregateIdentifier String configurationId, String recipeId, Instant at) {
        public DeleteRecipe(String recipeId, Instant at) {
            this(CONFIGURATION_ID, recipeId, at);
        }
    }

    public record CreateEnvironment(@TargetAggregateIdentifier String configurationId, EnvironmentSpec spec,
                                    Instant at) {
        public CreateEnvironment(EnvironmentSpec spec, Instant at) {
            this(CONFIGURATION_ID, spec, at);
        }
    }

    /** {@code deployments}: the deployment records naming the environment (decides the type lock). */
    public record UpdateEnvironment(@TargetAggregateIdentifier String configurationId, String environmentId,
                                    EnvironmentSpec patch, DeploymentReferences deployments, Instant at) {
        public UpdateEnvironment(String environmentId, EnvironmentSpec patch, DeploymentReferences deployments,
                                 Instant at) {
            this(CONFIGURATION_ID, environmentId, patch, deployments, at);
        }
    }

    /** {@code deployments}: the deployment records naming the environment (they block deletion). */
    public record DeleteEnvironment(@TargetAggregateIdentifier String configurationId, String environmentId,
                                    DeploymentReferences deployments, Instant at) {
        public DeleteEnvironment(String environmentId, DeploymentReferences deployments, Instant at) {
            this(CONFIGURATION_ID, environmentId, deployments, at);
        }
    }

    /** Null {@code isEnabled}/{@code orderIndex}: the existing binding's value, else true / the group's row count. */
    public record SetEnvironmentBinding(@TargetAggregateIdentifier String configurationId, String groupId,
                                        String environmentId, Boolean isEnabled, Integer orderIndex, Instant at) {
        public SetEnvironmentBinding(String groupId, String environmentId, Boolean isEnabled, Integer orderIndex,
                                     Instant at) {
            this(CONFIGURATION_ID, groupId, environmentId, isEnabled, orderIndex, at);
        }
    }

    public record SetServiceRoute(@TargetAggregateIdentifier String configurationId, String service,
                                  String environmentId, String recipeId, Instant at) {
        public SetServiceRoute(String service, String environmentId, String recipeId, Instant at) {
            this(CONFIGURATION_ID, service, environmentId, recipeId, at);
        }
    }
}
