package dev.dxcp.gatesim.orca;

/**
 * What a stage does once the engine reaches it. A behaviour plans the stage's tasks when it starts
 * and is called back whenever the stage's due time comes, until it completes the stage.
 */
interface StageBehaviour {

    /** The stage has just become RUNNING: plan tasks and set when it next needs attention. */
    void start(StageStep step);

    /** The stage's due time has come (or a judgment arrived): make progress. */
    void due(StageStep step);

    /**
     * Whether Orca got as far as planning the stage, which is when a preconfigured webhook's
     * settings (url, method) join the stage context.
     */
    default boolean planned() {
        return true;
    }
}
