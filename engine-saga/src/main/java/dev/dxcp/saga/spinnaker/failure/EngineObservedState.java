package dev.dxcp.saga.spinnaker.failure;

/**
 * What the engine says about an execution, in DXCP's vocabulary (domain-and-state §2-§3). The saga maps
 * it onto the deployment's state; names match DXCP's states one to one.
 */
public enum EngineObservedState {
    PENDING(false), IN_PROGRESS(false), SUCCEEDED(true), FAILED(true), CANCELED(true), ROLLED_BACK(true);

    private final boolean terminal;

    EngineObservedState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
