package dev.dxcp.gatesim.orca;

/**
 * Orca could not even build the stage's task list (unknown preconfigured stage type, or a user
 * not allowed to run it): {@code beforeStagePlanningFailed}, the exception named after the stage,
 * and no tasks (spec §7.1).
 */
final class PlanningFailure implements StageBehaviour {

    enum Reason { STAGE_TYPE_MISSING, STAGE_NOT_PERMITTED }

    private final Reason reason;

    PlanningFailure(Reason reason) {
        this.reason = reason;
    }

    @Override
    public boolean planned() {
        return false;
    }

    @Override
    public void start(StageStep step) {
        step.dueAfter(0);
    }

    @Override
    public void due(StageStep step) {
        String type = step.stage.type;
        String exceptionClass;
        String message;
        if (reason == Reason.STAGE_TYPE_MISSING) {
            exceptionClass = OrcaFailures.WEBHOOK_NOT_FOUND;
            message = OrcaFailures.stageTypeMissing(type);
        } else {
            exceptionClass = OrcaFailures.WEBHOOK_UNAUTHORIZED;
            message = OrcaFailures.stageNotPermitted(step.execution.authenticatedUser, type);
        }
        step.stage.context.put("beforeStagePlanningFailed", true);
        step.failWithException(OrcaFailures.exception(step.time, exceptionClass, step.stage.name, message));
    }
}
