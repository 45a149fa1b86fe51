package dev.dxcp.gatesim.orca;

/** A task that never finishes: the stage and execution stay RUNNING until canceled. */
final class EndlessTask implements StageBehaviour {

    @Override
    public void start(StageStep step) {
        step.startTask(StageTypes.taskFor(step.stage.type));
        step.waitIndefinitely();
    }

    @Override
    public void due(StageStep step) {
        step.waitIndefinitely();
    }
}
