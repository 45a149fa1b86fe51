package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.front50.PipelineConfig;
import dev.dxcp.gatesim.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Builds a new execution from a pipeline config and a trigger body, the way Orca plans one. */
final class ExecutionFactory {

    private static final Set<String> STAGE_GRAPH_FIELDS = Set.of("name", "type", "refId", "requisiteStageRefIds");

    private final Ulid ulid;
    private final String defaultControllerUrl;

    ExecutionFactory(Ulid ulid, String defaultControllerUrl) {
        this.ulid = ulid;
        this.defaultControllerUrl = defaultControllerUrl;
    }

    /**
     * The execution's trigger as Orca fills it (spec §2.2, §4.4): everything the caller sent, plus
     * defaults for omitted declared parameters, {@code type: manual}, the caller as {@code user}
     * when the body names none, and Orca's empty artifact and notification lists.
     */
    static ObjectNode trigger(PipelineConfig config, JsonNode body, String caller) {
        ObjectNode trigger = body != null && body.isObject() ? (ObjectNode) Json.gateShaped(body) : Json.object();
        if (Json.text(trigger, "type") == null) {
            trigger.put("type", "manual");
        }
        if (Json.text(trigger, "user") == null) {
            trigger.put("user", caller);
        }
        ObjectNode parameters = trigger.path("parameters").isObject()
                ? (ObjectNode) trigger.get("parameters") : trigger.putObject("parameters");
        for (JsonNode parameter : config.parameterConfig()) {
            String name = Json.text(parameter, "name");
            JsonNode declaredDefault = parameter.get("default");
            if (name != null && !parameters.has(name) && declaredDefault != null && !declaredDefault.isNull()) {
                parameters.set(name, declaredDefault.deepCopy());
            }
        }
        putArrayIfAbsent(trigger, "artifacts");
        putArrayIfAbsent(trigger, "notifications");
        putArrayIfAbsent(trigger, "resolvedExpectedArtifacts");
        putArrayIfAbsent(trigger, "expectedArtifacts");
        trigger.putIfAbsent("rebake", Json.valueToTree(false));
        trigger.putIfAbsent("dryRun", Json.valueToTree(false));
        trigger.putIfAbsent("strategy", Json.valueToTree(false));
        return trigger;
    }

    private static void putArrayIfAbsent(ObjectNode node, String field) {
        if (!node.path(field).isArray()) {
            node.set(field, Json.array());
        }
    }

    Execution create(PipelineConfig config, ObjectNode trigger, String caller, Outcome outcome, long time) {
        String id = ulid.next(time);
        List<JsonNode> stageConfigs = config.stages();
        Set<String> targets = targetStages(stageConfigs, outcome);
        List<StageRun> stages = new ArrayList<>();
        for (int i = 0; i < stageConfigs.size(); i++) {
            JsonNode stageConfig = stageConfigs.get(i);
            String refId = refIdOf(stageConfig, i);
            String type = Json.text(stageConfig, "type");
            type = type == null ? "wait" : type;
            String name = Json.text(stageConfig, "name");
            List<String> requisites = new ArrayList<>();
            stageConfig.path("requisiteStageRefIds").forEach(requisite -> requisites.add(requisite.asText()));
            StageBehaviour behaviour = behaviourFor(type, targets.contains(refId) ? outcome : Outcome.succeed());
            stages.add(new StageRun(ulid.next(time), refId, type, name == null ? type : name, requisites,
                    context(stageConfig, trigger), preconfiguredSettings(type, trigger), behaviour));
        }
        return new Execution(id, config.application(), config.name(), config.id(), time,
                config.limitConcurrent(), config.keepWaitingPipelines(), config.maxConcurrentExecutions(),
                config.spelEvaluator(), trigger, caller, stages);
    }

    /** Stage configuration minus the graph fields, with expressions evaluated. */
    private static ObjectNode context(JsonNode stageConfig, ObjectNode trigger) {
        ObjectNode raw = ((ObjectNode) stageConfig).deepCopy();
        raw.remove(STAGE_GRAPH_FIELDS);
        return (ObjectNode) Expressions.evaluate(raw, trigger);
    }

    /** What Orca's preconfigured webhook configuration adds to the context when the stage is planned. */
    private ObjectNode preconfiguredSettings(String type, ObjectNode trigger) {
        ObjectNode settings = Json.object();
        StageTypes.PreconfiguredWebhook preconfigured = StageTypes.preconfigured(type);
        if (preconfigured != null) {
            String base = Json.text(trigger.path("parameters"), "engineUrl");
            settings.put("url", join(base == null ? defaultControllerUrl : base, preconfigured.path()));
            settings.put("method", preconfigured.method());
            settings.put("waitForCompletion", false);
        }
        return settings;
    }

    private static String join(String base, String path) {
        return base.endsWith("/") ? base + path : base + "/" + path;
    }

    private static String refIdOf(JsonNode stageConfig, int index) {
        String refId = Json.text(stageConfig, "refId");
        return refId == null ? String.valueOf(index + 1) : refId;
    }

    /**
     * The stages an outcome acts on: the one it names, else all manual judgments for judgment
     * outcomes, the first webhook stage for webhook outcomes, the first other stage otherwise.
     */
    private static Set<String> targetStages(List<JsonNode> stageConfigs, Outcome outcome) {
        Set<String> targets = new HashSet<>();
        if (stageConfigs.isEmpty()) {
            return targets;
        }
        if (outcome.stageRefId() != null) {
            targets.add(outcome.stageRefId());
            return targets;
        }
        switch (outcome.kind()) {
            case SUCCEED, FAILED_ON_STARTUP -> {
                return targets;
            }
            case AWAIT_JUDGMENT, JUDGMENT_STOP -> {
                for (int i = 0; i < stageConfigs.size(); i++) {
                    if (StageTypes.isManualJudgment(Json.text(stageConfigs.get(i), "type"))) {
                        targets.add(refIdOf(stageConfigs.get(i), i));
                    }
                }
                return targets;
            }
            case WEBHOOK_REJECTED, WEBHOOK_UNAVAILABLE, WEBHOOK_FAIL_FAST, CONNECTION_REFUSED, READ_TIMEOUT -> {
                targets.add(firstStageWhere(stageConfigs, type -> StageTypes.isWebhook(type)));
                return targets;
            }
            default -> {
                targets.add(firstStageWhere(stageConfigs, type -> !StageTypes.isManualJudgment(type)));
                return targets;
            }
        }
    }

    private static String firstStageWhere(List<JsonNode> stageConfigs, Predicate<String> typeTest) {
        for (int i = 0; i < stageConfigs.size(); i++) {
            if (typeTest.test(Json.text(stageConfigs.get(i), "type"))) {
                return refIdOf(stageConfigs.get(i), i);
            }
        }
        return refIdOf(stageConfigs.get(0), 0);
    }

    private static StageBehaviour behaviourFor(String type, Outcome outcome) {
        boolean judgment = StageTypes.isManualJudgment(type);
        return switch (outcome.kind()) {
            case WEBHOOK_REJECTED -> new WebhookCall(WebhookCall.Reply.REJECTED, outcome.webhookStatus(), outcome.webhookBody());
            case WEBHOOK_UNAVAILABLE -> new WebhookCall(WebhookCall.Reply.UNAVAILABLE, outcome.webhookStatus(), outcome.webhookBody());
            case WEBHOOK_FAIL_FAST -> new WebhookCall(WebhookCall.Reply.FAIL_FAST, outcome.webhookStatus(), null);
            case CONNECTION_REFUSED -> new WebhookCall(WebhookCall.Reply.CONNECTION_REFUSED, 0, null);
            case READ_TIMEOUT -> new WebhookCall(WebhookCall.Reply.READ_TIMEOUT, 0, null);
            case ARTIFACT_UNRESOLVED -> new TaskThrows();
            case STAGE_TYPE_MISSING -> new PlanningFailure(PlanningFailure.Reason.STAGE_TYPE_MISSING);
            case STAGE_NOT_PERMITTED -> new PlanningFailure(PlanningFailure.Reason.STAGE_NOT_PERMITTED);
            case HANG -> new EndlessTask();
            case AWAIT_JUDGMENT -> judgment ? new ManualJudgmentWait(ManualJudgmentWait.Mode.AWAIT) : normalBehaviour(type);
            case JUDGMENT_STOP -> judgment ? new ManualJudgmentWait(ManualJudgmentWait.Mode.SCRIPTED_STOP) : normalBehaviour(type);
            case SUCCEED, FAILED_ON_STARTUP -> normalBehaviour(type);
        };
    }

    private static StageBehaviour normalBehaviour(String type) {
        if (StageTypes.isWebhook(type)) {
            return WebhookCall.succeeding();
        }
        if (StageTypes.isManualJudgment(type)) {
            return new ManualJudgmentWait(ManualJudgmentWait.Mode.AUTO_CONTINUE);
        }
        return new PlainTask();
    }
}
