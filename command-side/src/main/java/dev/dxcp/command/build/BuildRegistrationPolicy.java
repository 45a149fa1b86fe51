package dev.dxcp.command.build;

import dev.dxcp.command.registry.ServiceEntry;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.build.ArtifactRef;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.BuildRegistrationRequest;
import dev.dxcp.events.build.InvalidArtifactRef;
import dev.dxcp.events.build.SemverOrder;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of governance §5 (builds) that need no stored state and come after the quota step:
 * service in registry, version format, built_at, artifact source, links. Pure given the registry.
 */
public class BuildRegistrationPolicy {
    private final ServiceRegistry registry;
    private final ArtifactSourceRules sourceRules;

    public BuildRegistrationPolicy(ServiceRegistry registry, ArtifactSourceRules sourceRules) {
        this.registry = registry;
        this.sourceRules = sourceRules;
    }

    /** Returns the build as it would be stored (integrity not yet known), or throws the first failing rule. */
    public BuildRecord admit(BuildRegistrationRequest request, String buildId, String ciPublisher,
                             Instant registeredAt) {
        ServiceEntry service = registry.find(request.service()).orElseThrow(() -> new Rejection(
                "SERVICE_NOT_ALLOWLISTED", 403, "Service is not allowlisted", "Service " + request.service()
                + " is not in the service registry", null));
        if (!SemverOrder.isValidVersion(request.version())) {
            throw new Rejection("INVALID_VERSION", 400, "Version must look like 1.2.3 or 1.2.3-rc.1");
        }
        Instant builtAt = Timestamps.parse(request.builtAt()).orElseThrow(() -> new Rejection(
                "INVALID_BUILD_REGISTRATION", 400, "Invalid build registration", null,
                Map.of("missing_fields", List.of(), "invalid_fields", List.of("built_at"))));
        checkArtifactSource(request.artifactRef(), service);
        checkLink("commit_url", request.commitUrl());
        checkLink("run_url", request.runUrl());
        return new BuildRecord(buildId, request.service(), request.version(), request.artifactRef().trim(),
                request.gitSha(), request.gitBranch(), ciPublisher, request.ciProvider(), request.ciRunId(),
                Timestamps.truncate(builtAt), null, null, null, request.checksumSha256(), request.repo(),
                request.actor(), request.commitUrl(), request.runUrl(), registeredAt);
    }

    private void checkArtifactSource(String raw, ServiceEntry service) {
        ArtifactRef ref;
        try {
            ref = ArtifactRef.parse(raw, sourceRules.allowedSchemes());
        } catch (InvalidArtifactRef e) {
            throw new Rejection("INVALID_ARTIFACT", 400, e.getMessage());
        }
        boolean allowed;
        if (sourceRules.bucketConfigured()) {
            allowed = "s3".equals(ref.scheme()) && sourceRules.runtimeBucket().equals(ref.bucket());
        } else if (!service.allowedArtifactSources().isEmpty()) {
            allowed = service.allowedArtifactSources().stream().anyMatch(ref.value()::startsWith);
        } else {
            allowed = true;
        }
        if (!allowed) {
            throw new Rejection("INVALID_ARTIFACT", 400, "Artifact source not allowlisted");
        }
    }

    private static void checkLink(String field, String value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value.trim());
            if (Set.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase())
                    && uri.getHost() != null && !uri.getHost().isBlank()) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the field's name
        }
        throw new Rejection("INVALID_URL", 400, field + " must be an http or https URL with a host");
    }
}
