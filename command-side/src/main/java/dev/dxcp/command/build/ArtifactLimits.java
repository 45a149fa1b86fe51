package dev.dxcp.command.build;

import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The integrity limits every stored build satisfies (domain §13): size at most the maximum (default
 * 200 MiB), sha256 of 64 hex characters, content type in the allowlist. The same limits apply whether
 * the artifact store measured the values or CI announced them for an upload.
 */
public record ArtifactLimits(long maxSizeBytes, Set<String> contentTypes) {
    public static final long DEFAULT_MAX_SIZE_BYTES = 209_715_200L;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    public ArtifactLimits {
        contentTypes = Set.copyOf(contentTypes);
    }

    /**
     * Answers the integrity with its sha256 in lower case (hex digits in either case name the same
     * digest, and stored builds carry it in lower case, as the store measures it).
     *
     * @throws Rejection INVALID_ARTIFACT naming the first limit broken
     */
    public ArtifactIntegrity check(ArtifactIntegrity integrity) {
        if (integrity.sizeBytes() < 0 || integrity.sizeBytes() > maxSizeBytes) {
            throw invalid("artifact size must be between 0 and " + maxSizeBytes + " bytes");
        }
        if (integrity.sha256() == null || !SHA256.matcher(integrity.sha256()).matches()) {
            throw invalid("artifact sha256 must be 64 hex characters");
        }
        if (!contentTypes.contains(integrity.contentType())) {
            throw invalid("artifact content type " + integrity.contentType() + " is not allowed");
        }
        return new ArtifactIntegrity(integrity.sha256().toLowerCase(Locale.ROOT), integrity.sizeBytes(),
                integrity.contentType(), integrity.eTag());
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_ARTIFACT, message);
    }
}
