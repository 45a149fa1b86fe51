package dev.dxcp.saga.spinnaker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxcp.saga.spinnaker.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** domain-and-state §9: which executions count as rollbacks. */
class RollbackDetectionTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{'name':'rollback-demo-service'}",
            "{'pipelineName':'Demo Rollback'}",
            "{'pipelineConfigId':'rollback-config'}",
            "{'type':'ROLLBACK'}",
            "{'kind':'rollback'}",
            "{'name':'deploy','stages':[{'type':'dxcpRollback','name':'x'}]}",
            "{'name':'deploy','stages':[{'type':'webhook','name':'Rollback service'}]}",
    })
    void rollbackIsDetectedFromExecutionOrStageNames(String execution) {
        assertThat(FailureNormalizer.isRollbackExecution(Json.of(execution))).isTrue();
    }

    @Test
    void otherFieldsDoNotMakeARollback() {
        assertThat(FailureNormalizer.isRollbackExecution(Json.of(
                "{'name':'deploy-demo-service','application':'rollback-app','trigger':{'parameters':{'mode':'rollback'}},"
                        + "'stages':[{'type':'webhook','name':'deploy','context':{'note':'rollback'}}]}"))).isFalse();
        assertThat(FailureNormalizer.isRollbackExecution(null)).isFalse();
    }
}
