package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;

/** One task of a stage (spec §4.3). Mutated only by the engine, under its lock. */
final class TaskRun {

    final String id;
    final String name;
    final String implementingClass;
    ExecutionStatus status = ExecutionStatus.NOT_STARTED;
    Long startTime;
    Long endTime;
    ObjectNode exception;

    TaskRun(String id, String name, String implementingClass) {
        this.id = id;
        this.name = name;
        this.implementingClass = implementingClass;
    }

    void start(long time) {
        status = ExecutionStatus.RUNNING;
        startTime = time;
    }

    void finish(ExecutionStatus finalStatus, long time) {
        status = finalStatus;
        endTime = time;
    }

    ObjectNode toJson(boolean firstOfStage, boolean lastOfStage) {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("implementingClass", implementingClass);
        json.put("name", name);
        if (startTime != null) {
            json.put("startTime", startTime);
        }
        if (endTime != null) {
            json.put("endTime", endTime);
        }
        json.put("status", status.name());
        json.put("stageStart", firstOfStage);
        json.put("stageEnd", lastOfStage);
        json.put("loopStart", false);
        json.put("loopEnd", false);
        ObjectNode details = Json.object();
        if (exception != null) {
            details.set("exception", exception.deepCopy());
        }
        json.set("taskExceptionDetails", details);
        return json;
    }
}
