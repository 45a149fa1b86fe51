package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;

/**
 * A manual judgment stage. It waits for an operator's answer; with {@link Mode#AUTO_CONTINUE}
 * (the simulator's default, so demo pipelines finish) or {@link Mode#SCRIPTED_STOP} the answer
 * is given after one stage delay by the execution's authenticated user. An answer sent through
 * the API always wins. "stop" fails the stage with its failure status (TERMINAL unless
 * failPipeline is false), which fails the execution: a failure, not a cancel (spec §5.2).
 */
final class ManualJudgmentWait implements StageBehaviour {

    enum Mode { AUTO_CONTINUE, AWAIT, SCRIPTED_STOP }

    private final Mode mode;

    ManualJudgmentWait(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void start(StageStep step) {
        step.startTask(StageTypes.taskFor(step.stage.type));
        if (mode == Mode.AWAIT) {
            step.waitIndefinitely();
        } else {
            step.dueAfter(step.timings.stageMillis());
        }
    }

    @Override
    public void due(StageStep step) {
        StageRun stage = step.stage;
        String judgment = stage.requestedJudgment;
        String user = stage.judgedBy;
        if (judgment == null) {
            if (mode == Mode.AWAIT) {
                step.waitIndefinitely();
                return;
            }
            judgment = mode == Mode.SCRIPTED_STOP ? "stop" : "continue";
            user = step.execution.authenticatedUser;
        }
        stage.context.put("judgmentStatus", judgment);
        stage.context.put("lastModifiedBy", user);
        ObjectNode lastModified = Json.object();
        lastModified.put("user", user);
        lastModified.putArray("allowedAccounts");
        lastModified.put("lastModifiedTime", step.time);
        stage.lastModified = lastModified;
        if ("continue".equals(judgment)) {
            step.succeed();
        } else {
            step.fail();
        }
    }
}
