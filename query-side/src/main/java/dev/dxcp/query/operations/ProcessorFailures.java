package dev.dxcp.query.operations;

import dev.dxcp.events.operations.ProjectionMessages.ProcessorFailure;
import dev.dxcp.query.common.ProjectionEventFailure;

/**
 * Why a processor stopped: the event it could not apply (when the failure was in a handler or in its
 * batch of writes) and the error's own words. A failure outside any event (the database unreachable
 * while fetching) names no event.
 */
final class ProcessorFailures {
    private ProcessorFailures() {
    }

    static ProcessorFailure of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProjectionEventFailure failure) {
                return new ProcessorFailure(failure.globalIndex(), failure.eventIdentifier(), failure.payloadType(),
                        failure.reason());
            }
        }
        return new ProcessorFailure(null, null, null, ProjectionEventFailure.rootMessage(error));
    }
}
