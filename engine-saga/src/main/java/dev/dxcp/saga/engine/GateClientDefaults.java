package dev.dxcp.saga.engine;

import java.time.Duration;

/**
 * What every Gate client shares whatever the saved engine adapter says: start-up settings (DXCP_GATE_*).
 *
 * @param simulatorStageDelay how long each stage of stub mode's simulated pipelines takes; null for 1 s
 */
public record GateClientDefaults(Duration connectTimeout, Duration readTimeout, String serviceUser,
                                 Duration simulatorStageDelay) {
}
