package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * A pipeline execution as Orca stores it. Mutated only by {@link ExecutionEngine} under its lock;
 * {@link #toJson()} renders the document Gate returns from {@code GET /pipelines/{id}} (spec §4.1).
 */
final class Execution {

    static final long NEVER = StageRun.NEVER;

    final String id;
    final String application;
    final String name;
    final String pipelineConfigId;
    final long buildTime;
    final boolean limitConcurrent;
    final boolean keepWaitingPipelines;
    final int maxConcurrentExecutions;
    final String spelEvaluator;
    final ObjectNode trigger;
    final String authenticatedUser;
    final List<StageRun> stages;

    ExecutionStatus status = ExecutionStatus.NOT_STARTED;
    Long startTime;
    Long endTime;
    boolean canceled;
    String canceledBy;
    String cancellationReason;

    /** When a NOT_STARTED execution tries to start; NEVER while queued behind a running sibling. */
    long startDueAt;
    /** Queued by limitConcurrent, waiting for the running execution of the same config to finish. */
    boolean waitingForSlot;
    /** When a requested cancel reaches the running tasks; NEVER when none is pending. */
    long cancelDueAt = NEVER;

    Execution(String id, String application, String name, String pipelineConfigId, long buildTime,
              boolean limitConcurrent, boolean keepWaitingPipelines, int maxConcurrentExecutions,
              String spelEvaluator, ObjectNode trigger, String authenticatedUser, List<StageRun> stages) {
        this.id = id;
        this.application = application;
        this.name = name;
        this.pipelineConfigId = pipelineConfigId;
        this.buildTime = buildTime;
        this.limitConcurrent = limitConcurrent;
        this.keepWaitingPipelines = keepWaitingPipelines;
        this.maxConcurrentExecutions = maxConcurrentExecutions;
        this.spelEvaluator = spelEvaluator;
        this.trigger = trigger;
        this.authenticatedUser = authenticatedUser;
        this.stages = List.copyOf(stages);
    }

    boolean isComplete() {
        return status.isComplete();
    }

    Optional<StageRun> stage(String refId) {
        return stages.stream().filter(stage -> stage.refId.equals(refId)).findFirst();
    }

    String triggerText(String field) {
        return Json.text(trigger, field);
    }

    /** The earliest moment this execution needs the engine, or NEVER. */
    long nextDue() {
        if (isComplete()) {
            return NEVER;
        }
        long due = cancelDueAt;
        if (status == ExecutionStatus.NOT_STARTED && !waitingForSlot) {
            due = Math.min(due, startDueAt);
        }
        for (StageRun stage : stages) {
            if (stage.isRunning()) {
                due = Math.min(due, stage.dueAt);
            }
        }
        return due;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("type", "PIPELINE");
        json.put("id", id);
        json.put("application", application);
        json.put("name", name);
        json.put("buildTime", buildTime);
        json.put("canceled", canceled);
        if (canceledBy != null) {
            json.put("canceledBy", canceledBy);
        }
        if (cancellationReason != null) {
            json.put("cancellationReason", cancellationReason);
        }
        json.put("limitConcurrent", limitConcurrent);
        json.put("maxConcurrentExecutions", maxConcurrentExecutions);
        json.put("keepWaitingPipelines", keepWaitingPipelines);
        ArrayNode stageArray = json.putArray("stages");
        stages.forEach(stage -> stageArray.add(stage.toJson()));
        if (startTime != null) {
            json.put("startTime", startTime);
        }
        if (endTime != null) {
            json.put("endTime", endTime);
        }
        json.put("status", status.name());
        ObjectNode authentication = json.putObject("authentication");
        authentication.put("user", authenticatedUser);
        authentication.putArray("allowedAccounts");
        json.put("origin", "api");
        json.set("trigger", trigger.deepCopy());
        json.put("pipelineConfigId", pipelineConfigId);
        json.putArray("notifications");
        json.putObject("initialConfig");
        json.putArray("systemNotifications");
        json.put("spelEvaluator", spelEvaluator);
        return json;
    }
}
