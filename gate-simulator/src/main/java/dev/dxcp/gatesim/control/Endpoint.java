package dev.dxcp.gatesim.control;

/** The Gate endpoints the simulator serves; faults and request counts are kept per endpoint. */
public enum Endpoint {
    TRIGGER,
    GET_EXECUTION,
    CANCEL_EXECUTION,
    SEARCH_EXECUTIONS,
    UPDATE_STAGE,
    LIST_APPLICATIONS,
    GET_APPLICATION,
    LIST_PIPELINE_CONFIGS,
    GET_PIPELINE_CONFIG,
    HEALTH,
    AUTH_USER,
    /** Matches every Gate endpoint when used for a fault (never the control API). */
    ANY;

    public boolean matches(Endpoint actual) {
        return this == ANY || this == actual;
    }
}
