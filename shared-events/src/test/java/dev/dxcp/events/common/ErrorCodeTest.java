package dev.dxcp.events.common;

import dev.dxcp.events.common.ErrorCode.FailureCause;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue says what each code answers with (governance §12 failure_cause, §13 status). */
class ErrorCodeTest {
    /** governance §12, transcribed: the codes whose failure_cause is USER_ERROR. */
    private static final Set<String> USER_ERROR = Set.of("INVALID_REQUEST", "RECIPE_ID_REQUIRED",
            "RECIPE_ID_MISMATCH", "ENVIRONMENT_TYPE_LOCKED", "ENVIRONMENT_DELETE_BLOCKED_REFERENCED",
            "RECIPE_NAME_REQUIRED", "RECIPE_BEHAVIOR_REQUIRED", "ID_MISMATCH", "MISSING_ENGINE_APP",
            "MISSING_ENGINE_PIPELINE", "INVALID_STATUS", "INVALID_ENVIRONMENT", "ENVIRONMENT_REQUIRED",
            "INVALID_VERSION", "INVALID_ARTIFACT", "INVALID_BUILD_REGISTRATION", "BUILD_REGISTRATION_CONFLICT",
            "IDMP_KEY_REQUIRED", "VERSION_NOT_FOUND", "RECIPE_NOT_FOUND", "PROMOTION_TARGET_REQUIRED",
            "PROMOTION_PATH_NOT_ALLOWED", "PROMOTION_VERSION_INELIGIBLE");
    /** governance §12, transcribed: the codes whose failure_cause is POLICY_CHANGE. */
    private static final Set<String> POLICY_CHANGE = Set.of("ARTIFACT_NOT_FOUND", "ENGINE_MISCONFIGURED",
            "SERVICE_NOT_ALLOWLISTED", "SERVICE_NOT_IN_DELIVERY_GROUP", "ENVIRONMENT_NOT_ALLOWED",
            "ENVIRONMENT_DISABLED", "ENVIRONMENT_RETIRED", "RECIPE_NOT_ALLOWED", "RECIPE_INCOMPATIBLE",
            "RECIPE_DEPRECATED", "CONCURRENCY_LIMIT_REACHED", "QUOTA_EXCEEDED", "RATE_LIMITED",
            "MUTATIONS_DISABLED", "ROLE_FORBIDDEN", "AUTHZ_ROLE_REQUIRED", "UNAUTHORIZED", "RECIPE_IN_USE",
            // docs/GOVERNANCE.md: a freeze is a policy refusal like a quota
            "FREEZE_WINDOW_ACTIVE", "APPROVER_NOT_ALLOWED", "SELF_APPROVAL_FORBIDDEN");

    @Test
    void failureCauseOfEveryCodeIsTheOneGovernanceTwelveGives() {
        for (ErrorCode code : ErrorCode.values()) {
            FailureCause expected = USER_ERROR.contains(code.code()) ? FailureCause.USER_ERROR
                    : POLICY_CHANGE.contains(code.code()) ? FailureCause.POLICY_CHANGE : FailureCause.UNKNOWN;
            assertThat(code.failureCause()).as(code.name()).isEqualTo(expected);
        }
    }

    @Test
    void codesTheCatalogueGivesTwoStatusesHaveAConstantForEach() {
        Map<String, Set<Integer>> statuses = Arrays.stream(ErrorCode.values()).collect(Collectors.groupingBy(
                ErrorCode::code, Collectors.mapping(ErrorCode::status, Collectors.toSet())));
        assertThat(statuses).containsEntry("SERVICE_NOT_ALLOWLISTED", Set.of(403, 400))
                .containsEntry("ENVIRONMENT_DISABLED", Set.of(403, 400))
                .containsEntry("ENVIRONMENT_RETIRED", Set.of(403, 409))
                .containsEntry("RECIPE_NOT_FOUND", Set.of(404, 400))
                .containsEntry("UNAUTHORIZED", Set.of(401))
                .containsEntry("RATE_LIMITED", Set.of(429))
                .containsEntry("ENGINE_TIMEOUT", Set.of(504))
                .containsEntry("HTTP_ERROR", Set.of(404, 408, 413, 414, 431))
                .containsEntry("CORS_NOT_ALLOWED", Set.of(403));
    }

    @Test
    void aCodeAndStatusStoredInAnEventFindTheirConstant() {
        assertThat(ErrorCode.of("ENVIRONMENT_RETIRED", 409)).isEqualTo(ErrorCode.ENVIRONMENT_RETIRED_IN_ADMIN);
        assertThat(ErrorCode.of("ENVIRONMENT_RETIRED", 403)).isEqualTo(ErrorCode.ENVIRONMENT_RETIRED);
        assertThat(ErrorCode.of("ENGINE_UNAVAILABLE", 503)).isEqualTo(ErrorCode.ENGINE_UNAVAILABLE);
        assertThat(ErrorCode.of("ARTIFACT_NOT_FOUND", 0)).isEqualTo(ErrorCode.ARTIFACT_NOT_FOUND);
        assertThatThrownBy(() -> ErrorCode.of("NO_SUCH_CODE", 400)).isInstanceOf(IllegalArgumentException.class);
    }
}
