package dev.dxcp.saga.spinnaker.failure;

import java.util.List;

/**
 * One place in an execution document that may explain a failure (domain-and-state §9 "signals").
 *
 * @param text           cleaned, matchable text (never a stack trace, class name or URL); may be empty
 * @param codes          candidate error codes, most specific first, lower-cased
 * @param deliberateStop an operator chose "stop" at a manual judgment
 * @param controllerCode the deployment controller's own error code from a 4xx webhook answer, if any
 */
record FailureSignal(String text, List<String> codes, boolean deliberateStop, String controllerCode) {

    static FailureSignal ofText(String text) {
        return new FailureSignal(text, List.of(), false, null);
    }

    /** Whether the signal says anything at all; an empty signal never classifies, not even as ROLLBACK. */
    boolean present() {
        return deliberateStop || !text.isBlank() || !codes.isEmpty();
    }
}
