package dev.dxcp.saga.spinnaker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.saga.spinnaker.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every recorded or assembled Gate execution in shared/fixtures/spinnaker, with the state and failure
 * category the spec implies. "-" = no failure.
 *
 * <ul>
 *   <li>webhook-404: TERMINAL webhook answered 404 with no controller code → read as code
 *       {@code not_found} → INFRASTRUCTURE (§9 code rule); the FAILED_CONTINUE webhook and the
 *       CANCELED stage are not the cause.</li>
 *   <li>judgment-stop: an operator chose "stop" → APP, a deliberate stop, not an engine fault.</li>
 *   <li>canceled-by-user: CANCELED, never classified as a failure.</li>
 * </ul>
 */
class RecordedExecutionNormalizationTest {

    private static final Instant OBSERVED = Instant.parse("2024-11-18T12:00:00Z");
    private static final Pattern ENGINE_WORDS = Pattern.compile(
            "(?i)spinnaker|\\bgate\\b|orca|webhook|judgment|stage|pipeline|deck|front50");

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource({
            "execution-succeeded.json,                           SUCCEEDED,   -",
            "execution-running-mid-pipeline.json,                IN_PROGRESS, -",
            "execution-canceled-by-user.json,                    CANCELED,    -",
            "execution-terminal-webhook-404.json,                FAILED,      INFRASTRUCTURE",
            "execution-terminal-webhook-400-controller-error.json, FAILED,    ARTIFACT",
            "execution-terminal-timeout.json,                    FAILED,      TIMEOUT",
            "execution-terminal-artifact-unresolved.json,        FAILED,      ARTIFACT",
            "execution-terminal-failed-on-startup.json,          FAILED,      CONFIG",
            "execution-terminal-judgment-stop.json,              FAILED,      APP",
    })
    void recordedExecutionNormalizesToTheCategoryTheSpecImplies(String file, EngineObservedState state,
                                                                String category) {
        JsonNode execution = Fixtures.json(file);

        List<FailureModel> failures = FailureNormalizer.normalize(execution, OBSERVED);

        assertThat(ExecutionStatusMapper.map(execution)).isEqualTo(state);
        if (category.equals("-")) {
            assertThat(failures).isEmpty();
        } else {
            assertThat(failures).hasSize(1);
            FailureModel failure = failures.get(0);
            assertThat(failure.category()).isEqualTo(FailureCategory.valueOf(category));
            assertThat(failure.observedAt()).isEqualTo(OBSERVED);
            assertThat(failure.summary()).isNotBlank().doesNotContainPattern(ENGINE_WORDS);
            assertThat(failure.actionHint()).isNotBlank().doesNotContainPattern(ENGINE_WORDS);
            if (failure.detail() != null) {
                assertThat(failure.detail()).doesNotContainPattern(ENGINE_WORDS);
            }
        }
    }

    @Test
    void everyExecutionFixtureIsInTheExpectedTable() {
        // Adding a fixture without deciding its category must fail here.
        assertThat(Fixtures.executionFiles()).containsExactlyInAnyOrder(
                "execution-succeeded.json",
                "execution-running-mid-pipeline.json",
                "execution-canceled-by-user.json",
                "execution-terminal-webhook-404.json",
                "execution-terminal-webhook-400-controller-error.json",
                "execution-terminal-timeout.json",
                "execution-terminal-artifact-unresolved.json",
                "execution-terminal-failed-on-startup.json",
                "execution-terminal-judgment-stop.json");
    }

    @Test
    void controllerCodeRuleGivesANeutralDetailAndTextRulesGiveNone() {
        FailureModel bucketMismatch = FailureNormalizer.normalize(
                Fixtures.json("execution-terminal-webhook-400-controller-error.json"), OBSERVED).get(0);
        FailureModel timeout = FailureNormalizer.normalize(
                Fixtures.json("execution-terminal-timeout.json"), OBSERVED).get(0);

        assertThat(bucketMismatch.detail()).isEqualTo("The artifact location did not match the expected store.");
        assertThat(timeout.detail()).isNull();
    }

    @Test
    void judgmentStopSaysAnOperatorStoppedTheRollout() {
        FailureModel stop = FailureNormalizer.normalize(
                Fixtures.json("execution-terminal-judgment-stop.json"), OBSERVED).get(0);

        assertThat(stop.summary()).containsIgnoringCase("operator stopped the rollout");
    }

    @Test
    void noRecordedExecutionIsARollback() {
        Map<String, Boolean> rollback = new java.util.TreeMap<>();
        Fixtures.executionFiles().forEach(f -> rollback.put(f, FailureNormalizer.isRollbackExecution(Fixtures.json(f))));

        assertThat(rollback).doesNotContainValue(true).hasSize(9);
    }
}
