package dev.dxcp.gatesim.orca;

import java.util.Locale;
import java.util.Map;

/** What the simulator knows about stage types: which are webhooks and which task runs them. */
final class StageTypes {

    record TaskName(String name, String implementingClass) {
    }

    /** A preconfigured webhook stage as Orca's configuration would declare it. */
    record PreconfiguredWebhook(String path, String method) {
    }

    static final String MANUAL_JUDGMENT = "manualJudgment";

    private static final String TASKS = "com.netflix.spinnaker.orca.pipeline.tasks.";

    /** DXCP's preconfigured webhook stages and the controller path each one calls. */
    private static final Map<String, PreconfiguredWebhook> PRECONFIGURED = Map.of(
            "dxcpDeploy", new PreconfiguredWebhook("deploy", "POST"),
            "dxcpRollback", new PreconfiguredWebhook("rollback", "POST"));

    private StageTypes() {
    }

    static boolean isWebhook(String type) {
        return "webhook".equals(type) || PRECONFIGURED.containsKey(type);
    }

    static boolean isManualJudgment(String type) {
        return MANUAL_JUDGMENT.equals(type);
    }

    static PreconfiguredWebhook preconfigured(String type) {
        return PRECONFIGURED.get(type);
    }

    static TaskName taskFor(String type) {
        if (isWebhook(type)) {
            return new TaskName("createWebhook", "com.netflix.spinnaker.orca.webhook.tasks.CreateWebhookTask");
        }
        if (isManualJudgment(type)) {
            return new TaskName("waitForJudgment",
                    "com.netflix.spinnaker.orca.echo.pipeline.ManualJudgmentStage.WaitForManualJudgmentTask");
        }
        String capitalised = type.isEmpty() ? "NoOp" : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
        return new TaskName(type, TASKS + capitalised + "Task");
    }
}
