package dev.dxcp.saga.spinnaker.failure;

import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rule table of domain-and-state §9, in table order: code rules, then text rules (lower-cased
 * substring, first rule wins), then the rollback fallback. Texts are DXCP's own words, user-safe, and
 * never name the engine or its stages. Code rules carry a short neutral {@code detail}; text rules give
 * {@code detail} null.
 *
 * <p>Two additions, both for signals the §9 table leaves to ROLLBACK/UNKNOWN:
 * <ul>
 *   <li>a manual judgment answered "stop" is a deliberate stop by an operator, not an engine fault
 *       (spinnaker-gate §7.4): category APP, because an operator stops a rollout when the release
 *       misbehaves; checked first for its stage;</li>
 *   <li>a deployment controller that rejected the release with a 4xx and its own error code that no rule
 *       knows → APP ("controller rejected the release for app reasons", spinnaker-gate §7.4); checked
 *       after the rollback fallback so a rollback keeps its ROLLBACK category.</li>
 * </ul>
 */
final class FailureRules {

    /** What a rule decides; {@link #at(Instant)} stamps it into a {@link FailureModel}. */
    record Outcome(FailureCategory category, String summary, String detail, String actionHint) {
        FailureModel at(Instant observedAt) {
            return new FailureModel(category, summary, detail, actionHint, observedAt);
        }
    }

    private record CodeRule(Set<String> codes, Outcome outcome) {
    }

    private record TextRule(List<String> needles, Outcome outcome) {
    }

    private static final String RETRY_OR_PLATFORM = "Retry, or contact the platform team if it happens again.";
    private static final String RETRY_LATER = "Retry later, or contact the platform team if it persists.";

    static final Outcome DELIVERY_UNAVAILABLE_TEXT = new Outcome(FailureCategory.INFRASTRUCTURE,
            "The delivery system was unavailable.", null, RETRY_LATER);

    private static final List<CodeRule> CODE_RULES = List.of(
            new CodeRule(Set.of("missing_service", "unknown_service"), new Outcome(FailureCategory.VALIDATION,
                    "The service is not registered for delivery.",
                    "The deployment target did not recognise the service.",
                    "Pick a service from the allowlist and try again.")),
            new CodeRule(Set.of("artifact_bucket_mismatch"), new Outcome(FailureCategory.ARTIFACT,
                    "The build artifact could not be validated.",
                    "The artifact location did not match the expected store.",
                    "Register the build in the approved artifact store, then retry.")),
            new CodeRule(Set.of("no_previous_artifact"), new Outcome(FailureCategory.ROLLBACK,
                    "There is no earlier version to roll back to.",
                    "No previous artifact is recorded for this service.",
                    "Deploy an earlier version first, or choose another target.")),
            new CodeRule(Set.of("invalid_previous_artifact"), new Outcome(FailureCategory.ROLLBACK,
                    "The earlier version's metadata is not valid for a rollback.",
                    "The recorded previous artifact could not be used.",
                    "Choose another target version, or register the build again.")),
            new CodeRule(Set.of("unauthorized"), new Outcome(FailureCategory.POLICY,
                    "The deployment was blocked by permissions.",
                    "The deployment target refused the credentials it was given.",
                    "Check the permissions involved, or contact the platform team.")),
            new CodeRule(Set.of("method_not_allowed"), new Outcome(FailureCategory.VALIDATION,
                    "The deployment request was not accepted.",
                    "The deployment target does not accept this kind of request.",
                    "Retry the deployment from DXCP.")),
            new CodeRule(Set.of("not_found"), new Outcome(FailureCategory.INFRASTRUCTURE,
                    "The delivery system was unavailable.",
                    "A delivery endpoint could not be found.",
                    RETRY_LATER)));

    private static final List<TextRule> TEXT_RULES = List.of(
            new TextRule(List.of("timeout", "timed out"), new Outcome(FailureCategory.TIMEOUT,
                    "The deployment timed out.", null, RETRY_OR_PLATFORM)),
            new TextRule(List.of("connection", "unavailable", "http 5"), DELIVERY_UNAVAILABLE_TEXT),
            new TextRule(List.of("internal error"), new Outcome(FailureCategory.INFRASTRUCTURE,
                    "The delivery system hit an internal error.", null, RETRY_LATER)),
            new TextRule(List.of("artifact", "checksum"), new Outcome(FailureCategory.ARTIFACT,
                    "The build artifact could not be validated.", null, "Register a valid build and retry.")),
            new TextRule(List.of("forbidden", "not allowed"), new Outcome(FailureCategory.POLICY,
                    "The deployment was blocked by policy.", null,
                    "Review the delivery group's policy, or contact the platform team.")),
            new TextRule(List.of("config", "pipeline"), new Outcome(FailureCategory.CONFIG,
                    "The delivery configuration is missing or invalid.", null,
                    "Ask the platform team to fix the delivery configuration.")),
            new TextRule(List.of("validation"), new Outcome(FailureCategory.VALIDATION,
                    "The deployment request failed validation.", null,
                    "Check the service, version and recipe, then retry.")));

    static final Outcome ROLLBACK_FALLBACK = new Outcome(FailureCategory.ROLLBACK,
            "The rollback could not be completed.", null, "Retry the rollback, or deploy a known good version.");

    static final Outcome UNKNOWN = new Outcome(FailureCategory.UNKNOWN,
            "The deployment failed for an unknown reason.", null, RETRY_OR_PLATFORM);

    static final Outcome DELIBERATE_STOP = new Outcome(FailureCategory.APP,
            "An operator stopped the rollout before it finished.",
            "The rollout was halted on purpose at an approval step, not by a system fault.",
            "Find out why the rollout was stopped, then deploy a fixed or known good version.");

    private FailureRules() {
    }

    /** The outcome of one signal, or empty when the signal does not classify and the next one must be tried. */
    static Optional<Outcome> classify(FailureSignal signal, boolean rollbackExecution) {
        if (signal.deliberateStop()) {
            return Optional.of(DELIBERATE_STOP);
        }
        for (String code : signal.codes()) {
            for (CodeRule rule : CODE_RULES) {
                if (rule.codes().contains(code)) {
                    return Optional.of(rule.outcome());
                }
            }
        }
        String text = signal.text().toLowerCase(Locale.ROOT);
        if (!text.isBlank()) {
            for (TextRule rule : TEXT_RULES) {
                if (rule.needles().stream().anyMatch(text::contains)) {
                    return Optional.of(rule.outcome());
                }
            }
        }
        if (rollbackExecution && signal.present()) {
            return Optional.of(ROLLBACK_FALLBACK);
        }
        if (signal.controllerCode() != null) {
            return Optional.of(controllerRejected(signal.controllerCode()));
        }
        return Optional.empty();
    }

    private static Outcome controllerRejected(String code) {
        return new Outcome(FailureCategory.APP, "The deployment target rejected the release.",
                "It answered with error code " + code + ".",
                "Check the release and its settings, then deploy a fixed version.");
    }
}
