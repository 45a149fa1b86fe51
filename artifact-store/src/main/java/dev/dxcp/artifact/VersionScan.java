package dev.dxcp.artifact;

import dev.dxcp.events.build.ArtifactRef;
import dev.dxcp.events.build.SemverOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the objects under {@code <service>/} into the service's versions (domain §11):
 * an object counts when its file name is {@code <service>-<version>.zip} with a valid version.
 * The result is in {@link SemverOrder#NEWEST_FIRST} order.
 */
public final class VersionScan {

    private static final String ZIP = ".zip";

    private final ArtifactStore store;

    public VersionScan(ArtifactStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Lists {@code <service>/} in {@code bucket} and keeps the versioned artifacts.
     *
     * @throws ArtifactDiscoveryException when the store could not be listed
     */
    public List<ArtifactVersion> versionsOf(String bucket, String service) {
        return fromListing(bucket, service, store.list(bucket, service + "/"));
    }

    /** The pure part of the scan, separate so the lead's code and tests can feed it any listing. */
    public static List<ArtifactVersion> fromListing(String bucket, String service, List<DiscoveredArtifact> listing) {
        String prefix = service + "/";
        String fileNamePrefix = service + "-";
        // One entry per version: the same file name can sit at more than one depth under the
        // prefix; the most recently written object is the one a rebuild put there.
        Map<String, ArtifactVersion> byVersion = new LinkedHashMap<>();
        for (DiscoveredArtifact object : listing) {
            String key = object.key();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String fileName = key.substring(key.lastIndexOf('/') + 1);
            if (!fileName.startsWith(fileNamePrefix) || !fileName.endsWith(ZIP)) {
                continue;
            }
            String version = fileName.substring(fileNamePrefix.length(), fileName.length() - ZIP.length());
            if (!SemverOrder.isValidVersion(version)) {
                continue;
            }
            ArtifactVersion candidate = new ArtifactVersion(
                    version, ArtifactRef.s3(bucket, key), object.sizeBytes(), object.lastModified());
            byVersion.merge(version, candidate, VersionScan::newerObject);
        }
        List<ArtifactVersion> versions = new ArrayList<>(byVersion.values());
        versions.sort(Comparator.comparing(ArtifactVersion::version, SemverOrder.NEWEST_FIRST));
        return versions;
    }

    private static ArtifactVersion newerObject(ArtifactVersion kept, ArtifactVersion candidate) {
        if (kept.lastModified() == null) {
            return candidate.lastModified() == null ? kept : candidate;
        }
        return candidate.lastModified() != null && candidate.lastModified().isAfter(kept.lastModified())
                ? candidate : kept;
    }
}
