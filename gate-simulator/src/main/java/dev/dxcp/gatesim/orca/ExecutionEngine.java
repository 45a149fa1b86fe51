package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.Judgment;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.control.OutcomeRules;
import dev.dxcp.gatesim.control.Timings;
import dev.dxcp.gatesim.front50.PipelineConfig;
import dev.dxcp.gatesim.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The simulated Orca: creates executions, walks their stage graphs as simulated time passes, and
 * applies cancels, judgments and the concurrency rules of spec §6. Time moves only through
 * {@link #advanceTo(long)}, called by a real-time driver or by tests stepping a simulated clock,
 * so the engine itself never sleeps. Every public method holds the engine's lock.
 */
public final class ExecutionEngine {

    static final String SUPERSEDED_REASON = "This execution was queued but then canceled because a newer queued "
            + "execution superceded it. This pipeline is configured to automatically cancel waiting executions.";

    /** What a trigger led to: the execution id, and the reason when Orca refused to start it. */
    public record TriggerResult(String executionId, String startupFailure) {
        public boolean failedOnStartup() {
            return startupFailure != null;
        }
    }

    private final Clock clock;
    private final Timings timings;
    private final ExecutionFactory factory;
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final List<Execution> active = new ArrayList<>();
    private final TriggerLog triggerLog = new TriggerLog();
    private Runnable onChange = () -> { };

    public ExecutionEngine(Clock clock, Timings timings, String defaultControllerUrl) {
        this.clock = clock;
        this.timings = timings;
        this.factory = new ExecutionFactory(new Ulid(), defaultControllerUrl);
    }

    /** Called after anything that may bring the next due time forward; the real-time driver listens. */
    public synchronized void onChange(Runnable listener) {
        this.onChange = listener;
    }

    public Timings timings() {
        return timings;
    }

    public TriggerLog triggerLog() {
        return triggerLog;
    }

    /**
     * Orca's side of a trigger, after Gate found the config and checked parameters: de-duplicate
     * by correlation id, then create the execution (NOT_STARTED) or record a startup failure.
     */
    public synchronized TriggerResult trigger(PipelineConfig config, JsonNode body, String caller, OutcomeRules rules) {
        long now = clock.millis();
        ObjectNode trigger = ExecutionFactory.trigger(config, body, caller);
        String correlationId = Json.text(trigger, "correlationId");
        if (correlationId != null) {
            Optional<Execution> running = executions.values().stream()
                    .filter(e -> !e.isComplete() && correlationId.equals(e.triggerText("correlationId")))
                    .findFirst();
            if (running.isPresent()) {
                return new TriggerResult(running.get().id, null);
            }
        }
        Outcome outcome = config.disabled()
                ? Outcome.failedOnStartup()
                : rules.select(config.name(), trigger.path("parameters"));
        Execution execution = factory.create(config, trigger, caller, outcome, now);
        executions.put(execution.id, execution);
        if (outcome.kind() == Outcome.Kind.FAILED_ON_STARTUP) {
            String reason = outcome.message() == null ? Outcome.DISABLED_PIPELINE_MESSAGE : outcome.message();
            execution.status = ExecutionStatus.TERMINAL;
            execution.canceled = true;
            execution.canceledBy = "system";
            execution.cancellationReason = "Failed on startup: " + reason;
            return new TriggerResult(execution.id, reason);
        }
        execution.startDueAt = now + timings.startDelay().toMillis();
        active.add(execution);
        onChange.run();
        return new TriggerResult(execution.id, null);
    }

    public synchronized Optional<ObjectNode> execution(String id) {
        return Optional.ofNullable(executions.get(id)).map(Execution::toJson);
    }

    /** Every execution ever created, oldest first. */
    public synchronized List<ObjectNode> executions() {
        return executions.values().stream().map(Execution::toJson).toList();
    }

    /**
     * A cancel request (spec §2.4): flags the execution at once; a queued one is CANCELED at once
     * without times; a running one reaches CANCELED when the cancel delay has passed.
     *
     * @return false when no such execution exists
     */
    public synchronized boolean cancel(String id, String user, String reason) {
        Execution execution = executions.get(id);
        if (execution == null) {
            return false;
        }
        execution.canceled = true;
        execution.canceledBy = user;
        if (reason != null && !reason.isBlank()) {
            execution.cancellationReason = reason;
        }
        if (execution.isComplete()) {
            return true;
        }
        if (execution.status == ExecutionStatus.NOT_STARTED) {
            execution.status = ExecutionStatus.CANCELED;
            active.remove(execution);
            return true;
        }
        if (execution.cancelDueAt == Execution.NEVER) {
            execution.cancelDueAt = clock.millis() + timings.cancelDelay().toMillis();
        }
        onChange.run();
        return true;
    }

    /**
     * An operator's answer to a waiting manual judgment; it takes effect at the next engine step.
     *
     * @param stageIdOrRefId the judgment stage (id or refId), or null for the one that is waiting
     * @throws NoSuchElementException for an unknown execution
     * @throws IllegalStateException  when no manual judgment is running
     */
    public synchronized void judge(String executionId, String stageIdOrRefId, Judgment judgment, String user) {
        Execution execution = Optional.ofNullable(executions.get(executionId))
                .orElseThrow(() -> new NoSuchElementException("Pipeline not found (id: " + executionId + ")"));
        StageRun stage = execution.stages.stream()
                .filter(s -> s.isRunning() && StageTypes.isManualJudgment(s.type))
                .filter(s -> stageIdOrRefId == null || stageIdOrRefId.equals(s.id) || stageIdOrRefId.equals(s.refId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No manual judgment is waiting in execution " + executionId));
        stage.requestedJudgment = judgment.judgmentStatus();
        stage.judgedBy = user;
        stage.dueAt = Math.min(stage.dueAt, clock.millis());
        onChange.run();
    }

    /** Executions of an application matching a search, newest first unless reversed (spec §2.1). */
    public synchronized List<ObjectNode> search(String application, ExecutionSearch search) {
        Comparator<Execution> newestFirst = Comparator.<Execution>comparingLong(e -> e.buildTime)
                .thenComparing(e -> e.id).reversed();
        List<ObjectNode> page = executions.values().stream()
                .filter(e -> e.application.equalsIgnoreCase(application))
                .filter(e -> search.pipelineName() == null || search.pipelineName().equals(e.name))
                .filter(e -> search.statuses() == null || search.statuses().contains(e.status.name()))
                .filter(e -> search.triggerTypes() == null || search.triggerTypes().contains(e.triggerText("type")))
                .filter(e -> search.eventId() == null || search.eventId().equals(e.triggerText("eventId")))
                .filter(e -> search.buildTimeFrom() == null || e.buildTime >= search.buildTimeFrom())
                .filter(e -> search.buildTimeTo() == null || e.buildTime <= search.buildTimeTo())
                .filter(e -> TriggerSubset.contains(e.trigger, search.trigger()))
                .sorted(search.reverse() ? newestFirst.reversed() : newestFirst)
                .skip(Math.max(0, search.startIndex()))
                .limit(Math.max(0, search.size()))
                .map(Execution::toJson)
                .toList();
        if (!search.expand()) {
            page.forEach(ExecutionEngine::unexpand);
        }
        return page;
    }

    /** Without expand, Orca leaves stage details out of search results. */
    private static void unexpand(ObjectNode execution) {
        execution.path("stages").forEach(stage -> {
            ObjectNode s = (ObjectNode) stage;
            s.set("context", Json.object());
            s.set("outputs", Json.object());
            s.set("tasks", Json.array());
        });
    }

    /** The earliest time any execution needs attention, or {@link Long#MAX_VALUE}. */
    public synchronized long nextDue() {
        return active.stream().mapToLong(Execution::nextDue).min().orElse(Execution.NEVER);
    }

    /** Plays every event due up to {@code now}, in time order; event times become the recorded times. */
    public synchronized void advanceTo(long now) {
        while (true) {
            Execution next = null;
            long due = Execution.NEVER;
            for (Execution candidate : active) {
                long candidateDue = candidate.nextDue();
                if (candidateDue < due) {
                    due = candidateDue;
                    next = candidate;
                }
            }
            if (next == null || due > now) {
                return;
            }
            step(next, due);
            if (next.isComplete()) {
                active.remove(next);
                releaseWaiting(next, due);
            }
        }
    }

    public synchronized void reset() {
        executions.clear();
        active.clear();
        triggerLog.clear();
    }

    private void step(Execution execution, long time) {
        if (execution.cancelDueAt <= time) {
            execution.stages.stream().filter(StageRun::isRunning).forEach(stage -> stage.cancel(time));
            complete(execution, ExecutionStatus.CANCELED, time);
            return;
        }
        if (execution.status == ExecutionStatus.NOT_STARTED) {
            tryStart(execution, time);
            return;
        }
        StageRun stage = execution.stages.stream()
                .filter(StageRun::isRunning)
                .min(Comparator.comparingLong(s -> s.dueAt))
                .orElseThrow();
        stage.behaviour.due(new StageStep(execution, stage, time, timings));
        if (stage.status.isComplete()) {
            afterStageCompleted(execution, stage, time);
        }
    }

    /** limitConcurrent (spec §6): wait while another execution of the same config runs. */
    private void tryStart(Execution execution, long time) {
        long runningSiblings = active.stream()
                .filter(other -> other != execution && other.pipelineConfigId.equals(execution.pipelineConfigId))
                .filter(other -> other.status == ExecutionStatus.RUNNING)
                .count();
        boolean mustWait = execution.limitConcurrent
                ? runningSiblings > 0
                : execution.maxConcurrentExecutions > 0 && runningSiblings >= execution.maxConcurrentExecutions;
        if (mustWait) {
            execution.waitingForSlot = true;
            return;
        }
        execution.status = ExecutionStatus.RUNNING;
        execution.startTime = time;
        startReadyStages(execution, time);
        if (execution.stages.stream().noneMatch(StageRun::isRunning)) {
            complete(execution, derivedStatus(execution), time);
        }
    }

    private void startReadyStages(Execution execution, long time) {
        for (StageRun stage : execution.stages) {
            if (stage.status == ExecutionStatus.NOT_STARTED && upstreamAllowsStart(execution, stage)) {
                stage.status = ExecutionStatus.RUNNING;
                stage.startTime = time;
                if (stage.behaviour.planned()) {
                    stage.contextWhenPlanned.fields().forEachRemaining(
                            setting -> stage.context.putIfAbsent(setting.getKey(), setting.getValue().deepCopy()));
                }
                stage.behaviour.start(new StageStep(execution, stage, time, timings));
            }
        }
    }

    private static boolean upstreamAllowsStart(Execution execution, StageRun stage) {
        return stage.requisiteStageRefIds.stream()
                .map(execution::stage)
                .allMatch(upstream -> upstream.map(s -> s.status.letsDownstreamRun()).orElse(true));
    }

    /**
     * A TERMINAL or CANCELED stage ends the execution at once and cancels the branches still
     * running, unless it is set to let other branches complete first (spec §5.2).
     */
    private void afterStageCompleted(Execution execution, StageRun stage, long time) {
        boolean halts = stage.status == ExecutionStatus.TERMINAL || stage.status == ExecutionStatus.CANCELED;
        if (halts && !stage.completesOtherBranchesThenFails()) {
            execution.stages.stream().filter(StageRun::isRunning).forEach(running -> running.cancel(time));
            complete(execution, stage.status, time);
            return;
        }
        startReadyStages(execution, time);
        if (execution.stages.stream().noneMatch(StageRun::isRunning)) {
            complete(execution, derivedStatus(execution), time);
        }
    }

    /** Spec §5.2, once nothing runs any more. */
    private static ExecutionStatus derivedStatus(Execution execution) {
        List<StageRun> stages = execution.stages;
        if (stages.stream().anyMatch(s -> s.status == ExecutionStatus.TERMINAL)) {
            return ExecutionStatus.TERMINAL;
        }
        if (stages.stream().anyMatch(s -> s.status == ExecutionStatus.CANCELED)) {
            return ExecutionStatus.CANCELED;
        }
        if (stages.stream().anyMatch(s -> s.status == ExecutionStatus.STOPPED && s.completesOtherBranchesThenFails())) {
            return ExecutionStatus.TERMINAL;
        }
        return ExecutionStatus.SUCCEEDED;
    }

    private static void complete(Execution execution, ExecutionStatus status, long time) {
        execution.status = status;
        if (execution.startTime != null) {
            execution.endTime = time;
        }
        execution.cancelDueAt = Execution.NEVER;
    }

    /**
     * When an execution of a config finishes, queued ones may go: with keepWaitingPipelines false
     * only the newest starts and older ones are canceled by "spinnaker"; otherwise the oldest starts.
     */
    private void releaseWaiting(Execution finished, long time) {
        List<Execution> waiting = active.stream()
                .filter(e -> e.pipelineConfigId.equals(finished.pipelineConfigId))
                .filter(e -> e.status == ExecutionStatus.NOT_STARTED && e.waitingForSlot)
                .sorted(Comparator.<Execution>comparingLong(e -> e.buildTime).thenComparing(e -> e.id))
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        Execution next;
        if (waiting.get(waiting.size() - 1).keepWaitingPipelines) {
            next = waiting.get(0);
        } else {
            next = waiting.get(waiting.size() - 1);
            for (Execution superseded : waiting.subList(0, waiting.size() - 1)) {
                superseded.canceled = true;
                superseded.canceledBy = "spinnaker";
                superseded.cancellationReason = SUPERSEDED_REASON;
                superseded.status = ExecutionStatus.CANCELED;
                active.remove(superseded);
            }
        }
        next.waitingForSlot = false;
        next.startDueAt = time;
    }
}
