package dev.dxcp.events.common;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.dxcp.events.common.ErrorCode.FailureCause.POLICY_CHANGE;
import static dev.dxcp.events.common.ErrorCode.FailureCause.UNKNOWN;
import static dev.dxcp.events.common.ErrorCode.FailureCause.USER_ERROR;

/**
 * The error catalogue (governance §13): every code DXCP refuses with, the HTTP status it answers with and
 * its {@code failure_cause} (governance §12). The domain refuses with one of these; only the HTTP edge
 * turns it into a status and an error body.
 *
 * <p>Where the contract gives one code two statuses, there are two constants with the same {@link #code()},
 * named for when the second one applies, so the refusing rule says which it means and never a number.</p>
 */
public enum ErrorCode {
    UNAUTHORIZED(401, POLICY_CHANGE),
    AUTHZ_ROLE_REQUIRED(403, POLICY_CHANGE),
    OIDC_CONFIG_MISSING(500, UNKNOWN),
    ROLE_FORBIDDEN(403, POLICY_CHANGE),
    CI_ONLY(403, UNKNOWN),
    DELIVERY_GROUP_SCOPE_REQUIRED(403, UNKNOWN),
    MUTATIONS_DISABLED(503, POLICY_CHANGE),
    IDMP_KEY_REQUIRED(400, USER_ERROR),
    IDEMPOTENCY_CONFLICT(409, UNKNOWN),
    BUILD_REGISTRATION_CONFLICT(409, USER_ERROR),
    RATE_LIMITED(429, POLICY_CHANGE),
    QUOTA_EXCEEDED(429, POLICY_CHANGE),
    CONCURRENCY_LIMIT_REACHED(409, POLICY_CHANGE),
    SERVICE_NOT_IN_DELIVERY_GROUP(403, POLICY_CHANGE),
    /** 403 on the service reads (versions, delivery-status, running, allowed-actions, insights, builds). */
    SERVICE_NOT_ALLOWLISTED(403, POLICY_CHANGE),
    /** 400 in deploy compatibility and in delivery-group validation. */
    SERVICE_NOT_ALLOWLISTED_IN_REQUEST("SERVICE_NOT_ALLOWLISTED", 400, POLICY_CHANGE),
    ENVIRONMENT_REQUIRED(400, USER_ERROR),
    ENVIRONMENT_NOT_ALLOWED(403, POLICY_CHANGE),
    /** 403: the group may not use the environment now. */
    ENVIRONMENT_DISABLED(403, POLICY_CHANGE),
    /** 400: the compatibility recheck found the environment inactive. */
    ENVIRONMENT_DISABLED_ON_RECHECK("ENVIRONMENT_DISABLED", 400, POLICY_CHANGE),
    /** 403: a deploy to a retired environment. */
    ENVIRONMENT_RETIRED(403, POLICY_CHANGE),
    /** 409: enabling or routing a retired environment in the admin APIs. */
    ENVIRONMENT_RETIRED_IN_ADMIN("ENVIRONMENT_RETIRED", 409, POLICY_CHANGE),
    INVALID_ENVIRONMENT(400, USER_ERROR),
    RECIPE_ID_REQUIRED(400, USER_ERROR),
    SERVICE_ENVIRONMENT_NOT_ROUTED(400, UNKNOWN),
    /** 404: an unknown recipe on the deploy paths. */
    RECIPE_NOT_FOUND(404, USER_ERROR),
    /** 400: an unknown recipe id in a delivery-group body. */
    RECIPE_NOT_FOUND_IN_BODY("RECIPE_NOT_FOUND", 400, USER_ERROR),
    RECIPE_DEPRECATED(403, POLICY_CHANGE),
    RECIPE_NOT_ALLOWED(403, POLICY_CHANGE),
    RECIPE_INCOMPATIBLE(400, POLICY_CHANGE),
    INVALID_VERSION(400, USER_ERROR),
    VERSION_NOT_FOUND(400, USER_ERROR),
    ARTIFACT_NOT_FOUND(409, POLICY_CHANGE),
    NO_PRIOR_SUCCESSFUL_VERSION(400, UNKNOWN),
    ROLLBACK_OF_ROLLBACK(400, UNKNOWN),
    MISSING_SPINNAKER_TARGET(400, UNKNOWN),
    NOT_FOUND(404, UNKNOWN),
    INVALID_REQUEST(400, USER_ERROR),
    INVALID_BUILD_REGISTRATION(400, USER_ERROR),
    INVALID_ARTIFACT(400, USER_ERROR),
    INVALID_URL(400, UNKNOWN),
    INVALID_SERVICES(400, UNKNOWN),
    INVALID_RECIPES(400, UNKNOWN),
    INVALID_ENVIRONMENTS(400, UNKNOWN),
    INVALID_GUARDRAIL(400, UNKNOWN),
    INVALID_OWNER(400, UNKNOWN),
    MISSING_ID(400, UNKNOWN),
    MISSING_NAME(400, UNKNOWN),
    ID_MISMATCH(400, USER_ERROR),
    DELIVERY_GROUP_EXISTS(409, UNKNOWN),
    RECIPE_EXISTS(409, UNKNOWN),
    ENVIRONMENT_EXISTS(409, UNKNOWN),
    SERVICE_ALREADY_ASSIGNED(409, UNKNOWN),
    RECIPE_NAME_REQUIRED(400, USER_ERROR),
    RECIPE_DEPLOY_PIPELINE_REQUIRED(400, UNKNOWN),
    MISSING_ENGINE_APP(400, USER_ERROR),
    MISSING_ENGINE_PIPELINE(400, USER_ERROR),
    INVALID_STATUS(400, USER_ERROR),
    RECIPE_BEHAVIOR_REQUIRED(400, USER_ERROR),
    RECIPE_IN_USE(409, POLICY_CHANGE),
    INVALID_ENVIRONMENT_ID(400, UNKNOWN),
    INVALID_ENVIRONMENT_TYPE(400, UNKNOWN),
    INVALID_ENVIRONMENT_LIFECYCLE_STATE(400, UNKNOWN),
    ENVIRONMENT_TYPE_LOCKED(409, USER_ERROR),
    ENVIRONMENT_DELETE_BLOCKED_REFERENCED(409, USER_ERROR),
    PROMOTION_TARGET_REQUIRED(400, USER_ERROR),
    PROMOTION_PATH_NOT_ALLOWED(400, USER_ERROR),
    PROMOTION_VERSION_INELIGIBLE(400, USER_ERROR),
    ARTIFACT_DISCOVERY_FAILED(502, UNKNOWN),
    ENGINE_TIMEOUT(504, UNKNOWN),
    ENGINE_UNAVAILABLE(503, UNKNOWN),
    ENGINE_UNAUTHORIZED(502, UNKNOWN),
    ENGINE_MISCONFIGURED(502, POLICY_CHANGE),
    ENGINE_CALL_FAILED(502, UNKNOWN),
    /** Unknown route or method and other refusals of the HTTP layer itself; the edge gives the status. */
    HTTP_ERROR(404, UNKNOWN),
    /** The request body did not arrive within the body-read timeout (README: DXCP_BODY_READ_TIMEOUT). */
    REQUEST_BODY_TIMEOUT("HTTP_ERROR", 408, UNKNOWN),
    REQUEST_BODY_TOO_LARGE("HTTP_ERROR", 413, UNKNOWN),
    REQUEST_LINE_TOO_LONG("HTTP_ERROR", 414, UNKNOWN),
    REQUEST_HEADERS_TOO_LARGE("HTTP_ERROR", 431, UNKNOWN),
    INTERNAL_ERROR(500, UNKNOWN),
    // DXCP's own, beyond the catalogue:
    /** The delivery database does not answer: retry with the same Idempotency-Key (docs/DECISIONS.md). */
    SERVICE_UNAVAILABLE(503, UNKNOWN),
    /** A rebuild of the projection is already running (README "Operating the read models"). */
    REBUILD_IN_PROGRESS(409, UNKNOWN),
    /** A cross-origin request from an origin, method or header DXCP_CORS_ORIGINS does not allow. */
    CORS_NOT_ALLOWED(403, UNKNOWN),
    // Change governance (docs/GOVERNANCE.md):
    /** A deploy, promotion (or, where the window says so, rollback) inside a freeze window. */
    FREEZE_WINDOW_ACTIVE(403, POLICY_CHANGE),
    /** A freeze window with this id already exists. */
    FREEZE_WINDOW_EXISTS(409, UNKNOWN),
    /** An approval policy with this id, or for this group and environment, already exists. */
    APPROVAL_POLICY_EXISTS(409, UNKNOWN),
    /** The caller may not approve or reject under the deployment's approval policy. */
    APPROVER_NOT_ALLOWED(403, POLICY_CHANGE),
    /** The requester of a deployment may not approve or reject it. */
    SELF_APPROVAL_FORBIDDEN(403, POLICY_CHANGE),
    /** The deployment is not waiting for approval (never needed one, or already approved, rejected, expired). */
    APPROVAL_NOT_PENDING(409, UNKNOWN),
    /** The approval time limit passed: the deployment ended as CANCELED. */
    APPROVAL_EXPIRED(409, UNKNOWN),
    /** An automatic rollback policy with this id, or for this group, environment and recipe, already exists. */
    AUTO_ROLLBACK_POLICY_EXISTS(409, UNKNOWN),
    // Notifications (docs/GOVERNANCE.md):
    /** A webhook subscription with this id already exists. */
    NOTIFICATION_SUBSCRIPTION_EXISTS(409, UNKNOWN);

    /** governance §12 {@code failure_cause}. */
    public enum FailureCause { USER_ERROR, POLICY_CHANGE, UNKNOWN }

    private static final Map<String, ErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(ErrorCode::code, Function.identity(), (first, variant) -> first));

    private final String code;
    private final int status;
    private final FailureCause failureCause;

    ErrorCode(int status, FailureCause failureCause) {
        this(null, status, failureCause);
    }

    ErrorCode(String code, int status, FailureCause failureCause) {
        this.code = code == null ? name() : code;
        this.status = status;
        this.failureCause = failureCause;
    }

    /** The code as clients see it in {@code code} and {@code error_code}. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public FailureCause failureCause() {
        return failureCause;
    }

    /**
     * The constant for a code as stored in an event (an engine refusal keeps its code as text), preferring
     * the one with the given status where the contract gives the code two.
     */
    public static ErrorCode of(String code, int status) {
        for (ErrorCode candidate : values()) {
            if (candidate.code.equals(code) && candidate.status == status) {
                return candidate;
            }
        }
        ErrorCode known = BY_CODE.get(code);
        if (known == null) {
            throw new IllegalArgumentException("Not a catalogue code: " + code);
        }
        return known;
    }
}
