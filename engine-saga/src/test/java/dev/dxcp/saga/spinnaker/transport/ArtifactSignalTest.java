package dev.dxcp.saga.spinnaker.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only explicit artifact wording maps an engine error to ARTIFACT_NOT_FOUND. */
class ArtifactSignalTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Unmatched expected artifact ExpectedArtifact(matchArtifact=Artifact(type=null)) could not be resolved.",
            "No artifact could be bound to 'abc'",
            "No artifact with id 42 could be found in the pipeline context.",
            "Artifact not found: demo-service-0.1.7.zip",
            "Access denied to artifact",
            "{\"error\":\"artifact_not_found\"}",
            "artifact s3 object is not available (retention expired)",
    })
    void explicitArtifactSignals(String text) {
        assertThat(ArtifactSignal.presentIn(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Unable to trigger pipeline (application: dxcp-demo, pipelineNameOrId: deploy-artifact). Error: Pipeline "
                    + "configuration not found (id: deploy-artifact): Status: 404",
            "HTTP 404 not found",
            "Access is denied",
            "Required parameter artifactRef is missing",
            "could not reach https://bucket.example.com/artifacts/not-found",
            "",
    })
    void notArtifactSignals(String text) {
        assertThat(ArtifactSignal.presentIn(text)).isFalse();
    }
}
