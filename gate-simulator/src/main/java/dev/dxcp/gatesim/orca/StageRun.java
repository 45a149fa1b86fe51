package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;
import java.util.ArrayList;
import java.util.List;

/** One stage of an execution (spec §4.2) plus the simulator's bookkeeping for driving it. */
final class StageRun {

    static final long NEVER = Long.MAX_VALUE;

    final String id;
    final String refId;
    final String type;
    final String name;
    final List<String> requisiteStageRefIds;
    final ObjectNode context;
    /** Context entries that appear only once the stage is planned (preconfigured webhook settings). */
    final ObjectNode contextWhenPlanned;
    final ObjectNode outputs = Json.object();
    final List<TaskRun> tasks = new ArrayList<>();
    ExecutionStatus status = ExecutionStatus.NOT_STARTED;
    Long startTime;
    Long endTime;
    ObjectNode lastModified;

    /** What this stage will do when run; chosen when the execution is created. */
    final StageBehaviour behaviour;
    /** When the stage next needs the engine's attention; NEVER while it waits on nothing it knows. */
    long dueAt = NEVER;
    /** How far the behaviour has got, for behaviours that take several steps. */
    int step;
    /** A manual judgment answer received through the API and not yet acted on. */
    String requestedJudgment;
    String judgedBy;

    StageRun(String id, String refId, String type, String name, List<String> requisiteStageRefIds,
             ObjectNode context, ObjectNode contextWhenPlanned, StageBehaviour behaviour) {
        this.id = id;
        this.refId = refId;
        this.type = type;
        this.name = name;
        this.requisiteStageRefIds = List.copyOf(requisiteStageRefIds);
        this.context = context;
        this.contextWhenPlanned = contextWhenPlanned;
        this.behaviour = behaviour;
    }

    boolean isRunning() {
        return status == ExecutionStatus.RUNNING;
    }

    TaskRun currentTask() {
        return tasks.stream().filter(task -> task.status == ExecutionStatus.RUNNING).findFirst()
                .orElse(tasks.isEmpty() ? null : tasks.get(tasks.size() - 1));
    }

    /** Orca's failure outcome for this stage (spec §5.2): continuePipeline, failPipeline, else TERMINAL. */
    ExecutionStatus failureStatus() {
        if (context.path("continuePipeline").asBoolean(false)) {
            return ExecutionStatus.FAILED_CONTINUE;
        }
        if (!context.path("failPipeline").asBoolean(true)) {
            return ExecutionStatus.STOPPED;
        }
        return ExecutionStatus.TERMINAL;
    }

    boolean completesOtherBranchesThenFails() {
        return context.path("completeOtherBranchesThenFail").asBoolean(false);
    }

    void finish(ExecutionStatus finalStatus, long time) {
        status = finalStatus;
        endTime = time;
        dueAt = NEVER;
    }

    /** Cancellation reaching a running stage: its running task and the stage become CANCELED. */
    void cancel(long time) {
        for (TaskRun task : tasks) {
            if (task.status == ExecutionStatus.RUNNING) {
                task.finish(ExecutionStatus.CANCELED, time);
            }
        }
        finish(ExecutionStatus.CANCELED, time);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("refId", refId);
        json.put("type", type);
        json.put("name", name);
        if (startTime != null) {
            json.put("startTime", startTime);
        }
        if (endTime != null) {
            json.put("endTime", endTime);
        }
        json.put("status", status.name());
        json.set("context", context.deepCopy());
        json.set("outputs", outputs.deepCopy());
        ArrayNode taskArray = json.putArray("tasks");
        for (int i = 0; i < tasks.size(); i++) {
            taskArray.add(tasks.get(i).toJson(i == 0, i == tasks.size() - 1));
        }
        ArrayNode requisites = json.putArray("requisiteStageRefIds");
        requisiteStageRefIds.forEach(requisites::add);
        if (lastModified != null) {
            json.set("lastModified", lastModified.deepCopy());
        }
        return json;
    }
}
