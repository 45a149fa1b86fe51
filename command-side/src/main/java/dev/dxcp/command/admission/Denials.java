package dev.dxcp.command.admission;

import dev.dxcp.events.common.Rejection;

/** Records a refusal the audit must show (governance §14: DEPLOY_DENIED, PROMOTION_DENIED). */
@FunctionalInterface
public interface Denials {
    /** Writes whose refusals leave no audit entry (builds, upload capabilities). */
    Denials NONE = refusal -> {
    };

    void record(Rejection refusal);
}
