package dev.dxcp.saga.spinnaker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxcp.saga.spinnaker.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** domain-and-state §3, one row per engine status. */
class ExecutionStatusMapperTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "RUNNING, IN_PROGRESS", "NOT_STARTED, IN_PROGRESS", "STARTED, IN_PROGRESS", "BUFFERED, IN_PROGRESS",
            "PAUSED, IN_PROGRESS", "SUSPENDED, IN_PROGRESS",
            "SUCCEEDED, SUCCEEDED", "ROLLED_BACK, ROLLED_BACK",
            "TERMINAL, FAILED", "FAILED, FAILED",
            "CANCELED, CANCELED", "STOPPED, CANCELED",
            "FAILED_CONTINUE, PENDING", "SKIPPED, PENDING", "REDIRECT, PENDING", "WHATEVER, PENDING",
            "running, IN_PROGRESS", "' terminal ', FAILED",
    })
    void engineStatusMapsToDxcpState(String status, EngineObservedState state) {
        assertThat(ExecutionStatusMapper.map(status)).isEqualTo(state);
        assertThat(ExecutionStatusMapper.map(Json.of("{'status':'" + status + "'}"))).isEqualTo(state);
    }

    @Test
    void stateIsReadWhenStatusIsAbsentOrEmpty() {
        assertThat(ExecutionStatusMapper.map(Json.of("{'state':'succeeded'}"))).isEqualTo(EngineObservedState.SUCCEEDED);
        assertThat(ExecutionStatusMapper.map(Json.of("{'status':'','state':'TERMINAL'}"))).isEqualTo(EngineObservedState.FAILED);
        assertThat(ExecutionStatusMapper.map(Json.of("{'status':'RUNNING','state':'TERMINAL'}")))
                .isEqualTo(EngineObservedState.IN_PROGRESS);
    }

    @Test
    void missingOrEmptyStatusIsPending() {
        assertThat(ExecutionStatusMapper.map(Json.of("{}"))).isEqualTo(EngineObservedState.PENDING);
        assertThat(ExecutionStatusMapper.map((String) null)).isEqualTo(EngineObservedState.PENDING);
        assertThat(ExecutionStatusMapper.map("")).isEqualTo(EngineObservedState.PENDING);
    }

    @Test
    void onlyFinishedStatesAreTerminal() {
        assertThat(EngineObservedState.PENDING.terminal()).isFalse();
        assertThat(EngineObservedState.IN_PROGRESS.terminal()).isFalse();
        assertThat(EngineObservedState.FAILED.terminal()).isTrue();
        assertThat(EngineObservedState.ROLLED_BACK.terminal()).isTrue();
    }
}
