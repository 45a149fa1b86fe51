package dev.dxcp.command.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.deployment.EngineTarget;

/** The engine pipeline a recipe maps a deploy or a rollback to; null when the mapping is incomplete. */
final class EngineTargets {
    private EngineTargets() {
    }

    static EngineTarget deploy(Recipe recipe) {
        return of(recipe.spinnakerApplication(), recipe.deployPipeline());
    }

    static EngineTarget rollback(Recipe recipe) {
        return of(recipe.spinnakerApplication(), recipe.rollbackPipeline());
    }

    /** governance §5 step 15: a recipe without an engine application cannot be triggered. */
    static Rejection missingApplication(Recipe recipe) {
        return new Rejection(ErrorCode.INVALID_REQUEST, "The selected recipe has no engine pipeline to run",
                "Recipe " + recipe.id() + " lacks spinnaker_application or its pipeline", null);
    }

    private static EngineTarget of(String application, String pipeline) {
        if (application == null || application.isBlank() || pipeline == null || pipeline.isBlank()) {
            return null;
        }
        return new EngineTarget(application, pipeline);
    }
}
