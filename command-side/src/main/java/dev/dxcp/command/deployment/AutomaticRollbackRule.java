package dev.dxcp.command.deployment;

import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureCategory;

import java.util.List;
import java.util.Set;

/**
 * Whether a failed deployment is rolled back automatically (docs/GOVERNANCE.md "Automatic rollback"): it
 * ended FAILED after the engine started it, it is not itself a rollback, nothing was recorded for it yet,
 * and its failure is an engine or application one. A failure that names a request, policy, artifact or
 * configuration problem is not undone by running the old version again (nor is a cancellation, which is
 * not FAILED), so it is left to people.
 */
final class AutomaticRollbackRule {
    /** Engine or application reasons (domain §9 categories). An empty failure list counts as UNKNOWN. */
    static final Set<FailureCategory> ROLLS_BACK = Set.of(FailureCategory.APP, FailureCategory.INFRASTRUCTURE,
            FailureCategory.TIMEOUT, FailureCategory.UNKNOWN);
    /** Any of these among the failures means the change itself was refused or misconfigured. */
    static final Set<FailureCategory> LEFT_TO_PEOPLE = Set.of(FailureCategory.VALIDATION, FailureCategory.POLICY,
            FailureCategory.ARTIFACT, FailureCategory.CONFIG, FailureCategory.ROLLBACK);

    private AutomaticRollbackRule() {
    }

    static boolean due(Deployment failed) {
        if (failed.accepted() == null || failed.state() != DeploymentState.FAILED || failed.isRollback()
                || failed.automaticRollbackRecorded() || !failed.executionStarted()) {
            return false;
        }
        return engineOrApplication(failed.failureCategories());
    }

    static boolean engineOrApplication(List<FailureCategory> categories) {
        if (categories.isEmpty()) {
            return true;
        }
        return categories.stream().noneMatch(LEFT_TO_PEOPLE::contains)
                && categories.stream().anyMatch(ROLLS_BACK::contains);
    }
}
