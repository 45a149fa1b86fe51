package dev.dxcp.events.engine;

import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.settings.EngineAdapterProposal;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.events.settings.SettingProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the edge asks of the engine and artifact adapters (api-contract §11, §13, domain §13, §16). Only
 * engine-saga knows Gate; these are its answers in DXCP's words.
 */
public final class EngineMessages {
    private EngineMessages() {
    }

    /** The engine's health call (never refused for engine trouble: it reports DOWN). */
    public record EngineHealthOf() {
    }

    /** @param error why it is down, null when up */
    public record EngineHealth(boolean up, String error) {
    }

    /** Applications, optionally with a tag; engine codes when the engine fails, with admin details. */
    public record ListEngineApplications(String tagName, String tagValue, boolean admin) {
    }

    public record ListEnginePipelines(String application, boolean admin) {
    }

    public record EnginePipeline(String id, String name) {
    }

    /**
     * Whether engine adapter settings would work, nothing saved (api-contract §11 …/validate).
     *
     * @param proposal     the settings sent, or null for the settings in force; secrets sent stand under
     *                     {@code unsaved:<field>} references resolved from {@code sentSecrets}
     * @param bodyProblems what was wrong with the body itself (types)
     * @param ignored      names in the body that are no setting
     */
    public record ValidateEngineAdapter(EngineAdapterProposal proposal, Map<Secret, String> sentSecrets,
                                        List<SettingProblem> bodyProblems, List<String> ignored) {
    }

    /** VALID, WARNING or INVALID, with a summary and the problems by field. */
    public record EngineAdapterValidation(String status, String summary, List<SettingProblem> errors,
                                          List<SettingProblem> warnings) {
    }

    /** What keeps a proposal from being saved: the rules, then what only the engine side can check. */
    public record EngineAdapterProblems(EngineAdapterProposal proposal, Map<Secret, String> sentSecrets) {
    }

    /** Saves secret values where every instance reads them; answered with each secret's new reference. */
    public record StoreEngineSecrets(Map<Secret, String> values) {
    }

    /**
     * After a change of the engine adapter: secrets the settings no longer name leave the database, and
     * this instance switches to the new engine now rather than at its next call.
     */
    public record ApplyEngineAdapterChange(Instant at) {
    }

    /**
     * domain §13: measure a registered build's artifact in the runtime store (size, media type, streamed
     * sha256), answered with its {@link ArtifactIntegrity}; INVALID_ARTIFACT or INTERNAL_ERROR when it
     * cannot be measured.
     */
    public record MeasureArtifact(BuildRecord candidate) {
    }

    /** A scan of the artifact store for a service's versions (api-contract §4 versions?refresh). */
    public record DiscoverVersions(String service) {
    }

    public record DiscoveredVersion(String version, String artifactRef, Long sizeBytes, Instant lastModified) {
    }

    /**
     * The synchronous part of a deploy or rollback: wait (bounded) for the engine's answer to the
     * accepted record's trigger; refused with the engine's code, else answered when started or timed out.
     */
    public record AwaitTrigger(String deploymentId) {
    }

    public record TriggerAwaited(String deploymentId) {
    }
}
