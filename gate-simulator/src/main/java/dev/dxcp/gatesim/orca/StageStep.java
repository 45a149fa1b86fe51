package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.Timings;

/** One moment in a stage's life, with the small vocabulary behaviours use to change it. */
final class StageStep {

    final Execution execution;
    final StageRun stage;
    final long time;
    final Timings timings;

    StageStep(Execution execution, StageRun stage, long time, Timings timings) {
        this.execution = execution;
        this.stage = stage;
        this.time = time;
        this.timings = timings;
    }

    TaskRun startTask(StageTypes.TaskName taskName) {
        TaskRun task = new TaskRun(String.valueOf(stage.tasks.size() + 1), taskName.name(), taskName.implementingClass());
        task.start(time);
        stage.tasks.add(task);
        return task;
    }

    void dueAfter(long millis) {
        stage.dueAt = time + millis;
    }

    void dueAt(long when) {
        stage.dueAt = when;
    }

    void waitIndefinitely() {
        stage.dueAt = StageRun.NEVER;
    }

    void succeed() {
        finish(ExecutionStatus.SUCCEEDED);
    }

    /** Ends the running task and the stage with the stage's configured failure status. */
    void fail() {
        finish(stage.failureStatus());
    }

    /** Fails because a task threw: the exception goes to the stage context and the task (spec §7.1). */
    void failWithException(ObjectNode exception) {
        stage.context.set("exception", exception);
        TaskRun task = stage.currentTask();
        if (task != null) {
            task.exception = exception.deepCopy();
        }
        fail();
    }

    private void finish(ExecutionStatus status) {
        TaskRun task = stage.currentTask();
        if (task != null && task.status == ExecutionStatus.RUNNING) {
            task.finish(status, time);
        }
        stage.finish(status, time);
    }
}
