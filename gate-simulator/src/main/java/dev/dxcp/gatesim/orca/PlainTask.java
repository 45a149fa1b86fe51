package dev.dxcp.gatesim.orca;

/**
 * Any stage type the simulator has no special knowledge of: one task that succeeds after the
 * stage delay. A {@code wait} stage waits its configured {@code waitTime} seconds instead.
 */
final class PlainTask implements StageBehaviour {

    @Override
    public void start(StageStep step) {
        step.startTask(StageTypes.taskFor(step.stage.type));
        long duration = step.timings.stageMillis();
        if ("wait".equals(step.stage.type) && step.stage.context.has("waitTime")) {
            duration = step.stage.context.path("waitTime").asLong() * 1000;
        }
        step.dueAfter(duration);
    }

    @Override
    public void due(StageStep step) {
        step.succeed();
    }
}
