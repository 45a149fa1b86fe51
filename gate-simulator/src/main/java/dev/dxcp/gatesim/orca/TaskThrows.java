package dev.dxcp.gatesim.orca;

import dev.dxcp.gatesim.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The stage's task throws: the case of an artifact that cannot be resolved, recorded by Orca as
 * an InvalidRequestException "Unmatched expected artifact … could not be resolved." (spec §7.1).
 */
final class TaskThrows implements StageBehaviour {

    @Override
    public void start(StageStep step) {
        step.startTask(StageTypes.taskFor(step.stage.type));
        step.dueAfter(step.timings.stageMillis());
    }

    @Override
    public void due(StageStep step) {
        String artifact = Json.text(step.execution.trigger.path("parameters"), "artifactRef");
        String message = OrcaFailures.unmatchedArtifact(artifact == null ? "unknown" : artifact,
                UUID.nameUUIDFromBytes(step.stage.id.getBytes(StandardCharsets.UTF_8)).toString());
        step.failWithException(OrcaFailures.exception(step.time, OrcaFailures.INVALID_REQUEST,
                StageTypes.taskFor(step.stage.type).name(), message));
    }
}
