package dev.dxcp.saga.spinnaker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import dev.dxcp.saga.spinnaker.transport.EngineErrorCode;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decided mapping from a trigger-time engine error to a user-readable failure. */
class TriggerFailuresTest {

    private static final Instant NOW = Instant.parse("2025-03-03T00:00:00Z");

    @ParameterizedTest(name = "{0} upstream {1} → {2}")
    @CsvSource({
            "ENGINE_UNAVAILABLE,   ,    INFRASTRUCTURE",
            "ENGINE_TIMEOUT,       ,    TIMEOUT",
            "ENGINE_MISCONFIGURED, 302, CONFIG",
            "ENGINE_UNAUTHORIZED,  403, POLICY",
            "ARTIFACT_NOT_FOUND,   400, ARTIFACT",
            "ENGINE_CALL_FAILED,   500, INFRASTRUCTURE",
            "ENGINE_CALL_FAILED,   429, INFRASTRUCTURE",
            "ENGINE_CALL_FAILED,   404, CONFIG",
            "ENGINE_CALL_FAILED,   400, CONFIG",
            "ENGINE_CALL_FAILED,   202, UNKNOWN",
            "ENGINE_CALL_FAILED,   ,    UNKNOWN",
    })
    void triggerErrorBecomesAFailure(EngineErrorCode code, Integer upstream, FailureCategory category) {
        EngineCallException error = EngineCallException.of(code, upstream, "hint");

        FailureModel failure = TriggerFailures.toFailure(error, NOW);

        assertThat(failure.category()).isEqualTo(category);
        assertThat(failure.observedAt()).isEqualTo(NOW);
        assertThat(failure.summary() + failure.actionHint()).isNotBlank().doesNotContainIgnoringCase("spinnaker")
                .doesNotContainIgnoringCase("gate");
    }
}
