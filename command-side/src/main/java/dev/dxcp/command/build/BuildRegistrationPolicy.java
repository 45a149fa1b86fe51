package dev.dxcp.command.build;

import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.ArtifactRef;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.BuildRegistrationRequest;
import dev.dxcp.events.build.InvalidArtifactRef;
import dev.dxcp.events.build.SemverOrder;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.registry.ServiceEntry;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of governance §5 (builds) that need no stored state and come after the quota step:
 * service in registry, version format, built_at, [POST /v1/builds: artifact limits], artifact source,
 * links. Pure given the registry.
 */
public class BuildRegistrationPolicy {
    private final ServiceRegistry registry;
    private final ArtifactSourceRules sourceRules;
    private final ArtifactLimits limits;

    public BuildRegistrationPolicy(ServiceRegistry registry, ArtifactSourceRules sourceRules, ArtifactLimits limits) {
        this.registry = registry;
        this.sourceRules = sourceRules;
        this.limits = limits;
    }

    /**
     * Returns the build as it would be stored, or throws the first failing rule.
     *
     * @param asserted the integrity CI asserts on POST /v1/builds, checked against the limits right after
     *                 built_at; null on /register, where the store measures it later
     */
    public BuildRecord admit(BuildRegistrationRequest request, String buildId, String ciPublisher,
                             Instant registeredAt, ArtifactIntegrity asserted) {
        ServiceEntry service = allowlisted(request.service());
        checkVersion(request.version());
        Instant builtAt = Timestamps.parse(request.builtAt()).orElseThrow(() -> new Rejection(
                ErrorCode.INVALID_BUILD_REGISTRATION, "Invalid build registration", null,
                Map.of("missing_fields", List.of(), "invalid_fields", List.of("built_at"))));
        ArtifactIntegrity integrity = asserted == null ? null : limits.check(asserted);
        checkArtifactSource(request.artifactRef(), service);
        checkLink("commit_url", request.commitUrl());
        checkLink("run_url", request.runUrl());
        BuildRecord build = new BuildRecord(buildId, request.service(), request.version(),
                request.artifactRef().trim(), request.gitSha(), request.gitBranch(), ciPublisher,
                request.ciProvider(), request.ciRunId(), Timestamps.truncate(builtAt), null, null, null,
                request.checksumSha256(), request.repo(), request.actor(), request.commitUrl(), request.runUrl(),
                registeredAt);
        return integrity == null ? build : build.withIntegrity(integrity);
    }

    /**
     * An upload capability's checks after its quota step (governance §5): service, version, then the
     * artifact limits; answers the announced integrity as a build would store it.
     */
    public ArtifactIntegrity admitAnnouncement(String service, String version, ArtifactIntegrity announced) {
        allowlisted(service);
        checkVersion(version);
        return limits.check(announced);
    }

    private ServiceEntry allowlisted(String service) {
        return registry.find(service).orElseThrow(() -> new Rejection(ErrorCode.SERVICE_NOT_ALLOWLISTED,
                "Service is not allowlisted", "Service " + service + " is not in the service registry", null));
    }

    private static void checkVersion(String version) {
        if (!SemverOrder.isValidVersion(version)) {
            throw new Rejection(ErrorCode.INVALID_VERSION, "Version must look like 1.2.3 or 1.2.3-rc.1");
        }
    }

    private void checkArtifactSource(String raw, ServiceEntry service) {
        ArtifactRef ref;
        try {
            ref = ArtifactRef.parse(raw, sourceRules.allowedSchemes());
        } catch (InvalidArtifactRef e) {
            throw new Rejection(ErrorCode.INVALID_ARTIFACT, e.getMessage());
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
            throw new Rejection(ErrorCode.INVALID_ARTIFACT, "Artifact source not allowlisted");
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
        throw new Rejection(ErrorCode.INVALID_URL, field + " must be an http or https URL with a host");
    }
}
