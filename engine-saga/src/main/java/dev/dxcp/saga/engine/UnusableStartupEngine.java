package dev.dxcp.saga.engine;

/**
 * The engine settings given at start-up (not saved ones) cannot be used: the server must not start on them.
 * The assembly reports it as the start-up setting it is (DXCP_GATE_*).
 */
public class UnusableStartupEngine extends IllegalStateException {
    public UnusableStartupEngine(String problems) {
        super("cannot be used: " + problems);
    }
}
